/**
 * Where the scan worker's code is. From the compiled package (`dist/`, as `bin/gongkai.js` runs) it is the
 * compiled `worker.js` beside this file. From the TypeScript sources (tests, benchmarks, `tsx`) the worker is
 * `worker.ts`, and a worker thread does not inherit the parent's TypeScript loader: a small ES module, given as
 * a data: URL, registers tsx in the thread and then imports `worker.ts`, so a worker always runs the same kind
 * of code as the process that started it. It compiles in memory, writing no tsx cache to the temp folder.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The URL to give `new Worker(…)`. */
export function scanWorkerUrl(): URL {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new URL('./worker.js', here);
  const worker = new URL('./worker.ts', here).href;
  // tsx's ES-module API; its package exports map `tsx/esm/api` to index.mjs for import, index.cjs for require.
  const tsxApi = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  // tsx compiles in memory here, without its disk cache: a worker writes nothing to the temp folder (the web
  // checker's tests hold the server to that, and a worker thread's environment is its own copy).
  const bootstrap = [
    "process.env.TSX_DISABLE_CACHE = '1';",
    `const { register } = await import(${JSON.stringify(tsxApi)});`,
    'register();',
    `await import(${JSON.stringify(worker)});`,
  ].join('\n');
  return new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`);
}
