// Whether the server's build is up to date with its sources (used by scripts/start.js, tested on its own).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of the server's sources under `root` (and of the build configuration). */
function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) {
        if (path !== join(root, 'src', 'web')) visit(path);
      } else if (item.name.endsWith('.ts') && !item.name.endsWith('.test.ts')) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  if (existsSync(join(root, 'src'))) visit(join(root, 'src'));
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) {
    if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  }
  return newest;
}

/** Why the build under `root` must be made again, or null when it is up to date. */
export function staleReason(root) {
  const entry = join(root, 'dist', 'server', 'start.js');
  if (!existsSync(entry)) return 'dist/server/start.js 不存在 / the build is missing';
  if (newestSource(root) > statSync(entry).mtimeMs)
    return '源代码比构建新 / the sources are newer than the build';
  return null;
}
