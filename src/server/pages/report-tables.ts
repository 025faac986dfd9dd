/**
 * The report read back as the official tables of 国办公开办函〔2021〕30号 (merged header cells and all), every
 * cell marked with the findings that blame it and carrying where its number was read (shown on hover and focus).
 */
import { cellName, getAt, rowCells } from '../../core/report/cells.js';
import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport, SourceLocation } from '../../core/report/model.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  APPLICATION_ROWS,
  APPLICATIONS_TABLE_NOTE,
  ORGANISATION_GROUP,
  OUTCOME_GROUP_LABEL,
  OUTCOME_GROUPS,
  PROACTIVE_TABLES,
} from '../../core/report/template.js';
import { html, join, type Html } from './html.js';
import { words, type Lang } from './i18n.js';

/** The findings of a report indexed by the cells they mark; numbers are positions in the findings list (1-based). */
export interface FindingIndex {
  primary: Map<string, { n: number; finding: Finding }[]>;
  involved: Map<string, number[]>;
}

export function indexFindings(findings: readonly Finding[]): FindingIndex {
  const primary = new Map<string, { n: number; finding: Finding }[]>();
  const involved = new Map<string, number[]>();
  findings.forEach((finding, i) => {
    const n = i + 1;
    primary.set(finding.path, [...(primary.get(finding.path) ?? []), { n, finding }]);
    for (const cell of finding.cells ?? []) {
      if (cell !== finding.path) involved.set(cell, [...(involved.get(cell) ?? []), n]);
    }
  });
  return { primary, involved };
}

/** A DOM id for a cell path, unique within a page when each report has its own prefix. */
export function cellId(prefix: string, path: string): string {
  return `${prefix}c-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/**
 * Where a finding about a part of the report rather than one cell is marked: the （六）其他处理 row header, the
 * heading of section 二, or the summary line of the template, agency or year. Null when nothing on the page fits.
 */
export function partAnchor(prefix: string, path: string): string | null {
  switch (path) {
    case 'applications.otherProcessing':
      return `${prefix}t3-g-otherProcessing`;
    case 'proactive':
      return `${prefix}h-s2`;
    case 'template':
    case 'agency':
    case 'year':
      return `${prefix}summary-${path}`;
    default:
      return null;
  }
}

/** The marks (✗1, !2…) of the findings that blame `path`, each linking to its entry in the list. */
export function marksFor(index: FindingIndex, path: string, prefix: string, lang: Lang): Html {
  const w = words(lang);
  return join(
    (index.primary.get(path) ?? []).map(
      ({ n, finding }) =>
        html`<a class="mark ${finding.severity}" href="#${prefix}f-${n}" data-rule="${finding.rule}"
          >${finding.severity === 'error' ? '✗' : '!'}${n}<span class="vh"
            >${finding.severity === 'error' ? w.error : w.warning}</span
          ></a
        >`,
    ),
  );
}

/** Says where a value was read, for a person. */
export function describeLocation(at: SourceLocation | undefined, lang: Lang): string {
  const w = words(lang);
  if (!at) return w.notLocated;
  const parts: string[] = [];
  if (at.page !== undefined) parts.push(w.page(at.page));
  if (at.line !== undefined) parts.push(w.line(at.line));
  if (at.column !== undefined) parts.push(w.column(at.column));
  if (at.page !== undefined && at.x !== undefined && at.y !== undefined) {
    parts.push(`(x ${Math.round(at.x)}, y ${Math.round(at.y)})`);
  }
  const where = parts.join(lang === 'en' ? ', ' : '');
  const text = at.text ? `「${at.text.length > 80 ? `${at.text.slice(0, 80)}…` : at.text}」` : '';
  return `${where}${where && text ? (lang === 'en' ? ': ' : '：') : ''}${text}` || w.notLocated;
}

interface Ctx {
  report: AnnualReport;
  index: FindingIndex;
  prefix: string;
  lang: Lang;
}

/** One numeric cell: value, marks, and a tip (provenance and findings) shown on hover and keyboard focus. */
function valueCell(ctx: Ctx, path: string, headers: string[]): Html {
  const w = words(ctx.lang);
  const value = getAt(ctx.report, path) as number | null | undefined;
  const own = ctx.index.primary.get(path) ?? [];
  const involved = ctx.index.involved.get(path) ?? [];
  const severity = own.some((o) => o.finding.severity === 'error')
    ? 'error'
    : own.length > 0
      ? 'warning'
      : '';
  const id = cellId(ctx.prefix, path);
  const classes = [
    'num',
    severity,
    involved.length > 0 ? 'involved' : '',
    value === null || value === undefined ? 'blank' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const shown =
    value === null || value === undefined
      ? html`<span class="v" aria-hidden="true">—</span><span class="vh">${w.blank}</span>`
      : html`<span class="v">${value}</span>`;
  const marks = marksFor(ctx.index, path, ctx.prefix, ctx.lang);
  const findingLines = own.map(
    ({ n, finding }) =>
      html`<br />${finding.severity === 'error' ? '✗' : '!'}${n}
        ${ctx.lang === 'en' ? finding.messageEn : finding.message}`,
  );
  const involvedLine =
    involved.length > 0 ? html`<br />${w.involved}: ${involved.map((n) => `#${n}`).join(' ')}` : '';
  return html`<td
    id="${id}"
    class="${classes}"
    data-path="${path}"
    tabindex="0"
    headers="${headers.join(' ')}"
    aria-describedby="${id}-tip"
  >
    ${shown}${marks}<span class="tip" id="${id}-tip" role="tooltip"
      >${cellName(path, ctx.lang)} · ${w.readFrom}${ctx.lang === 'en' ? ':' : '：'}
      ${describeLocation(ctx.report.provenance?.[path], ctx.lang)}${findingLines}${involvedLine}</span
    >
  </td>`;
}

/** 二、主动公开政府信息情况: the four 第二十条 tables. */
function proactiveTables(ctx: Ctx): Html {
  const en = ctx.lang === 'en';
  return join(
    PROACTIVE_TABLES.map((table, t) => {
      const hid = (k: string) => `${ctx.prefix}t2-${t}-${k}`;
      return html`<div class="table-wrap">
        <table class="report" id="${ctx.prefix}table-2-${t + 1}">
          <caption>
            ${en ? table.captionEn : table.caption}
          </caption>
          <thead>
            <tr>
              ${table.columns.map(
                (column, c) =>
                  html`<th scope="col" id="${hid(`c${c}`)}">${en ? column.labelEn : column.label}</th>`,
              )}
            </tr>
          </thead>
          <tbody>
            ${table.rows.map(
              (row, r) =>
                html`<tr>
                  <th scope="row" id="${hid(`r${r}`)}">${en ? row.labelEn : row.label}</th>
                  ${row.cells.map((cell, c) => valueCell(ctx, cell.path, [hid(`r${r}`), hid(`c${c + 1}`)]))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }),
  );
}

/** True when the report prints 三（六）其他处理 as one row (2019 format, or a 2021 table keeping the old row). */
function singleOtherRow(report: AnnualReport): boolean {
  return (
    report.applications.otherProcessing.correctionOverdue === null &&
    report.applications.otherProcessing.feeUnpaid === null
  );
}

/** 三、收到和处理政府信息公开申请情况: 25 rows × 7 columns under 申请人情况 / 法人或其他组织. */
function applicationsTable(ctx: Ctx): Html {
  const en = ctx.lang === 'en';
  const p = `${ctx.prefix}t3-`;
  const single = singleOtherRow(ctx.report);
  const rows = APPLICATION_ROWS.filter((row) => !(single && (row.id === 'R3.6.1' || row.id === 'R3.6.2')));
  const outcomeCount = rows.filter((r) => r.role === 'outcome' || r.role === 'totalProcessed').length;
  const colIds = APPLICANT_COLUMNS.map((c) => `${p}col-${c.index}`);
  const columnHeaders = (index: number) =>
    APPLICANT_COLUMNS[index]?.grouped
      ? [colIds[index] as string, `${p}org`, `${p}app`]
      : [colIds[index] as string, `${p}app`];
  const seenGroups = new Set<string>();
  const body = rows.map((row) => {
    const rowHeaders: Html[] = [];
    const rowIds: string[] = [`${p}r-${row.id}`];
    const label = en ? row.labelEn : row.label;
    if (row.role === 'outcome' || row.role === 'totalProcessed') {
      rowIds.push(`${p}outcome`);
      if (row.id === 'R3.1') {
        rowHeaders.push(
          html`<th scope="rowgroup" class="group" rowspan="${outcomeCount}" id="${p}outcome">
            ${en ? 'III. Results this year' : OUTCOME_GROUP_LABEL}
          </th>`,
        );
      }
      const group = OUTCOME_GROUPS.find((g) => g.label === row.group);
      if (group && !(single && group.key === 'otherProcessing')) {
        rowIds.push(`${p}g-${group.key}`);
        if (!seenGroups.has(group.key)) {
          seenGroups.add(group.key);
          const span = rows.filter((r) => r.group === row.group).length;
          rowHeaders.push(
            html`<th scope="rowgroup" class="group" rowspan="${span}" id="${p}g-${group.key}">
              ${en ? group.labelEn : group.label}${marksFor(ctx.index, `applications.${group.key}`, ctx.prefix, ctx.lang)}
            </th>`,
          );
        }
        rowHeaders.push(html`<th scope="row" id="${rowIds[0]}">${label}</th>`);
      } else {
        if (single && group?.key === 'otherProcessing') {
          // The single 其他处理 row of the 2019 format: its header names the group and carries its template finding.
          rowHeaders.push(
            html`<th scope="row" colspan="2" id="${rowIds[0]}">
              <span id="${p}g-otherProcessing">${en ? group.labelEn : group.label}</span>${marksFor(
                ctx.index,
                'applications.otherProcessing',
                ctx.prefix,
                ctx.lang,
              )}
            </th>`,
          );
        } else {
          rowHeaders.push(html`<th scope="row" colspan="2" id="${rowIds[0]}">${label}</th>`);
        }
      }
    } else {
      rowHeaders.push(html`<th scope="row" colspan="3" id="${rowIds[0]}">${label}</th>`);
    }
    const cells = rowCells(ctx.report, row);
    return html`<tr data-row="${row.id}">
      ${rowHeaders}
      ${APPLICANT_COLUMNS.map((column) =>
        cells === null
          ? html`<td class="num blank" headers="${[...rowIds, ...columnHeaders(column.index)].join(' ')}">
              <span class="vh">${words(ctx.lang).blank}</span>
            </td>`
          : valueCell(ctx, `${row.path}[${column.index}]`, [...rowIds, ...columnHeaders(column.index)]),
      )}
    </tr>`;
  });
  const organisationColumns = APPLICANT_COLUMNS.filter((c) => c.grouped);
  const total = APPLICANT_COLUMNS[6];
  const natural = APPLICANT_COLUMNS[0];
  return html`<div class="table-wrap">
    <table class="report" id="${ctx.prefix}table-3">
      <caption class="vh">
        ${words(ctx.lang).section3}
      </caption>
      <thead>
        <tr>
          <th colspan="3" rowspan="3" class="note" id="${p}note">
            ${
              en
                ? '(In every column: item I plus item II equals item III plus item IV)'
                : APPLICATIONS_TABLE_NOTE
            }
          </th>
          <th colspan="7" scope="colgroup" id="${p}app">${en ? 'Applicants' : APPLICANT_HEADER}</th>
        </tr>
        <tr>
          <th rowspan="2" scope="col" id="${colIds[0]}">${en ? natural.labelEn : natural.label}</th>
          <th colspan="5" scope="colgroup" id="${p}org">
            ${en ? 'Legal persons or other organisations' : ORGANISATION_GROUP}
          </th>
          <th rowspan="2" scope="col" id="${colIds[6]}">${en ? total.labelEn : total.label}</th>
        </tr>
        <tr>
          ${organisationColumns.map(
            (column) =>
              html`<th scope="col" id="${colIds[column.index]}">${en ? column.labelEn : column.label}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </div>`;
}

/** 四、行政复议、行政诉讼: 15 columns under 行政复议 / 行政诉讼（未经复议直接起诉, 复议后起诉）. */
function appealsTable(ctx: Ctx): Html {
  const en = ctx.lang === 'en';
  const p = `${ctx.prefix}t4-`;
  const [reconsideration, direct, after] = APPEAL_GROUPS;
  const resultHeaders = APPEAL_GROUPS.flatMap((group) =>
    APPEAL_RESULTS.map(
      (result) =>
        html`<th scope="col" id="${p}${group.key}-${result.key}">${en ? result.labelEn : result.label}</th>`,
    ),
  );
  const cells = APPEAL_GROUPS.flatMap((group) =>
    APPEAL_RESULTS.map((result) => {
      const headers = [`${p}${group.key}-${result.key}`, `${p}${group.key}`];
      if (group.key !== 'reconsideration') headers.push(`${p}litigation`);
      return valueCell(ctx, `appeals.${group.key}.${result.key}`, headers);
    }),
  );
  return html`<div class="table-wrap">
    <table class="report" id="${ctx.prefix}table-4">
      <caption class="vh">
        ${words(ctx.lang).section4}
      </caption>
      <thead>
        <tr>
          <th colspan="5" rowspan="2" scope="colgroup" id="${p}reconsideration">
            ${en ? reconsideration.labelEn : reconsideration.label}
          </th>
          <th colspan="10" scope="colgroup" id="${p}litigation">
            ${en ? 'Administrative litigation' : '行政诉讼'}
          </th>
        </tr>
        <tr>
          <th colspan="5" scope="colgroup" id="${p}${direct.key}">${en ? direct.labelEn : direct.label}</th>
          <th colspan="5" scope="colgroup" id="${p}${after.key}">${en ? after.labelEn : after.label}</th>
        </tr>
        <tr>
          ${resultHeaders}
        </tr>
      </thead>
      <tbody>
        <tr>
          ${cells}
        </tr>
      </tbody>
    </table>
  </div>`;
}

/** The three statutory table sections of a report. */
export function reportTables(
  report: AnnualReport,
  findings: readonly Finding[],
  lang: Lang,
  prefix = '',
): Html {
  const w = words(lang);
  const ctx: Ctx = { report, index: indexFindings(findings), prefix, lang };
  // With several reports on a page (batch), each landmark is named after its report too.
  const by = (id: string) => (prefix ? `${prefix}title ${prefix}${id}` : id);
  return html`<section aria-labelledby="${by('h-s2')}">
      <h3 id="${prefix}h-s2">${w.section2}${marksFor(ctx.index, 'proactive', prefix, lang)}</h3>
      ${proactiveTables(ctx)}
    </section>
    <section aria-labelledby="${by('h-s3')}">
      <h3 id="${prefix}h-s3">${w.section3}</h3>
      ${applicationsTable(ctx)}
    </section>
    <section aria-labelledby="${by('h-s4')}">
      <h3 id="${prefix}h-s4">${w.section4}</h3>
      ${appealsTable(ctx)}
    </section>`;
}
