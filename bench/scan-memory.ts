// Benchmark: scan a folder of many generated report files and print memory over time, to show that the scan's
// memory stays flat (`npm run bench:scan-memory -- [--files 100000]`). Prints figures; not a test.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { scanReports } from '../src/services/scan/scan-reports.js';
import { corpusFormats, corpusOf } from './corpus.js';

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '100000' },
    jobs: { type: 'string', default: String(availableParallelism()) },
    every: { type: 'string', default: '5' },
    formats: { type: 'string', default: 'json,text,html,docx' },
  },
});
const formats = values.formats.split(',');
const files = Number(values.files);
const jobs = Number(values.jobs);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
const rssMb = () => process.memoryUsage.rss() / 1_048_576;

// A pool of distinct files of the chosen formats (PDFs are few and slow; the point here is the file count),
// written again and again under new names, 1,000 to a folder.
const pool = corpusFormats()
  .filter((format) => formats.includes(format))
  .flatMap((format) => corpusOf(format, 500));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-scan-'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}
const started = performance.now();
for (let i = 0; i < files; i += 1) {
  const folder = join(dir, 'in', String(Math.floor(i / 1000)).padStart(3, '0'));
  if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
  const item = pool[i % pool.length]!;
  writeFileSync(join(folder, `${i}.${item.name}`), item.bytes);
}
console.log(`wrote ${fmt(files)} files in ${((performance.now() - started) / 1000).toFixed(1)} s to ${dir}`);
console.log(`scanning with ${jobs} workers; RSS every ${values.every} s:`);

const samples: { s: number; done: number; rss: number }[] = [];
const scanStarted = performance.now();
let done = 0;
const timer = setInterval(
  () => {
    const s = Math.round((performance.now() - scanStarted) / 1000);
    const sample = { s, done, rss: rssMb() };
    samples.push(sample);
    console.log(
      `  t=${String(s).padStart(4)} s  files ${fmt(done).padStart(7)}  RSS ${fmt(sample.rss).padStart(5)} MB`,
    );
  },
  Number(values.every) * 1000,
);
try {
  const summary = await scanReports({
    dir: join(dir, 'in'),
    out: join(dir, 'results.jsonl'),
    csv: join(dir, 'summary.csv'),
    jobs,
    onProgress: (p) => (done = p.done),
  });
  clearInterval(timer);
  const rates = samples.filter((x) => x.done > 0).map((x) => x.rss);
  const half = rates.slice(Math.floor(rates.length / 2));
  console.log(
    `scanned ${fmt(summary.files)} files (${fmt(summary.read)} read, ${fmt(summary.failed)} failed) ` +
      `in ${(summary.elapsedMs / 1000).toFixed(1)} s, ${fmt(summary.files / (summary.elapsedMs / 1000))} files/s`,
  );
  if (rates.length > 0) {
    console.log(
      `RSS while scanning: min ${fmt(Math.min(...rates))} MB, max ${fmt(Math.max(...rates))} MB; ` +
        `second half: min ${fmt(Math.min(...half))} MB, max ${fmt(Math.max(...half))} MB`,
    );
  }
  console.log(`peak RSS: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  clearInterval(timer);
  rmSync(dir, { recursive: true, force: true });
}
