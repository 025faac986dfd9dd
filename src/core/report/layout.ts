/**
 * The printed layout of a report's statutory tables as data: every cell of the three tables of
 * 国办公开办函〔2021〕30号 (section 二's four 第二十条 tables drawn as one bordered table, as the template does;
 * table 三 with the 申请人情况 / 法人或其他组织 column groups and the 三、本年度办理结果 row group; table 四 with
 * the 行政复议 / 行政诉讼 groups), with its merges, whether it is a header, a label or a number, and the column
 * widths. The DOCX, XLSX and HTML exports all draw from this one description, so a merge is decided once.
 */
import { getAt } from './cells.js';
import type { AnnualReport } from './model.js';
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
  SECTIONS,
} from './template.js';

/** What a cell is: a caption row (第二十条第（一）项), a column header, a row label, or a number. */
export type LayoutCellKind = 'caption' | 'header' | 'label' | 'value';

/** One printed cell. A cell covered by another's merge is not listed (as HTML's rowspan/colspan). */
export interface LayoutCell {
  kind: LayoutCellKind;
  /** The printed text of a caption, header or label; empty for a value cell. */
  text: string;
  textEn: string;
  /** For value cells: the path of the number in the JSON contract (`applications.disclosed[0]`). */
  path?: string;
  /** For value cells: a count, or a 万元 decimal. */
  number?: 'count' | 'tenThousandYuan';
  colSpan: number;
  rowSpan: number;
  align: 'left' | 'center';
  /** Labels printed one character a line in a narrow column (三、本年度办理结果). */
  vertical?: boolean;
}

/** A statutory table: which section it belongs to, its column widths (mm on the 156 mm 版心) and its rows. */
export interface LayoutTable {
  key: 'proactive' | 'applications' | 'appeals';
  /** Index into SECTIONS (1 = 二, 2 = 三, 3 = 四). */
  section: 1 | 2 | 3;
  /** A short sheet name for spreadsheets (at most 31 characters, no `/ \ ? * [ ]`). */
  sheetName: string;
  sheetNameEn: string;
  /** Column widths in millimetres; they add up to the 版心 width of GB/T 9704 (156 mm). */
  columnWidths: readonly number[];
  /** Rows at the top that are headers (repeated on each page of a long table). */
  headerRows: number;
  rows: readonly (readonly LayoutCell[])[];
}

/** The width of the 版心 (type area) of GB/T 9704—2012 in millimetres. */
export const TYPE_AREA_WIDTH_MM = 156;

function cell(
  kind: LayoutCellKind,
  text: string,
  textEn: string,
  extra: Partial<LayoutCell> = {},
): LayoutCell {
  return {
    kind,
    text,
    textEn,
    colSpan: 1,
    rowSpan: 1,
    align: kind === 'label' ? 'left' : 'center',
    ...extra,
  };
}

function value(path: string, number: LayoutCell['number'] = 'count', colSpan = 1): LayoutCell {
  return { kind: 'value', text: '', textEn: '', path, number, colSpan, rowSpan: 1, align: 'center' };
}

/** 二: the four 第二十条 tables as one four-column table; a narrower table's last column spans what is left. */
function proactiveTable(): LayoutTable {
  const rows: LayoutCell[][] = [];
  for (const table of PROACTIVE_TABLES) {
    const width = table.columns.length;
    const rest = 4 - width + 1;
    rows.push([cell('caption', table.caption, table.captionEn, { colSpan: 4 })]);
    rows.push(
      table.columns.map((column, i) =>
        cell('header', column.label, column.labelEn, i === width - 1 ? { colSpan: rest } : {}),
      ),
    );
    for (const row of table.rows) {
      rows.push([
        cell('label', row.label, row.labelEn),
        ...row.cells.map((c, i) => value(c.path, c.kind, i === row.cells.length - 1 ? rest : 1)),
      ]);
    }
  }
  return {
    key: 'proactive',
    section: 1,
    sheetName: '二、主动公开',
    sheetNameEn: 'II Proactive',
    columnWidths: [48, 36, 36, 36],
    headerRows: 0,
    rows,
  };
}

/** 三: three label columns (row group, sub-group, row) and the seven applicant columns. */
function applicationsTable(singleOther: boolean): LayoutTable {
  const cellsOf = (rowPath: string) => APPLICANT_COLUMNS.map((c) => value(`${rowPath}[${c.index}]`));
  const rows: LayoutCell[][] = [
    [
      cell('header', APPLICATIONS_TABLE_NOTE, '(In each column: I + II = III + IV)', {
        colSpan: 3,
        rowSpan: 3,
      }),
      cell('header', APPLICANT_HEADER, 'Applicants', { colSpan: 7 }),
    ],
    [
      cell('header', APPLICANT_COLUMNS[0].label, APPLICANT_COLUMNS[0].labelEn, { rowSpan: 2 }),
      cell('header', ORGANISATION_GROUP, 'Legal persons or other organisations', { colSpan: 5 }),
      cell('header', APPLICANT_COLUMNS[6].label, APPLICANT_COLUMNS[6].labelEn, { rowSpan: 2 }),
    ],
    APPLICANT_COLUMNS.slice(1, 6).map((c) => cell('header', c.label, c.labelEn)),
  ];
  const printed = APPLICATION_ROWS.filter((row) => !(singleOther && row.only2021));
  const outcomeRows = printed.filter((row) => row.role === 'outcome');
  const seenGroups = new Set<string>();
  let first = true;
  for (const row of printed) {
    if (row.role === 'newReceived' || row.role === 'carriedOver' || row.role === 'carriedForward') {
      rows.push([cell('label', row.label, row.labelEn, { colSpan: 3 }), ...cellsOf(row.path)]);
      continue;
    }
    const lead: LayoutCell[] = [];
    if (first) {
      // The group label spans the outcome rows and 三（七）总计.
      lead.push(
        cell('label', OUTCOME_GROUP_LABEL, 'III. Results this year', {
          rowSpan: outcomeRows.length + 1,
          align: 'center',
          vertical: true,
        }),
      );
      first = false;
    }
    const otherGroup = OUTCOME_GROUPS[3];
    if (row.role === 'totalProcessed' || row.group === undefined) {
      rows.push([...lead, cell('label', row.label, row.labelEn, { colSpan: 2 }), ...cellsOf(row.path)]);
      continue;
    }
    if (singleOther && row.group === otherGroup.label) {
      // A report that prints 三（六）其他处理 as one row (REPORT-JSON.md): the group label is the row.
      rows.push([...lead, cell('label', row.group, row.groupEn ?? '', { colSpan: 2 }), ...cellsOf(row.path)]);
      continue;
    }
    if (!seenGroups.has(row.group)) {
      seenGroups.add(row.group);
      const size = outcomeRows.filter((r) => r.group === row.group).length;
      lead.push(cell('label', row.group, row.groupEn ?? '', { rowSpan: size, align: 'center' }));
    }
    rows.push([...lead, cell('label', row.label, row.labelEn), ...cellsOf(row.path)]);
  }
  return {
    key: 'applications',
    section: 2,
    sheetName: '三、依申请公开',
    sheetNameEn: 'III Applications',
    columnWidths: [7, 21, 58, 10, 10, 10, 10, 10, 10, 10],
    headerRows: 3,
    rows,
  };
}

/** 四: 行政复议 (five columns) and 行政诉讼 (two groups of five), then one row of numbers. */
function appealsTable(): LayoutTable {
  const [reconsideration, ...litigation] = APPEAL_GROUPS;
  const results = () => APPEAL_RESULTS.map((r) => cell('header', r.label, r.labelEn));
  return {
    key: 'appeals',
    section: 3,
    sheetName: '四、复议诉讼',
    sheetNameEn: 'IV Appeals',
    columnWidths: Array.from({ length: 15 }, () => TYPE_AREA_WIDTH_MM / 15),
    headerRows: 3,
    rows: [
      [
        cell('header', reconsideration.label, reconsideration.labelEn, { colSpan: 5 }),
        cell('header', '行政诉讼', 'Administrative litigation', { colSpan: 10 }),
      ],
      [
        ...APPEAL_RESULTS.map((r) => cell('header', r.label, r.labelEn, { rowSpan: 2 })),
        ...litigation.map((g) => cell('header', g.label, g.labelEn, { colSpan: 5 })),
      ],
      [...results(), ...results()],
      APPEAL_GROUPS.flatMap((g) => APPEAL_RESULTS.map((r) => value(`appeals.${g.key}.${r.key}`))),
    ],
  };
}

/** True when the report prints 三（六）其他处理 as one row (its two 2021 rows are null). */
export function printsSingleOtherRow(report: AnnualReport): boolean {
  return (
    report.applications.otherProcessing.correctionOverdue === null &&
    report.applications.otherProcessing.feeUnpaid === null
  );
}

const LAYOUT_2021 = [proactiveTable(), applicationsTable(false), appealsTable()] as const;
const LAYOUT_SINGLE_OTHER = [LAYOUT_2021[0], applicationsTable(true), LAYOUT_2021[2]] as const;

/** The three statutory tables of a report in printed order (2021 format). */
export function reportLayout(report?: AnnualReport): readonly LayoutTable[] {
  return report && printsSingleOtherRow(report) ? LAYOUT_SINGLE_OTHER : LAYOUT_2021;
}

/** The number a value cell shows, or null when blank. */
export function layoutValue(report: AnnualReport, layoutCell: LayoutCell): number | null {
  if (layoutCell.path === undefined) return null;
  const v = getAt(report, layoutCell.path);
  return typeof v === 'number' ? v : null;
}

/** A value as printed: counts as integers, 万元 as written (no exponent), blank for null. */
export function formatLayoutValue(v: number | null): string {
  if (v === null) return '';
  if (Number.isInteger(v)) return String(v);
  // Up to four decimals as 万元 are printed (one yuan); trailing zeros dropped.
  return v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * The grid positions of a table's cells (row, column), resolving merges; for writers that address cells by
 * position (spreadsheets) or must emit the covered cells of a merge (Word's vMerge continuations).
 */
export function placeCells(table: LayoutTable): { cell: LayoutCell; row: number; column: number }[] {
  const width = table.columnWidths.length;
  const taken: boolean[][] = [];
  const placed: { cell: LayoutCell; row: number; column: number }[] = [];
  table.rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const item of cells) {
      while (taken[r]![c]) c++;
      placed.push({ cell: item, row: r, column: c });
      for (let dr = 0; dr < item.rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < item.colSpan; dc++) taken[r + dr]![c + dc] = true;
      }
      c += item.colSpan;
    }
    if (c > width) throw new Error(`layout row ${r} of ${table.key} is ${c} columns wide, not ${width}`);
  });
  return placed;
}

/** The heading of section `index` (0–5) as printed: `三、收到和处理政府信息公开申请情况`. */
export function sectionHeading(index: number, lang: 'zh' | 'en' = 'zh'): string {
  const s = SECTIONS[index]!;
  return lang === 'zh' ? `${s.number}、${s.title}` : `${index + 1}. ${s.titleEn}`;
}
