// Benchmark: the text reader's throughput in reports per second of CPU time (`npm run bench:text-reader`).
// Prints figures per layout; not a test. CPU time (`process.cpuUsage`, user + system) rather than wall time, so
// a shared, loaded machine skews the figures less; compare runs made in the same conditions.
//
//   npm run bench:text-reader -- [--dist DIR] [--samples N] [--seconds S] [--rounds R]
//
// --dist DIR reads with the compiled reader in DIR instead of the sources through tsx: `--dist dist` after
// `npm run build` (another directory needs a package.json of `"type": "module"` and node_modules above it); --samples is the number of random reports rendered per corpus layout (default 100);
// each figure is the median of --rounds rounds (default 3) of at least --seconds CPU seconds (default 1).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { ReadResult } from '../src/readers/types.js';
import { REPORTS } from '../test/support/fixtures.js';
import { LAYOUT_NAMES, renderTextLayouts } from '../test/support/layouts/text.js';
import { consistentReport } from '../test/support/report-arbitrary.js';

const { values: options } = parseArgs({
  options: {
    dist: { type: 'string' },
    samples: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '3' },
  },
});
const SAMPLES = Number(options.samples);
const SECONDS = Number(options.seconds);
const ROUNDS = Number(options.rounds);

type Read = (bytes: Uint8Array, name: string) => ReadResult;
const module = (await import(
  options.dist === undefined
    ? '../src/readers/text/index.js'
    : pathToFileURL(join(resolve(options.dist), 'readers/text/index.js')).href
)) as { readTextSync: Read };
const readTextSync = module.readTextSync;

const encoder = new TextEncoder();
const inputs = (dir: string, filter: (name: string) => boolean) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt') && filter(name))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }));

const SEEDS = `${REPORTS}seeds/`;
const PDFTOTEXT = new URL('../test/fixtures/pdftotext/', import.meta.url).pathname;
const groups: { label: string; files: { name: string; bytes: Uint8Array }[] }[] = [
  { label: 'seeds', files: inputs(SEEDS, () => true) },
  ...(['layout', 'default', 'raw'] as const).map((mode) => ({
    label: `pdftotext -${mode}`,
    files: inputs(PDFTOTEXT, (name) => name.endsWith(`.${mode}.txt`)),
  })),
];
groups.push({ label: 'seeds + pdftotext', files: groups.flatMap((group) => group.files) });

// The same random reports on every run (fixed seed), rendered in each layout.
const reports = fc.sample(consistentReport, { numRuns: SAMPLES, seed: 20_240_101 });
const rendered = reports.map((report) => renderTextLayouts(report));
for (const layout of LAYOUT_NAMES) {
  groups.push({
    label: `corpus ${layout}`,
    files: rendered.map((texts, n) => ({ name: `${layout}-${n}.txt`, bytes: encoder.encode(texts[layout]) })),
  });
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Reports per CPU second over one round of at least SECONDS. */
function round(files: { name: string; bytes: Uint8Array }[]): number {
  let reports = 0;
  const start = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < SECONDS) {
    for (const file of files) readTextSync(file.bytes, file.name);
    reports += files.length;
    elapsed = cpuSeconds(start);
  }
  return reports / elapsed;
}

console.log(
  `text reader (${options.dist === undefined ? 'sources through tsx' : `compiled, ${options.dist}`}), ` +
    `reports/s of CPU time, median of ${ROUNDS} × ≥ ${SECONDS} s; corpus: ${SAMPLES} reports per layout`,
);
console.log(
  `${'input'.padEnd(26)}${'files'.padStart(6)}${'KB avg'.padStart(8)}${'median/s'.padStart(10)}${'best/s'.padStart(9)}`,
);
for (const group of groups) {
  for (const file of group.files) readTextSync(file.bytes, file.name); // warm up
  const rates = Array.from({ length: ROUNDS }, () => round(group.files)).sort((a, b) => a - b);
  const kb = group.files.reduce((sum, file) => sum + file.bytes.length, 0) / group.files.length / 1024;
  console.log(
    `${group.label.padEnd(26)}${String(group.files.length).padStart(6)}${kb.toFixed(1).padStart(8)}` +
      `${Math.round(rates[Math.floor(ROUNDS / 2)]!)
        .toLocaleString('en')
        .padStart(10)}` +
      `${Math.round(rates[ROUNDS - 1]!)
        .toLocaleString('en')
        .padStart(9)}`,
  );
}
console.log('target: ≥ 2,000 reports/s on one core');
