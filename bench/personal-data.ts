// Benchmark: the personal-data scan of a 10-page attachment's text (`npm run bench:personal-data`). Prints
// figures; not a test. Goal (issue 13): under 100 ms for 10 pages. The text is ten pages of the labelled set's
// notices (a 补贴名单 page holds some 40 rows of name, 身份证号, phone and amount), about 2,000 characters a page.
// Also timed on the same text in the same run, as a baseline: one pass of /\d+/g (the least any scan can cost).
import { performance } from 'node:perf_hooks';
import { findPersonalData, maskPersonalData } from '../src/core/publishing/personal-data/index.js';
import { labelledNotices } from '../test/support/personal-data-corpus.js';

const PAGES = Number(process.argv[2] ?? 10);
const CHARS_PER_PAGE = 2_000;
const RUNS = Number(process.argv[3] ?? 50);

const items = labelledNotices();
let text = '';
for (let i = 0; text.length < PAGES * CHARS_PER_PAGE; i += 1)
  text += `${items[i % items.length]!.text}\n\f\n`;
const allow = items[0]!.allow;

function time(run: () => unknown): { median: number; p95: number; max: number } {
  for (let i = 0; i < 20; i += 1) run(); // warm up (the JIT settles)
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return {
    median: samples[Math.floor(samples.length / 2)]!,
    p95: samples[Math.floor(samples.length * 0.95)]!,
    max: samples.at(-1)!,
  };
}

const findings = findPersonalData(text, { allow }).length;
const find = time(() => findPersonalData(text, { allow }));
const mask = time(() => maskPersonalData(text, { allow }));
const baseline = time(() => text.match(/\d+/g)?.length);
const ms = (n: number) => `${n.toFixed(2)} ms`;
console.log(
  `personal-data scan: ${PAGES} pages, ${text.length.toLocaleString('en')} characters, ${findings} findings, ${RUNS} runs`,
);
console.log(`  find   median ${ms(find.median)}  p95 ${ms(find.p95)}  max ${ms(find.max)}  (goal < 100 ms)`);
console.log(`  mask   median ${ms(mask.median)}  p95 ${ms(mask.p95)}  max ${ms(mask.max)}`);
console.log(
  `  baseline /\\d+/g pass  median ${ms(baseline.median)}; find = ${(find.median / baseline.median).toFixed(1)}× the baseline`,
);
console.log(`  throughput ${(((text.length / find.median) * 1000) / 1e6).toFixed(2)} M characters/s`);
