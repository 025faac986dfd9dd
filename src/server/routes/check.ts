/**
 * The public report checker (no sign-in): GET /check shows the form, POST /check reads and checks a pasted text or
 * an uploaded file and shows the tables with their findings. Nothing is stored: the downloads and the language
 * switch re-send the report read (POST /check/export, /check/view), and the server checks it again.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import type { ReportFile } from '../../services/reports/check-report.js';
import type { IsolatedChecker } from '../../services/reports/isolated-check.js';
import { statusOf } from '../error-status.js';
import { checkForm, resendFormId, resultBody, type CheckView } from '../pages/check-pages.js';
import { html } from '../pages/html.js';
import { words, type Lang } from '../pages/i18n.js';
import { page } from '../pages/layout.js';
import { SITE_CSS } from '../pages/style.js';
import { reportCsv, reportJson } from '../presenters/report-export.js';
import { readForm, refuseDeclaredLength } from '../uploads.js';
import { pageUserOf, requestLang, sendPage } from './web-shared.js';

const PASTED = { zh: '粘贴的文字', en: 'pasted text' };
const htmlRoute = { public: true, html: true } as const;

function stringFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') fields[key] = value;
  }
  return fields;
}

/** Reads and checks one file in a worker; a report that cannot be read comes back as a DomainError. */
async function check(checker: IsolatedChecker, file: ReportFile, name: string): Promise<CheckView> {
  const checked = await checker.check(file);
  return { name, ...checked };
}

/** Not a flaw found in the report (a reader overran its time; no worker can run): an error page, Chinese then English. */
const NOT_ABOUT_THE_REPORT = new Set(['REPORT_TIMEOUT', 'REPORT_CHECKER_UNAVAILABLE', 'REPORT_CHECKER_BUSY']);

/** The result page, with a language switch that re-sends the report instead of a link that would lose it. */
export function resultPage(request: FastifyRequest, view: CheckView, lang: Lang): string {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  // It submits the downloads' form (the report's only copy on the page) to /check/view instead.
  const languageSwitch = html`<button
    type="submit"
    form="${resendFormId()}"
    formaction="/check/view${other === 'en' ? '?lang=en' : ''}"
    lang="${other === 'en' ? 'en' : 'zh-CN'}"
  >
    ${words(lang).languageSwitch}
  </button>`;
  return page(
    {
      lang,
      title: `${words(lang).result} · ${view.report.agency ?? view.name}`,
      path: '/check',
      user: pageUserOf(request),
      languageSwitch,
    },
    resultBody(view, lang),
  );
}

function formPage(request: FastifyRequest, lang: Lang, options: { problem?: string; text?: string } = {}) {
  return page(
    { lang, title: words(lang).checkTitle, path: '/check', user: pageUserOf(request) },
    checkForm(lang, options),
  );
}

/** Re-reads a report re-sent by a form (downloads, language switch); it is checked again, never trusted. */
async function resent(checker: IsolatedChecker, request: FastifyRequest): Promise<CheckView> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const report = typeof body.report === 'string' ? body.report : '';
  const name = typeof body.name === 'string' && body.name !== '' ? body.name.slice(0, 300) : 'report.json';
  const format = typeof body.format === 'string' ? body.format.slice(0, 10) : 'json';
  const view = await check(checker, { bytes: new TextEncoder().encode(report), source: name }, name);
  return { ...view, format };
}

/** A download file name: ASCII for old clients, the agency and year in UTF-8 for the rest. */
function attachment(reply: FastifyReply, view: CheckView, extension: string): FastifyReply {
  const stem = `${view.report.agency ?? 'report'}-${view.report.year ?? ''}-check`.replace(
    /[\\/:*?"<>|\s]+/g,
    '_',
  );
  return reply.header(
    'content-disposition',
    `attachment; filename="report-check.${extension}"; filename*=UTF-8''${encodeURIComponent(`${stem}.${extension}`)}`,
  );
}

export function registerCheckRoutes(
  app: FastifyInstance,
  checker: IsolatedChecker,
  options: { checkPerMinute: number },
): void {
  // Every request that reads a report is limited per client IP (the pages and the stylesheet are not). The
  // re-sends are refused before their body is read; a new check is counted once its form is read, so that a
  // refused paste comes back in the form instead of being lost (the body is bounded by the upload limits).
  // One count per client IP for all three routes.
  const countCheck = app.createRateLimit({ max: options.checkPerMinute, timeWindow: '1 minute' });
  /** Refuses a re-send over the limit before its body is read (429 page, with Retry-After). */
  const limitResend = async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await countCheck(request);
    if (!limit.isAllowed && limit.isExceeded) {
      reply.header('retry-after', String(Math.max(1, limit.ttlInSeconds)));
      throw new DomainError('RATE_LIMITED', '请求过于频繁，请稍后再试', 'too many requests, try again later');
    }
  };
  // The site's front door is the public 政府信息公开 portal (routes/portal.ts), which links to the checker.
  app.get('/', { config: { public: true } }, (request, reply) =>
    reply.redirect(requestLang(request) === 'en' ? '/gk?lang=en' : '/gk'),
  );
  app.get('/assets/site.css', { config: { public: true } }, (_request, reply) =>
    reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=300').send(SITE_CSS),
  );

  app.get('/check', { config: htmlRoute }, (request, reply) =>
    sendPage(reply, formPage(request, requestLang(request))),
  );

  app.post('/check', { config: htmlRoute }, async (request, reply) => {
    const lang = requestLang(request);
    const max = limits.reportUploadMaxBytes + limits.reportTextMaxBytes + 64 * 1024;
    refuseDeclaredLength(request, max);
    // The form is multipart (text and file); a plain url-encoded POST with `text` works too.
    const form = request.isMultipart()
      ? await readForm(request, {
          fileBytes: limits.reportUploadMaxBytes,
          files: 1,
          totalBytes: limits.reportUploadMaxBytes,
          fieldBytes: limits.reportTextMaxBytes,
        })
      : { fields: stringFields(request.body), files: [] };
    const file = form.files[0];
    const text = (form.fields.text ?? '').trim();
    const w = words(lang);
    if (!file && text === '') {
      const problem =
        lang === 'en' ? 'Paste the report text or choose a file first.' : '请先粘贴报告文字或选择一个文件。';
      return sendPage(reply, formPage(request, lang, { problem }), 400);
    }
    const limit = await countCheck(request);
    if (!limit.isAllowed && limit.isExceeded) {
      const wait = Math.max(1, limit.ttlInSeconds);
      const problem =
        lang === 'en'
          ? `Too many checks from this address: try again in ${wait} s.${file ? ' Choose the file again.' : ''}`
          : `本机检查次数过多，请 ${wait} 秒后再试。${file ? '请重新选择文件。' : '粘贴的文字仍在下方。'}`;
      reply.header('retry-after', String(wait));
      return sendPage(reply, formPage(request, lang, { problem, text: file ? '' : text }), 429);
    }
    const name = file ? file.name || 'upload' : PASTED[lang];
    try {
      const view = file
        ? await check(checker, { bytes: file.bytes, source: name }, name)
        : await check(checker, { bytes: new TextEncoder().encode(text), source: `${PASTED.zh}.txt` }, name);
      return sendPage(reply, resultPage(request, view, lang));
    } catch (error) {
      if (!(error instanceof DomainError) || NOT_ABOUT_THE_REPORT.has(error.code)) throw error;
      const problem = `${lang === 'en' ? error.messageEn : error.messageZh}`;
      return sendPage(
        reply,
        formPage(request, lang, { problem: `${w.checkTitle}：${problem}`, text: file ? '' : text }),
        statusOf(error.code) === 400 ? 422 : statusOf(error.code),
      );
    }
  });

  app.post(
    '/check/view',
    { config: htmlRoute, bodyLimit: limits.resendMaxBytes, onRequest: limitResend },
    async (request, reply) =>
      sendPage(reply, resultPage(request, await resent(checker, request), requestLang(request))),
  );

  app.post(
    '/check/export',
    { config: htmlRoute, bodyLimit: limits.resendMaxBytes, onRequest: limitResend },
    async (request, reply) => {
      const view = await resent(checker, request);
      if (((request.body ?? {}) as Record<string, unknown>).as === 'csv') {
        return attachment(reply, view, 'csv')
          .type('text/csv; charset=utf-8')
          .send(reportCsv(view.report, view.findings));
      }
      return attachment(reply, view, 'json')
        .type('application/json; charset=utf-8')
        .send(reportJson(view.report, view.findings));
    },
  );
}
