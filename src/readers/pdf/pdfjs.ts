/**
 * Loads pdf.js (the legacy build, the one meant for Node) once, lazily, with its worker in this thread.
 *
 * The legacy build bundles core-js polyfills that replace `Array.prototype.push`, `JSON.parse` and
 * `JSON.stringify` for the whole process on Node 20 (V8 ≤ 12.1 fails one of core-js's edge-case probes). Those
 * replacements are several times slower and would slow down every other reader, so the native functions are
 * put back once the modules have been evaluated; pdf.js does not depend on the edge cases they fix.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ignorePdfJsStrayRejections } from './stray-rejections.js';

type PdfJs = typeof PdfJsModule;

export interface LoadedPdfJs {
  pdfjs: PdfJs;
  /** One in-thread worker for every document, rather than a new one per file. */
  worker: InstanceType<PdfJs['PDFWorker']>;
  /** True when the worker module was loaded with the two speed changes of `loadWorker`. */
  workerPatched: boolean;
  /** Where the packed CMaps and standard font metrics of pdfjs-dist live (read from disk, never fetched). */
  cMapUrl: string;
  standardFontDataUrl: string;
}

let loading: Promise<LoadedPdfJs> | null = null;

/** pdf.js's text state copy, which makes every saved state the prototype of the next (see below). */
const TEXT_STATE_CLONE = 'const clone = Object.assign(Object.create(this), this);';
const TEXT_STATE_CLONE_FLAT =
  'const clone = Object.assign(Object.create(Object.getPrototypeOf(this)), this);';

/**
 * pdf.js inflates content streams and CMaps through `DecompressionStream` when there is one. In Node that is a Web
 * Stream over zlib on the thread pool, set up anew for each of the hundreds of small streams of a report; its own
 * synchronous inflater cost about a quarter less CPU on the fixtures, and no waiting. An unconstructable name makes pdf.js take
 * that fallback, which it already has for platforms without the API.
 */
const ASYNC_INFLATE = 'new DecompressionStream(name)';
const SYNC_INFLATE = 'new globalThis.__gongkaiNoDecompressionStream(name)';

/**
 * The worker module, with two lines changed when it is found exactly as expected. pdf.js copies its text state
 * on every `q` operator with `Object.create(this)`, turning each state into a prototype; V8 then de-optimises
 * on every later write to it, which made this copy the largest single cost of reading a PDF (a WPS report has
 * some 1,500 `q`). Every field of the state is an own property, so copying onto the class prototype instead is
 * the same state. The second change is the inflater above. With any other pdf.js version (the text-state line
 * not found exactly once) the module is loaded unchanged.
 */
async function loadWorker(root: string): Promise<{ module: unknown; patched: boolean }> {
  try {
    const source = readFileSync(join(root, 'legacy/build/pdf.worker.mjs'), 'utf8');
    const at = source.indexOf(TEXT_STATE_CLONE);
    if (at !== -1 && source.indexOf(TEXT_STATE_CLONE, at + 1) === -1) {
      let patched = source.replace(TEXT_STATE_CLONE, TEXT_STATE_CLONE_FLAT);
      patched = patched.replace(ASYNC_INFLATE, SYNC_INFLATE);
      const module: unknown = await import(
        `data:text/javascript;base64,${Buffer.from(patched).toString('base64')}`
      );
      return { module, patched: true };
    }
  } catch {
    // fall through to the module as shipped
  }
  return { module: await import('pdfjs-dist/legacy/build/pdf.worker.mjs'), patched: false };
}

async function load(): Promise<LoadedPdfJs> {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  try {
    ignorePdfJsStrayRejections();
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Handing pdf.js its worker module makes it run the worker in this thread, with no file lookup at run time.
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const { module, patched } = await loadWorker(root);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = module;
    const worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
    return {
      pdfjs,
      worker,
      workerPatched: patched,
      cMapUrl: `${join(root, 'cmaps')}/`,
      standardFontDataUrl: `${join(root, 'standard_fonts')}/`,
    };
  } finally {
    Array.prototype.push = push;
    JSON.parse = parse;
    JSON.stringify = stringify;
  }
}

/** pdf.js, loaded on first use. */
export function loadPdfJs(): Promise<LoadedPdfJs> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
