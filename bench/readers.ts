// Benchmark: read and check reports in every format, on one core and on all cores through the scan pool
// (`npm run bench:readers -- [--reports N] [--pdf N]`). Prints figures; not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { ReportFormat } from '../src/readers/types.js';
import { loadReportFile } from '../src/services/check-report.js';
import { inspectReportBytes } from '../src/services/scan/inspect-file.js';
import { scanReports } from '../src/services/scan-reports.js';
import { corpusFormats, corpusOf, sameTables, type CorpusItem } from './corpus.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '4000' },
    pdf: { type: 'string', default: '120' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    keep: { type: 'boolean', default: false },
  },
});
const perFormat = Number(values.reports);
const pdfCount = Number(values.pdf);
const jobs = Number(values.jobs);

const mb = (bytes: number) => bytes / 1_048_576;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

const corpora = new Map<ReportFormat, CorpusItem[]>();
const built = performance.now();
for (const format of corpusFormats()) {
  corpora.set(format, corpusOf(format, format === 'pdf' ? pdfCount : perFormat));
}
console.log(
  `corpus: ${[...corpora].map(([f, items]) => `${f} ${fmt(items.length)}`).join(', ')} ` +
    `(built in ${fmt((performance.now() - built) / 1000, 1)} s)`,
);

// One core: read + check + JSON line, in this thread, from bytes in memory.
console.log('\none core (read, check, JSON line; bytes in memory):');
console.log('  format / layout    files      MB   reports/s    MB/s  failed  exact tables');
/** The layout a corpus file is in: the middle part of its name (`000042.cellPerLine.txt` → cellPerLine). */
const layoutOf = (item: CorpusItem) =>
  item.name.includes('.fixture.') ? 'fixture' : item.name.split('.')[1]!;

/** Reads a set of files once, timed; then again, untimed, to count those read exactly as built. */
async function measure(items: CorpusItem[]) {
  let bytes = 0;
  let failed = 0;
  const start = performance.now();
  for (const item of items) {
    bytes += item.bytes.byteLength;
    const scanned = await inspectReportBytes(item.bytes, item.name);
    if (scanned.outcome.failure) failed += 1;
  }
  const seconds = (performance.now() - start) / 1000;
  let exact = 0;
  let known = 0;
  for (const item of items) {
    if (!item.source) continue;
    known += 1;
    try {
      const { report } = await loadReportFile({ bytes: item.bytes, source: item.name });
      if (sameTables(report, item.source)) exact += 1;
    } catch {
      // counted as not exact
    }
  }
  return { files: items.length, bytes, failed, seconds, exact, known };
}

function row(label: string, m: Awaited<ReturnType<typeof measure>>): string {
  return (
    `  ${label.padEnd(16)} ${fmt(m.files).padStart(7)} ${fmt(mb(m.bytes), 1).padStart(7)} ` +
    `${fmt(m.files / m.seconds).padStart(11)} ${fmt(mb(m.bytes) / m.seconds, 1).padStart(7)} ` +
    `${fmt(m.failed).padStart(7)}  ${m.known === 0 ? 'n/a' : `${fmt(m.exact)}/${fmt(m.known)}`}`
  );
}

for (const [format, items] of corpora) {
  for (const item of items.slice(0, Math.min(20, items.length)))
    await inspectReportBytes(item.bytes, item.name);
  console.log(row(format, await measure(items)));
  const layouts = [...new Set(items.map(layoutOf))];
  if (layouts.length > 1) {
    for (const layout of layouts)
      console.log(row(`  ${layout}`, await measure(items.filter((i) => layoutOf(i) === layout))));
  }
}
console.log(`  peak RSS so far: ${fmt(peakRssMb())} MB`);

// All cores: the same files on disk, scanned through the worker pool (one scan per format).
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-readers-'));
console.log(`\nall cores (${jobs} workers, scan pool; files on disk in ${dir}):`);
console.log('  format             files      MB   reports/s    MB/s   (incl. start-up)  failed');
try {
  for (const [format, items] of corpora) {
    const folder = join(dir, format);
    mkdirSync(folder);
    let bytes = 0;
    for (const item of items) {
      writeFileSync(join(folder, item.name), item.bytes);
      bytes += item.bytes.byteLength;
    }
    // The steady rate is taken over the second half of the files, when every worker has loaded its code
    // (pdf.js alone takes seconds to load in a fresh worker).
    const half = Math.floor(items.length / 2);
    let halfway = 0;
    let last = 0;
    const summary = await scanReports({
      dir: folder,
      out: join(dir, `${format}.jsonl`),
      jobs,
      onProgress: (p) => {
        if (p.done === half) halfway = p.elapsedMs;
        last = p.elapsedMs;
      },
    });
    const steady = (summary.files - half) / ((last - halfway) / 1000);
    const overall = summary.files / (summary.elapsedMs / 1000);
    console.log(
      `  ${format.padEnd(16)} ${fmt(summary.files).padStart(7)} ${fmt(mb(bytes), 1).padStart(7)} ` +
        `${fmt(steady).padStart(11)} ${fmt((mb(bytes) * steady) / summary.files, 1).padStart(7)}   ` +
        `(${fmt(overall).padStart(6)}/s)     ${fmt(summary.failed).padStart(7)}`,
    );
  }
} finally {
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
}
console.log(`\npeak RSS (main thread and workers): ${fmt(peakRssMb())} MB`);
console.log('targets: text ≥ 2,000 reports/s on one core; PDF ≥ 20 reports/s per core');
