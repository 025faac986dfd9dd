// Benchmark: read and check reports in every format, on one core and on all cores through the scan pool
// (`npm run bench:readers -- [--reports N] [--pdf N]`). Prints figures; not a test.
//
// It measures the compiled package (`dist/`, what `gongkai report scan` runs; the npm script builds it first),
// not the TypeScript sources through tsx, whose output differs (it wraps every function to keep its name).
// Only the corpus is built from the sources.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type * as ReadersModule from '../src/readers/index.js';
import type { ReportFormat } from '../src/readers/types.js';
import type * as InspectModule from '../src/services/scan/inspect-file.js';
import type * as ScanModule from '../src/services/scan/scan-reports.js';
import { corpusFormats, corpusOf, sameApplications, sameTables, type CorpusItem } from './corpus.js';

const DIST = new URL('../dist/', import.meta.url);
if (!existsSync(new URL('services/scan/scan-reports.js', DIST))) {
  console.error('dist/ is missing: run `npm run build` first (`npm run bench:readers` does).');
  process.exit(2);
}
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, DIST).href)) as T;
const { readReport } = await load<typeof ReadersModule>('readers/index.js');
const { inspectReportBytes } = await load<typeof InspectModule>('services/scan/inspect-file.js');
const { scanReports } = await load<typeof ScanModule>('services/scan/scan-reports.js');

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '4000' },
    pdf: { type: 'string', default: '120' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    'scan-files': { type: 'string', default: '20000' },
    keep: { type: 'boolean', default: false },
  },
});
const perFormat = Number(values.reports);
const pdfCount = Number(values.pdf);
const jobs = Number(values.jobs);
const scanFiles = Number(values['scan-files']);

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

// One core: in this thread, from bytes in memory; the reader alone, then read + check + JSON line (a scan's work).
console.log(
  '\none core (bytes in memory; reports per second, wall clock and per CPU-second of this thread):',
);
console.log('  (per CPU-s counts user + system time only, the fairer figure on a shared machine)');
console.log(
  '  format / layout    files      MB  ──── read ────  ─ read+check+line ─    MB/s  failed  exact tables (table 三 alone)',
);
console.log('                                   /s   per CPU-s       /s   per CPU-s');
/** The layout a corpus file is in: the middle part of its name (`000042.cellPerLine.txt` → cellPerLine). */
const layoutOf = (item: CorpusItem) =>
  item.name.includes('.fixture.') ? 'fixture' : item.name.split('.')[1]!;

interface Timing {
  seconds: number;
  cpuSeconds: number;
}

/** Runs `work` over the files once, timed by the wall clock and by this thread's CPU time. */
async function timed(items: CorpusItem[], work: (item: CorpusItem) => Promise<unknown>): Promise<Timing> {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (const item of items) await work(item);
  const cpu = process.cpuUsage(cpuStart);
  return { seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** Reads a set of files (reader alone, then the scan's whole work), and counts those read exactly as built. */
async function measure(items: CorpusItem[]) {
  let bytes = 0;
  for (const item of items) bytes += item.bytes.byteLength;
  const read = await timed(items, (item) => readReport(item.bytes, item.name).catch(() => null));
  let failed = 0;
  const scan = await timed(items, async (item) => {
    const scanned = await inspectReportBytes(item.bytes, item.name);
    if (scanned.outcome.failure) failed += 1;
  });
  let exact = 0;
  let exactApplications = 0;
  let known = 0;
  for (const item of items) {
    if (!item.source) continue;
    known += 1;
    try {
      const { report } = await readReport(item.bytes, item.name);
      if (sameTables(report, item.source)) exact += 1;
      if (sameApplications(report, item.source)) exactApplications += 1;
    } catch {
      // counted as not exact
    }
  }
  return { files: items.length, bytes, failed, read, scan, exact, exactApplications, known };
}

function row(label: string, m: Awaited<ReturnType<typeof measure>>): string {
  const rate = (t: Timing) =>
    `${fmt(m.files / t.seconds).padStart(8)} ${fmt(m.files / t.cpuSeconds).padStart(10)}`;
  return (
    `  ${label.padEnd(16)} ${fmt(m.files).padStart(7)} ${fmt(mb(m.bytes), 1).padStart(7)} ` +
    `${rate(m.read)} ${rate(m.scan)} ${fmt(mb(m.bytes) / m.scan.seconds, 1).padStart(7)} ` +
    `${fmt(m.failed).padStart(7)}  ` +
    (m.known === 0 ? 'n/a' : `${fmt(m.exact)}/${fmt(m.known)} (三: ${fmt(m.exactApplications)})`)
  );
}

const totals = new Map<ReportFormat, Awaited<ReturnType<typeof measure>>>();
for (const [format, items] of corpora) {
  // Warm up as a long scan is after its first files: the reader's code loaded (pdf.js) and optimised by V8
  // (which takes a couple of thousand small reports: every file once, and the first 200 twice more).
  for (const item of items) await inspectReportBytes(item.bytes, item.name);
  for (let round = 0; round < 2; round += 1) {
    for (const item of items.slice(0, Math.min(200, items.length)))
      await inspectReportBytes(item.bytes, item.name);
  }
  const whole = await measure(items);
  totals.set(format, whole);
  console.log(row(format, whole));
  const layouts = [...new Set(items.map(layoutOf))];
  if (layouts.length > 1) {
    for (const layout of layouts)
      console.log(row(`  ${layout}`, await measure(items.filter((i) => layoutOf(i) === layout))));
  }
}
console.log(`  peak RSS so far: ${fmt(peakRssMb())} MB`);

// A crawled page of 100 KB on one line (site text and prose around a real run-together report): its reading time.
{
  const real = readFileSync(
    new URL('../../shared/fixtures/reports/real/pingtan-zone-2022.txt', import.meta.url),
    'utf8',
  );
  const [head, body] = [real.split('\n').slice(0, 9).join('\n'), real.split('\n').slice(9).join(' ')];
  const filler = '本机关坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设，回应社会关切。';
  const line =
    filler.repeat(Math.ceil((100_000 - body.length) / filler.length)).slice(0, 100_000 - body.length) + body;
  const page = new TextEncoder().encode(`${head}\n${line}\n`);
  for (let i = 0; i < 50; i += 1) await readReport(page, 'page.txt');
  const runs = 200;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < runs; i += 1) await readReport(page, 'page.txt');
  const wall = (performance.now() - start) / runs;
  const used = process.cpuUsage(cpu);
  console.log(
    `  100 KB one-line page: ${fmt(wall, 2)} ms a read (${fmt((used.user + used.system) / 1000 / runs, 2)} ms CPU)`,
  );
}

// All cores: the same files on disk, scanned through the worker pool (one scan per format).
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-readers-'));
console.log(`\nall cores (${jobs} workers, scan pool; files on disk in ${dir}):`);
console.log('  format             files      MB   reports/s    MB/s   (incl. start-up)  failed');
try {
  for (const [format, items] of corpora) {
    const folder = join(dir, format);
    mkdirSync(folder);
    // Each worker needs a few thousand small reports before V8 has optimised the readers (a fresh worker reads
    // its first 500 text reports at half speed): small formats are written as often as it takes to reach
    // `--scan-files` files, so that the steady rate below is a worker's steady rate, not its warm-up.
    const copies = format === 'pdf' ? 1 : Math.max(1, Math.ceil(scanFiles / items.length));
    let bytes = 0;
    for (let copy = 0; copy < copies; copy += 1) {
      for (const item of items) {
        writeFileSync(join(folder, copies === 1 ? item.name : `${copy}-${item.name}`), item.bytes);
        bytes += item.bytes.byteLength;
      }
    }
    // The steady rate is taken over the second half of the files, when every worker has loaded its code
    // (pdf.js alone takes seconds to load in a fresh worker) and V8 has optimised it.
    const half = Math.floor((items.length * copies) / 2);
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
const perCpu = (format: ReportFormat, part: 'read' | 'scan') => {
  const m = totals.get(format);
  return m ? fmt(m.files / m[part].cpuSeconds) : 'n/a';
};
console.log(
  `targets: text ≥ 2,000 reports/s on one core (read: ${perCpu('text', 'read')}, ` +
    `read+check+line: ${perCpu('text', 'scan')} per CPU-s); PDF ≥ 20 reports/s per core ` +
    `(read: ${perCpu('pdf', 'read')}, read+check+line: ${perCpu('pdf', 'scan')} per CPU-s)`,
);
