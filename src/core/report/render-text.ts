/**
 * A plain-text rendering of a report: the statutory tables as a person reads them, labels aligned in display
 * columns (a CJK character takes two). Labels come from the template, so they read exactly as printed.
 */
import { displayWidth, pad, wrap } from '../text/width.js';
import { getAt, rowCells, type Lang } from './cells.js';
import type { AnnualReport } from './model.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  OUTCOME_GROUP_LABEL,
  PROACTIVE_TABLES,
  SECTIONS,
} from './template.js';

/** The widest a row label may be before it wraps onto the next line, in display columns. */
const LABEL_WIDTH = 40;

function value(v: number | null | undefined): string {
  return v === null || v === undefined ? '-' : String(v);
}

/** Lays out rows of [label, ...numbers]: labels wrapped and left-aligned, numbers right-aligned. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const labelWidth = Math.max(
    displayWidth(header[0] ?? ''),
    ...rows.map((row) => Math.min(LABEL_WIDTH, displayWidth(row[0] ?? ''))),
  );
  const widths = header.map((title, i) =>
    i === 0 ? labelWidth : Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, i === 0 ? 'left' : 'right'))
      .join('  ')
      .trimEnd();
  const out = [line(header)];
  for (const row of rows) {
    const [label = '', ...numbers] = row;
    const labelLines = wrap(label, labelWidth);
    out.push(line([labelLines[0] ?? '', ...numbers]));
    for (const more of labelLines.slice(1)) out.push(line([more]));
  }
  return out;
}

function heading(index: number, lang: Lang): string {
  const section = SECTIONS[index]!;
  return lang === 'zh' ? `${section.number}、${section.title}` : `${index + 1}. ${section.titleEn}`;
}

/** Renders the report's tables (sections 二, 三 and 四) as aligned plain text. */
export function renderReportText(report: AnnualReport, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const out: string[] = [];
  const agency = report.agency ?? (zh ? '（未识别发布机关）' : '(agency not found)');
  const year = report.year === null ? (zh ? '（未识别年度）' : '(year not found)') : String(report.year);
  const template = report.template === '2021' ? '国办公开办函〔2021〕30号' : '2019 试行';
  out.push(zh ? `${agency} ${year} 年度政府信息公开工作年度报告` : `${agency}: annual report for ${year}`);
  out.push(zh ? `格式：${template}` : `Format: ${template}`, '');

  out.push(heading(1, lang), '');
  if (report.template === '2019') {
    out.push(
      zh
        ? '（2019 年试行格式的本部分表格不在本数据模型中）'
        : '(2019-format tables of this section are not modelled)',
      '',
    );
  } else {
    for (const t of PROACTIVE_TABLES) {
      out.push(zh ? t.caption : t.captionEn);
      const header = t.columns.map((c) => (zh ? c.label : c.labelEn));
      const rows = t.rows.map((row) => [
        zh ? row.label : row.labelEn,
        ...row.cells.map((cell) => value(getAt(report, cell.path) as number | null)),
      ]);
      out.push(...table(header, rows), '');
    }
  }

  out.push(heading(2, lang), '');
  const header = [
    zh ? '申请人情况' : 'Applicants',
    ...APPLICANT_COLUMNS.map((c) => (zh ? c.label : c.shortEn)),
  ];
  const rows: string[][] = [];
  let group: string | undefined;
  for (const row of APPLICATION_ROWS) {
    if (row.role === 'outcome' && rows.length === 2)
      rows.push([zh ? OUTCOME_GROUP_LABEL : 'III. Results this year']);
    const cells = rowCells(report, row);
    if (cells === null) continue;
    if (row.group && row.group !== group) rows.push([`  ${zh ? row.group : row.groupEn}`]);
    group = row.group;
    const indent = row.role === 'outcome' || row.role === 'totalProcessed' ? (row.group ? '    ' : '  ') : '';
    const label =
      report.template === '2019' && row.path.endsWith('otherProcessing.other') ? '（六）其他处理' : row.label;
    rows.push([indent + (zh ? label : row.labelEn), ...cells.map(value)]);
  }
  out.push(...table(header, rows), '');

  out.push(heading(3, lang), '');
  const appealHeader = [zh ? '类别' : 'Kind', ...APPEAL_RESULTS.map((r) => (zh ? r.label : r.labelEn))];
  const appealRows = APPEAL_GROUPS.map((g) => [
    zh ? g.displayName : g.labelEn,
    ...APPEAL_RESULTS.map((r) => value(report.appeals[g.key][r.key])),
  ]);
  out.push(...table(appealHeader, appealRows));
  return `${out.join('\n')}\n`;
}
