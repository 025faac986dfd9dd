/**
 * The batch checker for supervising agencies and administrators: GET /batch (the form), POST /batch (several files
 * or zip archives, read in memory and checked; nothing stored), POST /batch/sort (the same results re-sent and
 * re-checked, sorted by the column asked for).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import type { IsolatedChecker } from '../../services/reports/isolated-check.js';
import { listAgencies } from '../../services/agencies/list-agencies.js';
import type { Platform } from '../../services/platform/platform.js';
import { canCheckReportsInBulk } from '../../services/policies/access.js';
import { batchForm, batchResult, matchAgency, parseSort, type BatchEntry } from '../pages/batch-pages.js';
import { errorPage } from '../pages/error-page.js';
import { withLang, words, type Lang } from '../pages/i18n.js';
import { page } from '../pages/layout.js';
import { readForm, refuseDeclaredLength, totalTooLarge } from '../uploads.js';
import { pageUserOf, requestLang, requireFormCsrf, sendPage } from './web-shared.js';

const htmlRoute = { public: true, html: true } as const;

/** Sends people who are not signed in to /login, and refuses those without a supervisor or admin role. */
function gate(request: FastifyRequest, reply: FastifyReply, lang: Lang): boolean {
  if (!request.principal) {
    void reply.redirect(withLang(`/login?next=${encodeURIComponent('/batch')}`, lang), 303);
    return false;
  }
  if (!canCheckReportsInBulk(request.principal)) {
    const w = words('en');
    void sendPage(reply, errorPage(lang, 403, words('zh').notAllowed, w.notAllowed), 403);
    return false;
  }
  return true;
}

/** Reads and checks one file in a worker; a file that cannot be read (or took too long) is a problem entry. */
async function checkEntry(
  checker: IsolatedChecker,
  id: number,
  name: string,
  bytes: Uint8Array,
  format?: string,
): Promise<BatchEntry> {
  try {
    const checked = await checker.check({ bytes, source: name });
    return { id, name, view: { name, ...checked, ...(format ? { format } : {}) } };
  } catch (error) {
    // No worker can run, or the queue is full: the whole batch answers 503 rather than fifty copies of it.
    if (!(error instanceof DomainError) || error.code === 'REPORT_CHECKER_UNAVAILABLE') throw error;
    if (error.code === 'REPORT_CHECKER_BUSY') throw error;
    return { id, name, problem: { zh: error.messageZh, en: error.messageEn } };
  }
}

/** Names, for each readable report, the agency of the user's subtrees it is about (by its printed 发布机关). */
async function withOwnAgencies(platform: Platform, request: FastifyRequest, entries: BatchEntry[]) {
  if (!request.principal) return entries;
  const agencies = await listAgencies(platform, request.principal);
  return entries.map((entry) => {
    const match = entry.view ? matchAgency(entry.view.report.agency, agencies) : null;
    return { ...entry, ownAgency: match ? { code: match.code, name: match.name } : null };
  });
}

function resultPage(request: FastifyRequest, lang: Lang, entries: BatchEntry[], sort: unknown): string {
  return page(
    { lang, title: words(lang).batchResult, path: '/batch', user: pageUserOf(request) },
    batchResult(lang, request.csrfToken ?? '', entries, parseSort(sort)),
  );
}

/** Re-sent entries from the sort form; reports are read and checked again, never trusted as sent. */
async function resentEntries(checker: IsolatedChecker, value: unknown): Promise<BatchEntry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof value === 'string' ? value : '[]');
  } catch {
    parsed = [];
  }
  const list = Array.isArray(parsed) ? parsed.slice(0, limits.zipMaxEntries) : [];
  const entries: BatchEntry[] = [];
  for (const [i, item] of list.entries()) {
    const record = (item ?? {}) as Record<string, unknown>;
    const id = typeof record.id === 'number' ? record.id : i;
    const name = typeof record.name === 'string' ? record.name.slice(0, 300) : `#${id}`;
    if (record.report !== undefined) {
      const bytes = new TextEncoder().encode(JSON.stringify(record.report));
      entries.push(
        await checkEntry(
          checker,
          id,
          name,
          bytes,
          typeof record.format === 'string' ? record.format : undefined,
        ),
      );
    } else {
      const problem = (record.problem ?? {}) as Record<string, unknown>;
      entries.push({
        id,
        name,
        problem: { zh: String(problem.zh ?? ''), en: String(problem.en ?? '') },
      });
    }
  }
  return entries;
}

export function registerBatchRoutes(
  app: FastifyInstance,
  platform: Platform,
  checker: IsolatedChecker,
): void {
  app.get('/batch', { config: htmlRoute }, (request, reply) => {
    const lang = requestLang(request);
    if (!gate(request, reply, lang)) return reply;
    return sendPage(
      reply,
      page(
        { lang, title: words(lang).batchTitle, path: '/batch', user: pageUserOf(request) },
        batchForm(lang, request.csrfToken ?? ''),
      ),
    );
  });

  app.post('/batch', { config: htmlRoute }, async (request, reply) => {
    const lang = requestLang(request);
    if (!gate(request, reply, lang)) return reply;
    refuseDeclaredLength(request, limits.batchMaxTotalBytes + 64 * 1024, () =>
      totalTooLarge(limits.batchMaxTotalBytes),
    );
    const form = await readForm(request, {
      fileBytes: limits.reportUploadMaxBytes,
      files: limits.batchMaxFiles,
      totalBytes: limits.batchMaxTotalBytes,
      fieldBytes: 1024,
    });
    requireFormCsrf(request, form.fields._csrf);
    // Archives are expanded in the checker's worker threads: a zip bomb is refused there, not on this thread.
    const files = await checker.expand(form.files.map((f) => ({ name: f.name || 'upload', bytes: f.bytes })));
    if (files.length === 0) {
      const problem = lang === 'en' ? 'Choose at least one file.' : '请至少选择一个文件。';
      return sendPage(
        reply,
        page(
          { lang, title: words(lang).batchTitle, path: '/batch', user: pageUserOf(request) },
          batchForm(lang, request.csrfToken ?? '', problem),
        ),
        400,
      );
    }
    const entries: BatchEntry[] = [];
    for (const [id, file] of files.entries())
      entries.push(await checkEntry(checker, id, file.name, file.bytes));
    return sendPage(
      reply,
      resultPage(request, lang, await withOwnAgencies(platform, request, entries), undefined),
    );
  });

  app.post('/batch/sort', { config: htmlRoute, bodyLimit: limits.resendMaxBytes }, async (request, reply) => {
    const lang = requestLang(request);
    if (!gate(request, reply, lang)) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    requireFormCsrf(request, typeof body._csrf === 'string' ? body._csrf : undefined);
    const entries = await withOwnAgencies(platform, request, await resentEntries(checker, body.entries));
    return sendPage(reply, resultPage(request, lang, entries, body.sort));
  });
}
