/**
 * The one mapper from a `Grid` onto the contract `gongkai.annual-report/v1`: finds the sections, reads tables 二,
 * 三 and 四 with their provenance, the agency, year and template, and lists what it was unsure of. A cell never
 * read is null, never a guessed zero.
 */
import { DomainError } from '../../core/errors.js';
import { REPORT_SCHEMA_ID, type AnnualReport, type ApplicationRowCells } from '../../core/report/model.js';
import {
  SECTIONS,
  APPLICATION_ROWS,
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  PROACTIVE_CELLS,
} from '../../core/report/template.js';
import type { Grid } from '../grid.js';
import type { ReadResult, ReportFormat } from '../types.js';
import { readApplications } from './applications.js';
import { readAppeals } from './appeals.js';
import { Reading } from './cells.js';
import {
  completeAgency,
  findHeadings,
  findPeriodYear,
  findTitle,
  formatMarkers,
  type Heading,
} from './meta.js';
import { hasSlip } from './normalize.js';
import { readProactive, readProactive2019 } from './proactive.js';
import { tokenize, type Line } from './tokens.js';
import { CELL_PATHS, ROW_MATCHERS } from './labels.js';

/** The section-二 cells the 2019 试行 format has too (本年处理决定数量 of 许可, 处罚, 强制). */
const PROACTIVE_2019_PATHS = new Set(['proactive.licensing', 'proactive.penalty', 'proactive.enforcement']);

const APPEAL_PATHS = APPEAL_GROUPS.flatMap((group) =>
  APPEAL_RESULTS.map((result) => `appeals.${group.key}.${result.key}`),
);

/** Path segments of every cell and row the report fills, split once. */
const SEGMENTS = new Map<string, string[]>();

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  let parts = SEGMENTS.get(path);
  if (parts === undefined) {
    parts = path.split('.');
    SEGMENTS.set(path, parts);
  }
  let node = target;
  for (let i = 0; i < parts.length - 1; i++) node = node[parts[i]!] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** Where each table's lines are: between its heading and the next, or found by its first row when unheaded. */
function regions(lines: readonly Line[], headings: readonly Heading[]) {
  const at = (n: string) => headings.find((h) => h.number === n)?.line;
  const end = lines.length;
  let three = at('三');
  if (three === undefined) {
    const first = lines.findIndex((line) => line.text.includes('勾稽') || ROW_MATCHERS[0]!.key === line.text);
    three = first === -1 ? lines.findIndex((line) => line.text.includes(ROW_MATCHERS[0]!.key)) : first;
    if (three === -1) three = undefined;
  }
  let four = at('四');
  if (four === undefined && three !== undefined) {
    const found = lines.findIndex((line, i) => i > three! && /行政复议/.test(line.text));
    four = found === -1 ? undefined : found;
  }
  const two = at('二') ?? lines.findIndex((line) => line.text.includes('第二十条'));
  const five = at('五') ?? at('六');
  const slice = (from: number | undefined, to: number | undefined) =>
    from === undefined || from < 0 ? [] : lines.slice(from, to ?? end);
  return {
    proactive: slice(two, three ?? four),
    applications: slice(three, four ?? five),
    appeals: slice(four, five !== undefined && four !== undefined && five > four ? five : undefined),
  };
}

function emptyReport(template: '2021' | '2019'): AnnualReport {
  const row = (): ApplicationRowCells => [null, null, null, null, null, null, null];
  const stock = () => ({ issued: null, repealed: null, inForce: null });
  const appeal = () => ({ upheld: null, corrected: null, other: null, pending: null, total: null });
  return {
    schema: REPORT_SCHEMA_ID,
    agency: null,
    year: null,
    template,
    proactive: {
      regulations: stock(),
      normativeDocuments: stock(),
      licensing: null,
      penalty: null,
      enforcement: null,
      feesTenThousandYuan: null,
    },
    applications: {
      newReceived: row(),
      carriedOver: row(),
      disclosed: row(),
      partiallyDisclosed: row(),
      withheld: {
        stateSecret: row(),
        prohibitedByLaw: row(),
        securityStability: row(),
        thirdPartyRights: row(),
        internalAffairs: row(),
        processInformation: row(),
        enforcementFiles: row(),
        administrativeQuery: row(),
      },
      unableToProvide: { notHeld: row(), needsCreation: row(), unclearAfterCorrection: row() },
      notProcessed: {
        complaint: row(),
        duplicate: row(),
        publication: row(),
        excessive: row(),
        confirmation: row(),
      },
      otherProcessing: { correctionOverdue: row(), feeUnpaid: row(), other: row() },
      totalProcessed: row(),
      carriedForward: row(),
    },
    appeals: {
      reconsideration: appeal(),
      litigationDirect: appeal(),
      litigationAfterReconsideration: appeal(),
    },
  };
}

const SECTION_ORDER: readonly string[] = SECTIONS.map((section) => section.number);

interface InferredSection {
  number: string;
  title: string;
  evidence: { zh: string; en: string };
}

/**
 * Sections whose heading was not found but whose content is there (a heading lost in conversion is a reading
 * doubt, not a missing section): 二, 三, 四 by their tables; 一 by prose before the tables; 五 by prose between
 * table 四 and 六; 六 by its usual subject (其他需要报告, 信息处理费) after 五.
 */
function inferSections(
  lines: readonly Line[],
  headings: readonly Heading[],
  reading: Reading,
): InferredSection[] {
  const found = new Map(headings.map((h) => [h.number, h.line] as const));
  const out: InferredSection[] = [];
  const add = (number: string, zh: string, en: string) =>
    out.push({ number, title: SECTIONS.find((s) => s.number === number)!.title, evidence: { zh, en } });
  let proactive = false;
  let appeals = false;
  for (const path of reading.values.keys()) {
    if (path.startsWith('proactive.')) proactive = true;
    else if (path.startsWith('appeals.')) appeals = true;
  }
  const firstTable = found.get('二') ?? found.get('三') ?? lines.findIndex((l) => l.raw.includes('第二十条'));
  if (!found.has('一') && firstTable > 2) {
    const prose = lines.slice(2, firstTable).some((line) => isProse(line.raw));
    if (prose) add('一', '表格之前的正文', 'the text before the tables');
  }
  if (!found.has('二') && proactive) add('二', '第二十条各表', 'the 第二十条 tables');
  if (!found.has('三')) add('三', '表三', 'table 三');
  if (!found.has('四') && appeals) add('四', '复议诉讼表', 'the appeals table');
  const four = found.get('四');
  const six = found.get('六');
  if (!found.has('五') && four !== undefined) {
    const end = six ?? lines.length;
    const prose = lines.slice(four + 1, end).some((line) => isProse(line.raw) && !/\d{3,}/.test(line.raw));
    if (prose && six !== undefined) add('五', '复议诉讼表之后的正文', 'the text after the appeals table');
  }
  const five = found.get('五');
  if (!found.has('六') && five !== undefined) {
    const subject = lines.slice(five + 1).some((line) => /其他需要报告|信息处理费/.test(line.raw));
    if (subject) add('六', '“其他需要报告”“信息处理费”等正文', 'text on other matters or processing fees');
  }
  return out;
}

/** A line of narrative rather than of a table: it has a full stop, or is long and has commas. */
function isProse(raw: string): boolean {
  return raw.includes('。') || (raw.length > 40 && (raw.includes('，') || raw.includes(',')));
}

/** Each section's narrative: its prose lines up to the next heading (tables left out). */
function sectionTexts(lines: readonly Line[], headings: readonly Heading[]): string[] {
  return headings.map((heading, n) => {
    const end = n + 1 < headings.length ? headings[n + 1]!.line : lines.length;
    const out: string[] = heading.rest ? [heading.rest] : [];
    for (let i = heading.line + 1; i < end; i++) {
      const raw = lines[i]!.raw;
      if (isProse(raw)) out.push(raw.trim());
    }
    return out.join('\n');
  });
}

/** The raw text of the first grid rows (cells joined by a space), for the title and the compiler sentence. */
function rawLines(grid: Grid, count: number): string[] {
  return grid.rows.slice(0, count).map((row) => row.map((cell) => cell.text).join(' '));
}

/**
 * Maps a grid (any layout, any format) onto the contract; throws REPORT_NOT_FOUND when it holds no report.
 * `format` is what the result reports as its source format (the HTML, DOCX and PDF readers pass theirs).
 */
export function readGrid(grid: Grid, name: string, format: ReportFormat = 'text'): ReadResult {
  const lines = tokenize(grid);
  const headings = findHeadings(lines);
  const parts = regions(lines, headings);
  const reading = new Reading();
  const raw = rawLines(grid, 40);
  const head = raw.join('\n');

  const narratives = sectionTexts(lines, headings);
  reading.narrative = narratives
    .filter((_, n) => ['一', '二', '三', '四'].includes(headings[n]!.number))
    .join('\n');
  const markers = formatMarkers(parts.proactive.map((line) => line.text));
  const template = markers.length > 0 ? '2019' : '2021';
  if (template === '2021') readProactive(parts.proactive, reading);
  else readProactive2019(parts.proactive, reading);
  const { singleOther } = readApplications(parts.applications, reading);
  readAppeals(parts.appeals, reading);

  let tableValues = false;
  for (const path of reading.values.keys()) {
    if (path.startsWith('applications.')) {
      tableValues = true;
      break;
    }
  }
  if (!tableValues) {
    throw new DomainError(
      'REPORT_NOT_FOUND',
      `${name} 中没有找到政府信息公开工作年度报告的表格（三、收到和处理政府信息公开申请情况）`,
      `${name} holds no annual report table (三、收到和处理政府信息公开申请情况 was not found)`,
    );
  }

  const report = emptyReport(template);
  const title = findTitle(raw);
  report.year = title.year ?? findPeriodYear(lines.map((line) => line.raw).join('\n'));
  report.agency = title.agency === null ? null : completeAgency(title.agency, head);
  if (report.agency === null) {
    reading.doubt(
      'agency-missing',
      'agency',
      '未能从标题找到发布机关',
      'The publishing agency was not found in the title',
    );
  }
  if (report.year === null) {
    reading.doubt('year-missing', 'year', '未能找到报告年度', 'The reported year was not found');
  } else if (title.year === null) {
    reading.doubt(
      'year-from-body',
      'year',
      '报告年度取自统计期限，标题中没有年份',
      'The year was taken from the statistics period; the title has none',
    );
  }

  for (const cell of PROACTIVE_CELLS) {
    if (template === '2021' || PROACTIVE_2019_PATHS.has(cell.path))
      setPath(report as unknown as Record<string, unknown>, cell.path, reading.get(cell.path));
  }
  APPLICATION_ROWS.forEach((row, index) => {
    const paths = CELL_PATHS[index]!;
    const cells = paths.map((path) => reading.get(path)) as ApplicationRowCells;
    const value = singleOther && row.only2021 ? null : cells;
    setPath(report as unknown as Record<string, unknown>, row.path, value);
  });
  for (const path of APPEAL_PATHS)
    setPath(report as unknown as Record<string, unknown>, path, reading.get(path));

  if (markers.length > 0) report.formatMarkers = markers;
  const inferred = inferSections(lines, headings, reading);
  if (headings.length > 0 || inferred.length > 0) {
    const sections: NonNullable<AnnualReport['sections']> = headings.map((h, n) =>
      narratives[n] === ''
        ? { number: h.number, title: h.title }
        : { number: h.number, title: h.title, text: narratives[n]! },
    );
    for (const section of inferred) {
      const at = SECTION_ORDER.indexOf(section.number);
      const before = sections.findIndex((s) => SECTION_ORDER.indexOf(s.number) > at);
      const entry = { number: section.number, title: section.title, inferred: true };
      if (before === -1) sections.push(entry);
      else sections.splice(before, 0, entry);
      reading.doubt(
        'heading-missing',
        'sections',
        `未找到第${section.number}部分的标题“${section.number}、${section.title}”（转换时可能丢失），按${section.evidence.zh}认定该部分存在`,
        `The heading of section ${section.number} (${section.number}、${section.title}) was not found (lost in conversion?); the section is taken as present from ${section.evidence.en}`,
      );
    }
    report.sections = sections;
  }
  const slips = [...parts.proactive, ...parts.applications, ...parts.appeals].filter((line) =>
    hasSlip(line.text),
  );
  for (const line of slips.slice(0, 5)) {
    reading.doubt(
      'slip',
      undefined,
      `标签有笔误，已按格式读取：${line.text}`,
      `A label has a known slip and was read as the template's: ${line.text}`,
    );
  }
  report.provenance = reading.provenance;
  report.doubts = reading.doubts;
  return { report, format, doubts: reading.doubts };
}
