/**
 * Corpus builder: renders a report into each text layout people produce when they copy or convert one — TSV,
 * one cell per line, `|`-ended fragments, markdown, broken markdown, cells run together, and pdftotext-like
 * space-aligned columns. Labels come from the template data. Used by the property tests and `bench:readers`.
 */
import fc from 'fast-check';
import { getAt } from '../../../src/core/report/cells.js';
import type { AnnualReport, ApplicationRowCells } from '../../../src/core/report/model.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  APPLICATIONS_TABLE_NOTE,
  OUTCOME_GROUPS,
  OUTCOME_GROUP_LABEL,
  PROACTIVE_TABLES,
  SECTIONS,
} from '../../../src/core/report/template.js';
import { expectedFixtures, readExpected } from '../fixtures.js';
import { consistentReport } from '../report-arbitrary.js';

/** The text layouts the corpus covers. */
export const LAYOUT_NAMES = [
  'tsv',
  'cellPerLine',
  'barFragments',
  'markdown',
  'brokenMarkdown',
  'runTogether',
  'spaceAligned',
] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

/** A table as rows of cells: the label cells first, then the values (null prints as a blank marker). */
interface Table {
  header: string[][];
  rows: { label: string[]; values: (number | null)[] }[];
}

const cell = (value: number | null) => (value === null ? '-' : String(value));

/** The rows of table 三 the report has (the split （六） rows are left out when the report prints one row). */
function applicationRows(report: AnnualReport): { label: string[]; values: (number | null)[] }[] {
  const out: { label: string[]; values: (number | null)[] }[] = [];
  let group: string | undefined;
  for (const row of APPLICATION_ROWS) {
    const values = getAt(report, row.path) as ApplicationRowCells | null;
    if (values === null) continue;
    const single =
      row.path.endsWith('otherProcessing.other') && report.applications.otherProcessing.feeUnpaid === null;
    const label: string[] = [];
    if (row.role === 'outcome' && row.id === 'R3.1') label.push(OUTCOME_GROUP_LABEL);
    if (single) label.push(OUTCOME_GROUPS[3].label);
    else {
      if (row.group !== undefined && row.group !== group) label.push(row.group);
      label.push(row.label);
    }
    group = row.group;
    out.push({ label, values: [...values] });
  }
  return out;
}

function applicationsTable(report: AnnualReport): Table {
  return {
    header: [
      [APPLICATIONS_TABLE_NOTE, '申请人情况'],
      ['自然人', '法人或其他组织', '总计'],
      APPLICANT_COLUMNS.filter((column) => column.grouped).map((column) => column.label),
    ],
    rows: applicationRows(report),
  };
}

function appealsTable(report: AnnualReport): Table {
  const values = APPEAL_GROUPS.flatMap((group) =>
    APPEAL_RESULTS.map((result) => getAt(report, `appeals.${group.key}.${result.key}`) as number | null),
  );
  return {
    header: [
      ['行政复议', '行政诉讼'],
      [...APPEAL_RESULTS.map((r) => r.label), APPEAL_GROUPS[1].label, APPEAL_GROUPS[2].label],
      [...APPEAL_RESULTS.map((r) => r.label), ...APPEAL_RESULTS.map((r) => r.label)],
    ],
    rows: [{ label: [], values }],
  };
}

/** Section 二 as one table per 第二十条 caption. */
function proactiveTables(report: AnnualReport): { caption: string; table: Table }[] {
  return PROACTIVE_TABLES.map((table) => ({
    caption: table.caption,
    table: {
      header: [table.columns.map((column) => column.label)],
      rows: table.rows.map((row) => ({
        label: [row.label],
        values: row.cells.map((c) => getAt(report, c.path) as number | null),
      })),
    },
  }));
}

type RenderTable = (table: Table) => string[];

/** The whole document around the tables, with each table rendered by `render`. */
function document(report: AnnualReport, render: RenderTable, captionLine = (c: string) => c): string {
  const heading = (n: number) => `${SECTIONS[n]!.number}、${SECTIONS[n]!.title}`;
  const lines = [
    `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`,
    '',
    heading(0),
    `本报告所列数据的统计期限为${report.year ?? ''}年1月1日至${report.year ?? ''}年12月31日。`,
    '',
    heading(1),
  ];
  for (const { caption, table } of proactiveTables(report)) {
    lines.push(captionLine(caption), ...render(table));
  }
  lines.push('', heading(2), ...render(applicationsTable(report)), '', heading(3));
  lines.push(
    ...render(appealsTable(report)),
    '',
    heading(4),
    '本年度工作仍有不足。',
    '',
    heading(5),
    '无。',
    '',
  );
  return lines.join('\n');
}

const tsv: RenderTable = (table) => [
  ...table.header.map((row) => row.join('\t')),
  ...table.rows.map((row) => [...row.label, ...row.values.map(cell)].join('\t')),
];

const cellPerLine: RenderTable = (table) => {
  const out: string[] = [];
  for (const row of table.header) out.push(...row, '');
  for (const row of table.rows) {
    // Labels broken one character per line now and then, as Word tables copy (自/然/人).
    for (const label of row.label) {
      out.push(label.length <= 4 && /^[\u4e00-\u9fff]+$/.test(label) ? [...label].join('\n') : label);
    }
    out.push(...row.values.map(cell), '');
  }
  return out;
};

const barFragments: RenderTable = (table) => {
  const out: string[] = [];
  for (const row of table.header) out.push(...row.map((text) => `${text} |`), '||');
  for (const row of table.rows) {
    out.push(...row.label.map((text) => `${text} |`), ...row.values.map((value) => `${cell(value)} |`), '||');
  }
  return out;
};

const markdownRow = (cells: string[]) => `| ${cells.join(' | ')} |`;

const markdown: RenderTable = (table) => {
  const width = Math.max(...table.rows.map((row) => row.label.length + row.values.length), 1);
  const pad = (cells: string[]) => [
    ...cells,
    ...new Array<string>(Math.max(0, width - cells.length)).fill(''),
  ];
  const [first, ...rest] = table.header;
  return [
    markdownRow(pad(first ?? [])),
    markdownRow(new Array<string>(width).fill('---')),
    ...rest.map((row) => markdownRow(pad(row))),
    ...table.rows.map((row) => markdownRow([...row.label, ...row.values.map(cell)])),
  ];
};

/** Markdown whose labels and values drifted apart: each label cell on its own line, values on the next. */
const brokenMarkdown: RenderTable = (table) => {
  const out = [...table.header.map((row) => markdownRow(row)), '|---|---|'];
  for (const row of table.rows) {
    if (row.label.length > 0) out.push(markdownRow(row.label), '');
    out.push(markdownRow(row.values.map(cell)));
  }
  return out;
};

/** Web-page text: the cells of a row run together with no separator at all. */
const runTogether: RenderTable = (table) => [
  table.header.map((row) => row.join('')).join(''),
  ...table.rows.map((row) => `${row.label.join('')}${row.values.map(cell).join('')}`),
];

/** pdftotext -layout: columns aligned with spaces, long labels wrapped around the values line. */
const spaceAligned: RenderTable = (table) => {
  const out = table.header.map((row) => `        ${row.join('    ')}`);
  for (const row of table.rows) {
    const label = row.label.join('');
    const values = row.values.map((v) => cell(v).padStart(6)).join('   ');
    if (label.length > 24) {
      out.push(`      ${label.slice(0, 20)}`, `${' '.repeat(30)}${values}`, `      ${label.slice(20)}`, '');
    } else {
      out.push(`${label.padEnd(30 - label.length)}   ${values}`, '');
    }
  }
  return out;
};

const RENDERERS: Record<LayoutName, RenderTable> = {
  tsv,
  cellPerLine,
  barFragments,
  markdown,
  brokenMarkdown,
  runTogether,
  spaceAligned,
};

/** Renders a report into every text layout. */
export function renderTextLayouts(report: AnnualReport): Record<LayoutName, string> {
  return Object.fromEntries(
    LAYOUT_NAMES.map((name) => [
      name,
      document(
        report,
        RENDERERS[name],
        name === 'markdown' || name === 'brokenMarkdown' ? (c) => `**${c}**` : undefined,
      ),
    ]),
  ) as Record<LayoutName, string>;
}

/**
 * The fixtures' reports with their numbers varied (fast-check, tables kept balanced): each keeps its agency, year,
 * template and single-row （六）, and takes the numbers of a random balanced report.
 */
export const variedFixtureReport: fc.Arbitrary<AnnualReport> = fc
  .tuple(fc.constantFrom(...expectedFixtures()), consistentReport)
  .map(([name, numbers]) => {
    const fixture = readExpected(name) as AnnualReport;
    const report = structuredClone(numbers);
    report.agency = fixture.agency;
    report.year = fixture.year;
    const other = report.applications.otherProcessing;
    if (fixture.applications.otherProcessing.feeUnpaid === null) {
      // One row for （六）: the three rows' sum, so 三（七）总计 still adds up.
      const sum = other.other.map(
        (v, c) => (v ?? 0) + (other.correctionOverdue?.[c] ?? 0) + (other.feeUnpaid?.[c] ?? 0),
      );
      report.applications.otherProcessing = {
        correctionOverdue: null,
        feeUnpaid: null,
        other: sum as ApplicationRowCells,
      };
    }
    return report;
  });
