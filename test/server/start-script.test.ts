import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleReason } from '../../scripts/build-freshness.js';

const root = mkdtempSync(join(tmpdir(), 'gongkai-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, at, at);
}

describe('npm start builds only when the build is missing or older than the server sources', () => {
  it('says why it would build, and not when the build is newer than every server source', () => {
    file('src/server/start.ts', 100);
    file('src/core/x.ts', 90);
    expect(staleReason(root)).toMatch(/the build is missing/);
    file('dist/server/start.js', 50);
    expect(staleReason(root)).toBeNull();
    // The console's sources and tests are not the server's build.
    file('src/web/app.ts', 10);
    file('src/core/x.test.ts', 10);
    expect(staleReason(root)).toBeNull();
    file('src/core/x.ts', 10);
    expect(staleReason(root)).toMatch(/the sources are newer than the build/);
    file('dist/server/start.js', 5);
    file('tsconfig.build.json', 1);
    expect(staleReason(root)).toMatch(/newer/);
  });
});
