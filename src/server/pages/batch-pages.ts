/** The batch checker for supervisors: the upload form, and a sortable table of reports with each report below. */
import { countBySeverity } from '../../core/report/findings.js';
import { limits } from '../../core/limits.js';
import { reportView, type CheckView } from './check-pages.js';
import { html, type Html } from './html.js';
import { withLang, words, type Lang } from './i18n.js';

/** One uploaded file: checked, or the reason it could not be read. `id` is its place in the upload. */
export interface BatchEntry {
  id: number;
  name: string;
  view?: CheckView;
  problem?: { zh: string; en: string };
  /** The agency of the signed-in user's subtree whose name the report's 发布机关 matches, if any. */
  ownAgency?: { code: string; name: string } | null;
}

/** A printed agency name without spaces and without a trailing （…） note such as （…办公室编制）. */
function normalizeAgencyName(name: string): string {
  return name.replace(/\s+/g, '').replace(/[（(][^（()）]*[）)]$/, '');
}

/** The agency (of those the user may see) that a report's 发布机关 names: the same name, or else a name it contains. */
export function matchAgency<T extends { code: string; name: string }>(
  printed: string | null,
  agencies: readonly T[],
): T | null {
  if (!printed) return null;
  const wanted = normalizeAgencyName(printed);
  return (
    agencies.find((agency) => normalizeAgencyName(agency.name) === wanted) ??
    agencies
      .filter((agency) => wanted.includes(normalizeAgencyName(agency.name)))
      .sort((a, b) => b.name.length - a.name.length)[0] ??
    null
  );
}

export const SORT_KEYS = ['name', 'agency', 'year', 'errors', 'warnings'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Reads `errors-desc`, `agency-asc`…; the default puts the reports with most errors first. */
export function parseSort(value: unknown): Sort {
  const match = typeof value === 'string' ? /^(\w+)-(asc|desc)$/.exec(value) : null;
  const key =
    match && (SORT_KEYS as readonly string[]).includes(match[1] as string) ? (match[1] as SortKey) : null;
  return key ? { key, descending: match?.[2] === 'desc' } : { key: 'errors', descending: true };
}

function sortValue(entry: BatchEntry, key: SortKey): string | number {
  const counts = entry.view ? countBySeverity(entry.view.findings) : { errors: -1, warnings: -1 };
  switch (key) {
    case 'name':
      return entry.name;
    case 'agency':
      return entry.view?.report.agency ?? '';
    case 'year':
      return entry.view?.report.year ?? -1;
    case 'errors':
      return counts.errors;
    case 'warnings':
      return counts.warnings;
  }
}

/** Sorts entries (stable; ties keep the upload order). */
export function sortEntries(entries: readonly BatchEntry[], sort: Sort): BatchEntry[] {
  return [...entries].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    const order =
      typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    return (sort.descending ? -order : order) || a.id - b.id;
  });
}

/** The upload form. */
export function batchForm(lang: Lang, csrfToken: string, problem?: string): Html {
  const w = words(lang);
  return html`<h1>${w.batchTitle}</h1>
    <p class="intro">
      ${w.batchIntro(limits.batchMaxFiles, Math.round(limits.batchMaxTotalBytes / 1024 / 1024))}
    </p>
    ${problem ? html`<div class="problem" role="alert" id="problem"><p>${problem}</p></div>` : ''}
    <form class="stack" method="post" action="${withLang('/batch', lang)}" enctype="multipart/form-data">
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      <label for="files">${w.batchFiles}</label>
      <p class="hint" id="files-hint">${w.fileHint(Math.round(limits.reportUploadMaxBytes / 1024 / 1024))}</p>
      <input
        id="files"
        name="files"
        type="file"
        multiple
        aria-describedby="files-hint"
        accept=".txt,.html,.htm,.docx,.pdf,.json,.zip"
      />
      <div><button class="primary" type="submit">${w.batchSubmit}</button></div>
    </form>`;
}

/** What the sort form re-sends: each report as read (checked again on the server), or its problem. */
export function resendEntries(entries: readonly BatchEntry[]): string {
  return JSON.stringify(
    entries.map((e) =>
      e.view
        ? { id: e.id, name: e.name, format: e.view.format, report: e.view.report }
        : { id: e.id, name: e.name, problem: e.problem },
    ),
  );
}

function sortButton(lang: Lang, key: SortKey, label: string, sort: Sort): Html {
  const active = sort.key === key;
  const nextDescending = active ? !sort.descending : key === 'errors' || key === 'warnings';
  const arrow = active ? (sort.descending ? ' ▼' : ' ▲') : '';
  const w = words(lang);
  return html`<button type="submit" name="sort" value="${key}-${nextDescending ? 'desc' : 'asc'}">
    ${label}${arrow}<span class="vh"> (${w.sortBy}: ${nextDescending ? w.sortDesc : w.sortAsc})</span>
  </button>`;
}

/** The result: a summary table sortable by a form (works without JavaScript), then every report. */
export function batchResult(lang: Lang, csrfToken: string, entries: readonly BatchEntry[], sort: Sort): Html {
  const w = words(lang);
  const sorted = sortEntries(entries, sort);
  const bad = entries.filter((e) => !e.view || countBySeverity(e.view.findings).errors > 0).length;
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none';
  const columns: [SortKey, string][] = [
    ['name', w.file],
    ['agency', w.agency],
    ['year', w.year],
    ['errors', w.errors],
    ['warnings', w.warnings],
  ];
  return html`<h1>${w.batchResult}</h1>
    <p id="batch-summary">${w.batchSummary(entries.length, bad)}</p>
    <form method="post" action="${withLang('/batch/sort', lang)}">
      <input type="hidden" name="_csrf" value="${csrfToken}" />
      <input type="hidden" name="entries" value="${resendEntries(entries)}" />
      <div class="table-wrap">
        <table class="batch" id="batch-table">
          <caption class="vh">
            ${w.batchResult}
          </caption>
          <thead>
            <tr>
              ${columns.map(
                ([key, label]) =>
                  html`<th scope="col" aria-sort="${ariaSort(key)}">
                    ${sortButton(lang, key, label, sort)}
                  </th>`,
              )}
              <th scope="col">${w.ownAgency}</th>
              <th scope="col">${w.view}</th>
            </tr>
          </thead>
          <tbody>
            ${sorted.map((entry) => {
              const counts = entry.view ? countBySeverity(entry.view.findings) : null;
              return html`<tr data-entry="${entry.id}">
                <th scope="row">${entry.name}</th>
                <td>${entry.view?.report.agency ?? (entry.view ? w.unknown : '')}</td>
                <td class="n">${entry.view?.report.year ?? ''}</td>
                <td class="n">${counts ? counts.errors : w.unreadable}</td>
                <td class="n">${counts ? counts.warnings : ''}</td>
                <td>
                  ${entry.ownAgency ? `${entry.ownAgency.name} (${entry.ownAgency.code})` : entry.view ? w.notOwnAgency : ''}
                </td>
                <td>
                  <a href="#r${entry.id}-title">${w.view}<span class="vh"> ${entry.name}</span></a>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </form>
    <p><a href="${withLang('/batch', lang)}">${w.batchTitle}</a></p>
    ${sorted.map((entry) =>
      entry.view
        ? html`<section class="batch-report" aria-labelledby="r${entry.id}-title">
            ${reportView(entry.view, lang, `r${entry.id}-`, 2)}
          </section>`
        : html`<section class="batch-report" aria-labelledby="r${entry.id}-title">
            <h2 id="r${entry.id}-title">${entry.name}</h2>
            <div class="problem">
              <p>${w.unreadable}：${lang === 'en' ? entry.problem?.en : entry.problem?.zh}</p>
            </div>
          </section>`,
    )}`;
}
