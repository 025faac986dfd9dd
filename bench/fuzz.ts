/**
 * `npm run bench:fuzz` — fuzzed inputs to the report readers (`readReport`, every format), in worker threads on
 * every core, counting crashes (anything thrown that is not a coded REPORT_* error, or a worker that dies) and
 * hangs (one input still running after --hang-seconds). A benchmark, not a CI test: it prints its figures and
 * exits 1 when it found a crash or a hang, keeping those inputs under .bench/fuzz/ to replay.
 *
 *   npm run bench:fuzz                                  1,000,000 inputs
 *   npm run bench:fuzz -- --inputs 20000 --seed 7       a short run
 *   npm run bench:fuzz -- --workers 1 --hang-seconds 60
 *
 * Inputs are made from a seed and their index (the same run for the same seed): published fixtures and reports
 * built in every layout (text, HTML, DOCX, JSON, PDF), mutated byte-wise (flips, inserts, deletions, repeats,
 * truncation, splices, hostile characters such as NUL, RTL overrides and lone surrogates) or structure-wise
 * (the XML inside a DOCX, the numbers of a text table), and random bytes behind each format's magic.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isDomainError } from '../src/core/errors.js';
import { readReport } from '../src/readers/index.js';
import { ignorePdfJsStrayRejections } from '../src/readers/pdf/stray-rejections.js';
import { REPORTS } from '../test/support/fixtures.js';
import { corpusOf } from './corpus.js';

interface Settings {
  seed: number;
  /** Shared progress: [index being read, inputs done] per worker slot. */
  progress: SharedArrayBuffer;
  slot: number;
}

interface Chunk {
  from: number;
  to: number;
}

interface ChunkResult {
  counts: Record<string, number>;
  generators: Record<string, number>;
  crashes: { index: number; generator: string; name: string; message: string }[];
  slowest: { index: number; generator: string; ms: number };
  totalMs: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Inputs

/** A small fast PRNG (mulberry32), seeded per input so any input can be made again from its index. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Base {
  name: string;
  bytes: Uint8Array;
  kind: 'text' | 'html' | 'docx' | 'json' | 'pdf';
}

function loadBases(): Base[] {
  const bases: Base[] = [];
  const add = (kind: Base['kind'], name: string, bytes: Uint8Array) => bases.push({ kind, name, bytes });
  for (const item of corpusOf('text', 24, 11)) add('text', item.name, item.bytes);
  for (const item of corpusOf('html', 16, 12)) add('html', item.name, item.bytes);
  for (const item of corpusOf('docx', 8, 13)) add('docx', item.name, item.bytes);
  for (const item of corpusOf('json', 4, 14)) add('json', item.name, item.bytes);
  for (const name of readdirSync(`${REPORTS}pdf`).filter((n) => n.endsWith('.pdf'))) {
    add('pdf', name, new Uint8Array(readFileSync(`${REPORTS}pdf/${name}`)));
  }
  for (const name of readdirSync(`${REPORTS}real`).filter((n) => n.endsWith('.txt'))) {
    add('text', name, new Uint8Array(readFileSync(`${REPORTS}real/${name}`)));
  }
  return bases;
}

const HOSTILE = [
  '\u0000',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udfff',
  '一二三',
  '（七）',
  '-',
  '9'.repeat(40),
];
const MAGIC = [
  '%PDF-1.7\n',
  'PK\u0003\u0004',
  '<html><table><tr><td>',
  '{"schema":"gongkai.annual-report/v1",',
  '',
];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function mutateBytes(random: () => number, input: Uint8Array, other: Uint8Array): Uint8Array {
  let bytes = input;
  const edits = 1 + Math.floor(random() * 6);
  for (let e = 0; e < edits; e += 1) {
    const at = Math.floor(random() * (bytes.length + 1));
    const span = 1 + Math.floor(random() * Math.min(4096, Math.max(1, bytes.length / 4)));
    const before = bytes.subarray(0, at);
    const after = bytes.subarray(at);
    const join = (...parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let offset = 0;
      for (const p of parts) {
        out.set(p, offset);
        offset += p.length;
      }
      return out;
    };
    switch (Math.floor(random() * 8)) {
      case 0: {
        const copy = bytes.slice();
        for (let k = 0; k < 1 + span / 64; k += 1) {
          copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
        }
        bytes = copy;
        break;
      }
      case 1:
        bytes = join(
          before,
          Uint8Array.from({ length: span % 256 }, () => Math.floor(random() * 256)),
          after,
        );
        break;
      case 2:
        bytes = join(before, after.subarray(span));
        break;
      case 3:
        bytes = join(before, after.subarray(0, span), after.subarray(0, span), after);
        break;
      case 4:
        bytes = bytes.subarray(0, at);
        break;
      case 5:
        bytes = join(before, other.subarray(Math.floor(random() * other.length)));
        break;
      case 6:
        bytes = join(before, strToU8(pick(random, HOSTILE).repeat(1 + Math.floor(random() * 8))), after);
        break;
      default: {
        // Numbers changed: the tables stop adding up, or run together.
        const text = strFromU8(bytes, true).replace(/\d+/g, (digits) =>
          random() < 0.3 ? String(Math.floor(random() * 10 ** Math.min(9, digits.length + 2))) : digits,
        );
        bytes = strToU8(text);
      }
    }
  }
  return bytes;
}

/** The XML inside a DOCX mutated, zipped again: a well-formed archive with broken or odd content. */
function mutateDocx(random: () => number, docx: Uint8Array, other: Uint8Array): Uint8Array {
  try {
    const files: Record<string, Uint8Array> = unzipSync(docx);
    const names = Object.keys(files).filter((n) => n.endsWith('.xml'));
    const name =
      names.includes('word/document.xml') && random() < 0.8 ? 'word/document.xml' : pick(random, names);
    files[name] = mutateBytes(random, files[name] as Uint8Array, other);
    if (random() < 0.1) delete files[pick(random, Object.keys(files))];
    return zipSync(files, { level: 0 });
  } catch {
    return mutateBytes(random, docx, other);
  }
}

/** The input with this index: its generator, a file name (which the format sniffing sees) and bytes. */
export function makeInput(
  bases: readonly Base[],
  seed: number,
  index: number,
): { generator: string; name: string; bytes: Uint8Array } {
  const random = prng((seed * 0x9e3779b1) ^ index);
  const roll = random();
  const base = (kind: Base['kind']) =>
    pick(
      random,
      bases.filter((b) => b.kind === kind),
    );
  const other = pick(random, bases).bytes;
  if (roll < 0.1) {
    const magic = pick(random, MAGIC);
    const tail = Uint8Array.from({ length: Math.floor(random() * 4096) }, () => Math.floor(random() * 256));
    const ext = magic.startsWith('%PDF')
      ? 'pdf'
      : magic.startsWith('PK')
        ? 'docx'
        : magic.startsWith('<')
          ? 'html'
          : 'txt';
    return {
      generator: 'random',
      name: `random.${ext}`,
      bytes: new Uint8Array([...strToU8(magic), ...tail]),
    };
  }
  const kind: Base['kind'] =
    roll < 0.45 ? 'text' : roll < 0.7 ? 'html' : roll < 0.85 ? 'docx' : roll < 0.97 ? 'json' : 'pdf';
  const from = base(kind);
  if (kind === 'docx' && random() < 0.6) {
    return { generator: 'docx-xml', name: `${from.name}`, bytes: mutateDocx(random, from.bytes, other) };
  }
  return { generator: `${kind}-bytes`, name: from.name, bytes: mutateBytes(random, from.bytes, other) };
}

// ---------------------------------------------------------------------------------------------------------------
// Worker

async function runWorker(settings: Settings): Promise<void> {
  ignorePdfJsStrayRejections();
  const bases = loadBases();
  const progress = new Int32Array(settings.progress);
  parentPort!.on('message', async (chunk: Chunk) => {
    const result: ChunkResult = {
      counts: {},
      generators: {},
      crashes: [],
      slowest: { index: -1, generator: '', ms: 0 },
      totalMs: 0,
    };
    for (let index = chunk.from; index < chunk.to; index += 1) {
      Atomics.store(progress, settings.slot * 2, index);
      const input = makeInput(bases, settings.seed, index);
      result.generators[input.generator] = (result.generators[input.generator] ?? 0) + 1;
      const started = performance.now();
      let outcome: string;
      try {
        await readReport(input.bytes, input.name);
        outcome = 'report';
      } catch (error) {
        if (isDomainError(error) && error.code.startsWith('REPORT_')) outcome = error.code;
        else {
          outcome = 'CRASH';
          const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
          result.crashes.push({ index, generator: input.generator, name: input.name, message });
        }
      }
      const ms = performance.now() - started;
      result.totalMs += ms;
      if (ms > result.slowest.ms) result.slowest = { index, generator: input.generator, ms };
      result.counts[outcome] = (result.counts[outcome] ?? 0) + 1;
      Atomics.add(progress, settings.slot * 2 + 1, 1);
    }
    parentPort!.postMessage(result);
  });
  parentPort!.postMessage('ready');
}

// ---------------------------------------------------------------------------------------------------------------
// Main

/** This file as a worker: a thread does not inherit tsx, so a data: URL registers it first (as the scan does). */
function workerUrl(): URL {
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = [
    `const { register } = await import(${JSON.stringify(tsxApi)});`,
    'register();',
    `await import(${JSON.stringify(import.meta.url)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}

async function main(): Promise<void> {
  const total = option('inputs', 1_000_000);
  const workers = option('workers', availableParallelism());
  const seed = option('seed', 20261202);
  const hangMs = option('hang-seconds', 30) * 1000;
  const chunkSize = 500;
  const progress = new SharedArrayBuffer(workers * 2 * 4);
  const view = new Int32Array(progress);
  const totals: ChunkResult = {
    counts: {},
    generators: {},
    crashes: [],
    slowest: { index: -1, generator: '', ms: 0 },
    totalMs: 0,
  };
  const hangs: { index: number }[] = [];
  const deaths: { index: number; message: string }[] = [];
  let nextIndex = 0;
  const started = performance.now();
  console.log(
    `bench:fuzz — ${total.toLocaleString('en')} inputs, seed ${seed}, ${workers} worker threads, a hang is one input over ${hangMs / 1000} s`,
  );

  const merge = (r: ChunkResult) => {
    for (const [k, v] of Object.entries(r.counts)) totals.counts[k] = (totals.counts[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.generators)) totals.generators[k] = (totals.generators[k] ?? 0) + v;
    totals.crashes.push(...r.crashes);
    totals.totalMs += r.totalMs;
    if (r.slowest.ms > totals.slowest.ms) totals.slowest = r.slowest;
  };
  const done = () => Object.values(totals.counts).reduce((a, b) => a + b, 0) + hangs.length + deaths.length;

  await new Promise<void>((resolveAll) => {
    let running = 0;
    const startSlot = (slot: number, pending: Chunk | null) => {
      running += 1;
      const worker = new Worker(workerUrl(), {
        workerData: { seed, progress, slot } satisfies Settings,
        resourceLimits: { maxOldGenerationSizeMb: 1024 },
      });
      let current: Chunk | null = pending;
      let lastIndex = -1;
      let lastChange = performance.now();
      let finished = false;
      let ready = false;
      const next = () => {
        if (current === null) {
          if (nextIndex >= total) return stop();
          current = { from: nextIndex, to: Math.min(total, nextIndex + chunkSize) };
          nextIndex = current.to;
        }
        Atomics.store(view, slot * 2, current.from);
        lastIndex = current.from;
        lastChange = performance.now();
        worker.postMessage(current);
      };
      const stop = () => {
        if (finished) return;
        finished = true;
        clearInterval(watch);
        void worker.terminate();
        running -= 1;
        if (running === 0) resolveAll();
      };
      // The rest of a chunk after an input that hung or killed its worker goes to a fresh worker.
      const restart = (failedIndex: number) => {
        const rest =
          current && failedIndex + 1 < current.to ? { from: failedIndex + 1, to: current.to } : null;
        current = null;
        finished = true;
        clearInterval(watch);
        void worker.terminate();
        running -= 1;
        startSlot(slot, rest);
      };
      const watch = setInterval(() => {
        const index = Atomics.load(view, slot * 2);
        if (index !== lastIndex) {
          lastIndex = index;
          lastChange = performance.now();
        } else if (current && performance.now() - lastChange > hangMs) {
          hangs.push({ index });
          restart(index);
        }
      }, 250);
      worker.on('message', (message: 'ready' | ChunkResult) => {
        if (message === 'ready') ready = true;
        else {
          merge(message);
          current = null;
        }
        next();
      });
      worker.on('error', (error) => {
        if (finished) return;
        if (!ready) {
          console.error(`bench:fuzz: a worker cannot start: ${error.stack ?? error.message}`);
          process.exit(2);
        }
        const index = Atomics.load(view, slot * 2);
        deaths.push({ index, message: error.message });
        restart(index);
      });
    };
    for (let slot = 0; slot < workers; slot += 1) startSlot(slot, null);
    const report = setInterval(() => {
      const seconds = (performance.now() - started) / 1000;
      let n = hangs.length + deaths.length;
      for (let slot = 0; slot < workers; slot += 1) n += Atomics.load(view, slot * 2 + 1);
      console.log(
        `  ${n.toLocaleString('en')} / ${total.toLocaleString('en')}  ${Math.round(n / seconds)} inputs/s  crashes ${totals.crashes.length + deaths.length}  hangs ${hangs.length}`,
      );
    }, 15_000);
    report.unref();
  });

  const seconds = (performance.now() - started) / 1000;
  const n = done();
  console.log('');
  console.log(
    `inputs read: ${n.toLocaleString('en')} in ${seconds.toFixed(0)} s (${Math.round(n / seconds)} inputs/s)`,
  );
  console.log('by generator:');
  for (const [k, v] of Object.entries(totals.generators).sort())
    console.log(`  ${k.padEnd(14)} ${v.toLocaleString('en')}`);
  console.log('outcomes:');
  for (const [k, v] of Object.entries(totals.counts).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${k.padEnd(28)} ${v.toLocaleString('en')}`);
  }
  console.log(
    `mean time per input: ${(totals.totalMs / Math.max(1, n)).toFixed(2)} ms; slowest: input ${totals.slowest.index} (${totals.slowest.generator}) ${totals.slowest.ms.toFixed(0)} ms`,
  );
  const crashes = totals.crashes.length + deaths.length;
  console.log(`crashes: ${crashes} (thrown: ${totals.crashes.length}, workers died: ${deaths.length})`);
  console.log(`hangs: ${hangs.length}`);
  if (crashes + hangs.length > 0) {
    const dir = '.bench/fuzz';
    mkdirSync(dir, { recursive: true });
    const bases = loadBases();
    for (const bad of [...totals.crashes, ...deaths, ...hangs].slice(0, 20)) {
      const input = makeInput(bases, seed, bad.index);
      writeFileSync(`${dir}/${seed}-${bad.index}-${input.name.replace(/[^\w.-]/g, '_')}`, input.bytes);
      console.log(`  input ${bad.index}: ${'message' in bad ? bad.message : 'hang'}`);
    }
    console.log(`the inputs are in ${dir}/ (seed-index-name)`);
    process.exitCode = 1;
  }
}

if (isMainThread) await main();
else await runWorker(workerData as Settings);
