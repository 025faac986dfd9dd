/**
 * Loads pdf.js (the legacy build, the one meant for Node) once, lazily, with its worker in this thread.
 *
 * The legacy build bundles core-js polyfills that replace `Array.prototype.push`, `JSON.parse` and
 * `JSON.stringify` for the whole process on Node 20 (V8 ≤ 12.1 fails one of core-js's edge-case probes). Those
 * replacements are several times slower and would slow down every other reader, so the native functions are
 * put back once the modules have been evaluated; pdf.js does not depend on the edge cases they fix.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

export interface LoadedPdfJs {
  pdfjs: PdfJs;
  /** One in-thread worker for every document, rather than a new one per file. */
  worker: InstanceType<PdfJs['PDFWorker']>;
  /** Where the packed CMaps and standard font metrics of pdfjs-dist live (read from disk, never fetched). */
  cMapUrl: string;
  standardFontDataUrl: string;
}

let loading: Promise<LoadedPdfJs> | null = null;

async function load(): Promise<LoadedPdfJs> {
  const push = Array.prototype.push;
  const { parse, stringify } = JSON;
  try {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // Handing pdf.js its worker module makes it run the worker in this thread, with no file lookup at run time.
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const worker = new pdfjs.PDFWorker();
    return {
      pdfjs,
      worker,
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
