/**
 * `gongkai audit verify`, `db backup` and `db restore` with the audit anchor file beside the SQLite database:
 * deleting the newest audit rows is reported (exit 1) in Chinese and English, a kept head is checked with
 * --anchor, a backup carries its head beside it, and a backup altered afterwards is not restored.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDatabase } from '../helpers/databases.js';
import { runCli } from './run-cli.js';

describe('gongkai audit verify with anchors', () => {
  let database: TestDatabase;
  let path: string;
  let env: Record<string, string>;
  const cli = (args: string[]) => runCli(args, { env });
  const headOf = (stdout: string) => /head[^:]*: (\d+:[0-9a-f]{64})/.exec(stdout)?.[1] as string;

  beforeAll(async () => {
    database = await freshSqlite();
    path = database.url.slice('sqlite:'.length);
    env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10', USER: 'tester' };
    expect((await cli(['db', 'migrate'])).code).toBe(0);
    for (const code of ['a', 'b', 'c', 'd']) {
      expect((await cli(['agency', 'create', '--code', code, '--name', `机关${code}`])).code).toBe(0);
    }
  });
  afterAll(() => database.drop());

  it('verifies, anchors beside the database, and prints the head to keep', async () => {
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('审计链完整，共 4 条');
    expect(run.stdout).toContain('no anchor before; the first is written now');
    const head = headOf(run.stdout);
    expect(head).toMatch(/^4:/);
    const file = `${path}.audit-anchors.jsonl`;
    expect(readFileSync(file, 'utf8')).toContain(`"entries":4,"hash":"${head.slice(2)}"`);
    const again = await cli(['audit', 'verify', '--anchor', head]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('2 anchors checked');
    const wrong = await cli(['audit', 'verify', '--anchor', `4:${'0'.repeat(64)}`]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('审计链第 4 条的哈希与锚点不符');
    const bad = await cli(['audit', 'verify', '--anchor', 'four']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ENTRIES:HASH');
  });

  it('backs up with the head beside the backup, and refuses to restore a backup altered since', async () => {
    const backup = join(dirname(path), 'backup.sqlite');
    const run = await cli(['db', 'backup', backup]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/audit head: 4:[0-9a-f]{64}/);
    const beside = JSON.parse(readFileSync(`${backup}.audit-anchor.json`, 'utf8'));
    expect(beside).toMatchObject({ entries: 4, reason: 'backup' });

    const altered = join(dirname(path), 'altered.sqlite');
    expect((await cli(['db', 'backup', altered])).code).toBe(0);
    const file = new SQLite(altered);
    file.exec('drop trigger audit_log_no_delete');
    file.exec('delete from audit_log where seq = 4');
    file.close();
    const refused = await cli(['db', 'restore', altered]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('与备份时记录的锚点');
    expect(refused.stderr).toContain('may have been altered');

    // Work goes on after the backup; restoring it starts the anchors afresh and the chain verifies.
    expect((await cli(['agency', 'create', '--code', 'e', '--name', '机关e'])).code).toBe(0);
    expect((await cli(['audit', 'verify'])).code).toBe(0);
    const restored = await cli(['db', 'restore', backup]);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/audit head: 4:/);
    const verified = await cli(['audit', 'verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('共 4 条');
  });

  it('exits 1 when the newest audit rows were deleted, though the chain still links', async () => {
    expect((await cli(['agency', 'create', '--code', 'f', '--name', '机关f'])).code).toBe(0);
    expect((await cli(['agency', 'create', '--code', 'g', '--name', '机关g'])).code).toBe(0);
    expect((await cli(['audit', 'verify'])).code).toBe(0); // anchored at 6
    const file = new SQLite(path);
    file.exec('drop trigger audit_log_no_delete');
    file.exec('delete from audit_log where seq > 4');
    file.close();
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('审计链只有 4 条');
    expect(run.stderr).toContain('最新的 2 条审计记录已被删除');
    expect(run.stderr).toContain('the newest 2 entries were deleted');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(`${path}.audit-anchors.jsonl`)).toBe(true);
  });
});
