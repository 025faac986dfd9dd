/**
 * A report laid out as a published document: title lines, section headings, prose and the three statutory
 * tables with the merged header cells of the official format (国办公开办函〔2021〕30号). The HTML and DOCX
 * builders render this one structure, so both carry exactly the same cells.
 */
import type { AnnualReport, ApplicationRowCells } from '../../../src/core/report/model.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICANT_HEADER,
  APPLICATIONS_TABLE_NOTE,
  APPLICATION_ROWS,
  ORGANISATION_GROUP,
  OUTCOME_GROUP_LABEL,
  OUTCOME_GROUPS,
  PROACTIVE_TABLES,
  SECTIONS,
} from '../../../src/core/report/template.js';

/** A table cell; `value` marks a number cell (null: left blank). */
export interface LayoutCell {
  text: string;
  colspan?: number;
  rowspan?: number;
  value?: number | null;
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: LayoutCell[][] };

function getPath(report: AnnualReport, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)?.[key], report);
}

function num(value: number | null | undefined): LayoutCell {
  const v = value ?? null;
  return { text: v === null ? '' : String(v), value: v };
}

function section(index: number): string {
  const s = SECTIONS[index]!;
  return `${s.number}、${s.title}`;
}

function proactiveTable(report: AnnualReport): LayoutCell[][] {
  const rows: LayoutCell[][] = [];
  for (const table of PROACTIVE_TABLES) {
    const width = table.columns.length;
    rows.push([{ text: table.caption, colspan: 4 }]);
    rows.push(
      table.columns.map((column, i) => ({
        text: column.label,
        ...(i === width - 1 && width < 4 ? { colspan: 4 - i } : {}),
      })),
    );
    for (const row of table.rows) {
      rows.push([
        { text: row.label },
        ...row.cells.map((cell, i) => ({
          ...num(getPath(report, cell.path) as number | null),
          ...(i === row.cells.length - 1 && width < 4 ? { colspan: 4 - i - 1 } : {}),
        })),
      ]);
    }
  }
  return rows;
}

function applicationsTable(report: AnnualReport): LayoutCell[][] {
  const values = (row: ApplicationRowCells | null | undefined) => (row ?? []).map(num);
  const singleOther =
    report.applications.otherProcessing.correctionOverdue === null &&
    report.applications.otherProcessing.feeUnpaid === null;
  const rows: LayoutCell[][] = [
    [
      { text: APPLICATIONS_TABLE_NOTE, colspan: 3, rowspan: 3 },
      { text: APPLICANT_HEADER, colspan: 7 },
    ],
    [
      { text: APPLICANT_COLUMNS[0].label, rowspan: 2 },
      { text: ORGANISATION_GROUP, colspan: 5 },
      { text: APPLICANT_COLUMNS[6].label, rowspan: 2 },
    ],
    APPLICANT_COLUMNS.slice(1, 6).map((column) => ({ text: column.label })),
  ];
  const outcomeRows = APPLICATION_ROWS.filter(
    (row) => row.role === 'outcome' && !(singleOther && row.only2021),
  );
  let groupDone = new Set<string>();
  let first = true;
  for (const row of APPLICATION_ROWS) {
    const cells = values(getPath(report, row.path) as ApplicationRowCells | null);
    if (row.role === 'newReceived' || row.role === 'carriedOver' || row.role === 'carriedForward') {
      rows.push([{ text: row.label, colspan: 3 }, ...cells]);
      continue;
    }
    if (singleOther && row.only2021) continue;
    const lead: LayoutCell[] = [];
    if (first) {
      lead.push({ text: OUTCOME_GROUP_LABEL, rowspan: outcomeRows.length + 1 });
      first = false;
    }
    if (row.role === 'totalProcessed') {
      rows.push([...lead, { text: row.label, colspan: 2 }, ...cells]);
      continue;
    }
    if (row.group === undefined || (singleOther && row.group === OUTCOME_GROUPS[3].label)) {
      rows.push([...lead, { text: row.group ?? row.label, colspan: 2 }, ...cells]);
      continue;
    }
    if (!groupDone.has(row.group)) {
      const size = outcomeRows.filter((r) => r.group === row.group).length;
      lead.push({ text: row.group, rowspan: size });
      groupDone = new Set([...groupDone, row.group]);
    }
    rows.push([...lead, { text: row.label }, ...cells]);
  }
  return rows;
}

function appealsTable(report: AnnualReport): LayoutCell[][] {
  const [reconsideration, ...litigation] = APPEAL_GROUPS;
  return [
    [
      { text: reconsideration.label, colspan: 5 },
      { text: '行政诉讼', colspan: 10 },
    ],
    [
      ...APPEAL_RESULTS.map((result) => ({ text: result.label, rowspan: 2 })),
      ...litigation.map((group) => ({ text: group.label, colspan: 5 })),
    ],
    litigation.flatMap(() => APPEAL_RESULTS.map((result) => ({ text: result.label }))),
    APPEAL_GROUPS.flatMap((group) =>
      APPEAL_RESULTS.map((result) => num(report.appeals[group.key][result.key])),
    ),
  ];
}

/** The report as a sequence of blocks, in the order a published report prints them. */
export function reportBlocks(report: AnnualReport): Block[] {
  const agency = report.agency ?? '';
  const year = report.year === null ? '' : `${report.year}年`;
  return [
    { kind: 'title', text: agency },
    { kind: 'title', text: `${year}政府信息公开工作年度报告` },
    { kind: 'heading', text: section(0) },
    {
      kind: 'paragraph',
      text: `${year}，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，现将本年度政府信息公开工作情况报告如下。`,
    },
    { kind: 'heading', text: section(1) },
    { kind: 'table', rows: proactiveTable(report) },
    { kind: 'heading', text: section(2) },
    { kind: 'table', rows: applicationsTable(report) },
    { kind: 'heading', text: section(3) },
    { kind: 'table', rows: appealsTable(report) },
    { kind: 'heading', text: section(4) },
    { kind: 'paragraph', text: '工作中仍存在一些不足，下一步将继续改进。' },
    { kind: 'heading', text: section(5) },
    { kind: 'paragraph', text: '本年度未收取信息处理费。' },
  ];
}
