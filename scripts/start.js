#!/usr/bin/env node
// `npm start`: runs the built server (dist/server/start.js). It compiles first only when the build is missing or
// older than a server source file (src/, without the console's src/web), so a server with an up-to-date build starts
// without TypeScript, and a checkout edited since the last build still starts what its sources say.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staleReason } from './build-freshness.js';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
await start(root);

async function start(root) {
  const reason = staleReason(root);
  if (reason !== null) {
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    if (!existsSync(tsc)) {
      process.stderr.write(
        `gongkai: ${reason}，且未安装 TypeScript：请运行 npm ci（或 npm run build）/ ${reason}, and TypeScript is not ` +
          'installed: run npm ci (or npm run build)\n',
      );
      process.exit(2);
    }
    process.stderr.write(`gongkai: ${reason}，正在编译 / compiling…\n`);
    const built = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
      stdio: 'inherit',
    });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  // `--build-only`: bring the build up to date and stop (benchmarks that start the server themselves).
  if (!process.argv.includes('--build-only')) await import(join(root, 'dist', 'server', 'start.js'));
}
