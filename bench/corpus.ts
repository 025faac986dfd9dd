/**
 * The benchmark corpus: thousands of reports with varied numbers (consistent by construction, from the
 * property-test arbitrary, with the fixtures' agencies), written in every layout a builder exists for, plus the
 * fixture files themselves. Each item keeps the report it was built from, so a benchmark can count exact reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { AnnualReport } from '../src/core/report/model.js';
import { renderReportText } from '../src/core/report/render-text.js';
import type { ReportFormat } from '../src/readers/types.js';
import { consistentReport } from '../test/support/report-arbitrary.js';
import { EXPECTED, REPORTS } from '../test/support/fixtures.js';
import { renderDocx } from '../test/support/layouts/docx.js';
import { HTML_VARIANTS, renderHtml } from '../test/support/layouts/html.js';
import { LAYOUT_NAMES, renderTextLayouts } from '../test/support/layouts/text.js';

export interface CorpusItem {
  /** A file name carrying the layout (`0042.aligned.txt`). */
  name: string;
  bytes: Uint8Array;
  /** The report the file was built from, when it was built from one. */
  source?: AnnualReport;
}

/** A layout: the format its files are in, and how a report is written in it. */
interface Layout {
  format: ReportFormat;
  name: string;
  extension: string;
  render: (report: AnnualReport) => string | Uint8Array;
}

const encoder = new TextEncoder();
/** pdftotext output of the fixture PDFs in its three modes (committed by the text reader's tests). */
const PDFTOTEXT = fileURLToPath(new URL('../test/fixtures/pdftotext', import.meta.url));

const LAYOUTS: Layout[] = [
  { format: 'json', name: 'contract', extension: 'json', render: (r) => JSON.stringify(r, null, 2) },
  { format: 'text', name: 'aligned', extension: 'txt', render: (r) => renderReportText(r, 'zh') },
  ...LAYOUT_NAMES.map((name): Layout => ({
    format: 'text',
    name,
    extension: 'txt',
    render: (r) => renderTextLayouts(r)[name],
  })),
  ...HTML_VARIANTS.map((variant): Layout => ({
    format: 'html',
    name: variant,
    extension: 'html',
    render: (r) => renderHtml(r, variant),
  })),
  { format: 'docx', name: 'tables', extension: 'docx', render: renderDocx },
];

const agencies = readdirSync(EXPECTED)
  .filter((name) => name.endsWith('.json'))
  .map(
    (name) =>
      (JSON.parse(readFileSync(`${EXPECTED}${name}`, 'utf8')) as AnnualReport).agency ?? '某某街道办事处',
  );

/** `count` reports with varied numbers and the fixtures' agencies (the same ones for a given seed). */
export function variedReports(count: number, seed = 2024): AnnualReport[] {
  return fc
    .sample(consistentReport, { numRuns: count, seed })
    .map((report, i) => ({ ...report, agency: agencies[i % agencies.length]! }));
}

/** The fixture files of a format, as published (seeds, PDFs). */
function fixtureFiles(format: ReportFormat): CorpusItem[] {
  const from = (folder: string, extension: string) =>
    readdirSync(folder)
      .filter((name) => name.endsWith(extension))
      .map((name) => ({ name: `fixture.${name}`, bytes: readFileSync(`${folder}/${name}`) }));
  if (format === 'text') return [...from(`${REPORTS}seeds`, '.txt'), ...from(PDFTOTEXT, '.txt')];
  if (format === 'pdf') return from(`${REPORTS}pdf`, '.pdf');
  return [];
}

/** The formats the corpus has files for. */
export function corpusFormats(): ReportFormat[] {
  const formats = new Set<ReportFormat>(LAYOUTS.map((layout) => layout.format));
  formats.add('pdf');
  return [...formats];
}

/** `count` files of one format, cycling through its layouts and its fixture files. */
export function corpusOf(format: ReportFormat, count: number, seed = 2024): CorpusItem[] {
  const layouts = LAYOUTS.filter((layout) => layout.format === format);
  const fixtures = fixtureFiles(format);
  const items: CorpusItem[] = [];
  const reports = layouts.length > 0 ? variedReports(count, seed) : [];
  for (let i = 0; items.length < count; i += 1) {
    const fixture = fixtures[i % Math.max(1, fixtures.length)];
    // One file in twenty is a fixture as published (every file, when no layout is built for the format).
    if (fixture && (layouts.length === 0 || i % 20 === 0)) {
      items.push({ name: `${String(i).padStart(6, '0')}.${fixture.name}`, bytes: fixture.bytes });
      continue;
    }
    const layout = layouts[i % layouts.length]!;
    const source = reports[i % reports.length]!;
    const rendered = layout.render(source);
    const bytes = typeof rendered === 'string' ? encoder.encode(rendered) : rendered;
    items.push({ name: `${String(i).padStart(6, '0')}.${layout.name}.${layout.extension}`, bytes, source });
  }
  return items;
}

/** True when a read report has the same table cells as the one its file was built from. */
export function sameTables(read: AnnualReport, source: AnnualReport): boolean {
  const tables = (r: AnnualReport) =>
    JSON.stringify([r.year, r.template, r.proactive, r.applications, r.appeals]);
  return tables(read) === tables(source);
}

/** True when a read report has the same table-三 cells as the one its file was built from. */
export function sameApplications(read: AnnualReport, source: AnnualReport): boolean {
  return JSON.stringify(read.applications) === JSON.stringify(source.applications);
}
