/**
 * Where the extraction worker's code is: the compiled `worker.js` beside this file in the package, or, from the
 * TypeScript sources (tests, `tsx`), a small data: URL module that registers tsx in the thread and imports
 * `worker.ts` — the same approach as the scan worker (src/services/scan/worker-entry.ts).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export function extractionWorkerUrl(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./worker.js', here);
  const worker = new URL('./worker.ts', here).href;
  const tsxApi = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  const bootstrap = [
    "process.env.TSX_DISABLE_CACHE = '1';",
    `const { register } = await import(${JSON.stringify(tsxApi)});`,
    'register();',
    `await import(${JSON.stringify(worker)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
