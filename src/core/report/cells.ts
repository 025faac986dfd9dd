/**
 * Cell paths of the report (`applications.totalProcessed[6]`, `proactive.regulations.issued`,
 * `appeals.reconsideration.total`): reading them, listing them, and naming them as a person reads the table.
 */
import type { AnnualReport, ApplicationRowCells } from './model.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  PROACTIVE_CELLS,
  PROACTIVE_TABLES,
  type ApplicationRow,
  type ProactiveCell,
} from './template.js';

/** A language for people: Chinese (the default) or English. */
export type Lang = 'zh' | 'en';

/** The parts of each path seen so far (the template has a few hundred; the checker reads them on every report). */
const PATH_PARTS = new Map<string, readonly string[]>();

function partsOf(path: string): readonly string[] {
  let parts = PATH_PARTS.get(path);
  if (parts === undefined) {
    parts = path.match(/[^.[\]]+/g) ?? [];
    // Paths come from the template and from findings; a cap keeps arbitrary paths (an API query) from piling up.
    if (PATH_PARTS.size < 4096) PATH_PARTS.set(path, parts);
  }
  return parts;
}

/** Reads the value at a path such as `applications.withheld.stateSecret[3]`; undefined when absent. */
export function getAt(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of partsOf(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** The 7 cells of a table-三 row, or null when the report has no such row (a single-row 其他处理). */
export function rowCells(report: AnnualReport, row: ApplicationRow): ApplicationRowCells | null {
  return (getAt(report, row.path) as ApplicationRowCells | null | undefined) ?? null;
}

/** One numeric cell of the report, with its value. */
export interface CellRef {
  path: string;
  value: number | null;
  kind: 'count' | 'tenThousandYuan';
}

/** The paths of each table-三 row's cells (`applications.newReceived[0]` …), built once. */
const ROW_CELL_PATHS = new Map(
  APPLICATION_ROWS.map((row) => [row, Array.from({ length: 7 }, (_, index) => `${row.path}[${index}]`)]),
);
const APPEAL_CELL_PATHS = APPEAL_GROUPS.flatMap((group) =>
  APPEAL_RESULTS.map((result) => `appeals.${group.key}.${result.key}`),
);

/** The path of cell `index` of a table-三 row. */
export function rowCellPath(row: ApplicationRow, index: number): string {
  return ROW_CELL_PATHS.get(row)?.[index] ?? `${row.path}[${index}]`;
}

/** Every numeric cell the report's template has, in printed order (absent rows are skipped). */
export function listCells(report: AnnualReport): CellRef[] {
  const cells: CellRef[] = [];
  if (report.template === '2021') {
    for (const cell of PROACTIVE_CELLS) {
      cells.push({ path: cell.path, value: getAt(report, cell.path) as number | null, kind: cell.kind });
    }
  }
  for (const row of APPLICATION_ROWS) {
    const values = rowCells(report, row);
    if (values === null) continue;
    for (let index = 0; index < values.length; index++) {
      cells.push({ path: rowCellPath(row, index), value: values[index] ?? null, kind: 'count' });
    }
  }
  for (const path of APPEAL_CELL_PATHS) {
    cells.push({ path, value: getAt(report, path) as number | null, kind: 'count' });
  }
  return cells;
}

function proactiveCell(path: string, lang: Lang): { cell: ProactiveCell; caption: string } | undefined {
  for (const table of PROACTIVE_TABLES) {
    for (const row of table.rows) {
      const cell = row.cells.find((c) => c.path === path);
      if (cell) return { cell, caption: lang === 'en' ? table.captionEn : table.caption };
    }
  }
  return undefined;
}
/**
 * Names a cell as a person reads the printed table: `三（七）总计 · 自然人`,
 * `第二十条第（一）项 · 规章 · 本年制发件数`, `行政诉讼（复议后起诉） · 总计`. Unknown paths are returned as they are.
 */
export function cellName(path: string, language: Lang = 'zh'): string {
  const en = language === 'en';
  const indexed = /^(.*)\[(\d+)\]$/.exec(path);
  if (indexed) {
    const row = APPLICATION_ROWS.find((r) => r.path === indexed[1]);
    const column = APPLICANT_COLUMNS[Number(indexed[2])];
    if (row && column) return `${rowName(row, language)} · ${en ? column.labelEn : column.label}`;
  }
  const row = APPLICATION_ROWS.find((r) => r.path === path);
  if (row) return rowName(row, language);
  const proactive = proactiveCell(path, language);
  if (proactive) {
    const { cell, caption } = proactive;
    return en
      ? `${caption} · ${cell.rowLabelEn} · ${cell.columnLabelEn}`
      : `${caption} · ${cell.rowLabel} · ${cell.columnLabel}`;
  }
  const appeal = /^appeals\.(\w+)\.(\w+)$/.exec(path);
  if (appeal) {
    const group = APPEAL_GROUPS.find((g) => g.key === appeal[1]);
    const result = APPEAL_RESULTS.find((r) => r.key === appeal[2]);
    if (group && result) {
      return en ? `${group.labelEn} · ${result.labelEn}` : `${group.displayName} · ${result.label}`;
    }
  }
  const part = PART_NAMES[path];
  if (part) return en ? part.en : part.zh;
  return path;
}

/** Names of the report's parts that findings may point at, besides single cells. */
const PART_NAMES: Record<string, { zh: string; en: string }> = {
  template: { zh: '报告格式', en: 'Report format' },
  agency: { zh: '发布机关', en: 'Agency' },
  year: { zh: '报告年度', en: 'Report year' },
  sections: { zh: '报告结构（六个部分）', en: 'Report structure (six sections)' },
  proactive: { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure' },
  'applications.otherProcessing': { zh: '三（六）其他处理', en: 'III (6) Other handling' },
};

/** How a person names a table-三 row: `三（三）1.属于国家秘密`, or its English label. */
export function rowName(row: ApplicationRow, language: Lang = 'zh'): string {
  if (language === 'zh') return row.displayName;
  return row.groupEn ? `III ${row.groupEn} ${row.labelEn}` : row.labelEn;
}
