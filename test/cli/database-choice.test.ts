import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { databases, freshSqlite, type TestDatabase } from '../helpers/databases.js';
import { runCli } from './run-cli.js';

const bin = resolve('bin/gongkai.js');
const dropped: TestDatabase[] = [];
afterAll(async () => {
  for (const database of dropped) await database.drop();
});

/** Runs the installed `gongkai` in `cwd` with only PATH set (no DATABASE_URL), as a newcomer would. */
function gongkai(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [bin, ...args],
      { cwd, env: { PATH: process.env.PATH ?? '' }, timeout: 60_000 },
      (error, stdout, stderr) =>
        done({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('which database the command line uses', () => {
  it('without DATABASE_URL, says it looked at the default file and refuses instead of creating an empty one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
    try {
      for (const args of [
        ['user', 'list'],
        ['user', 'show', 'admin'],
        ['agency', 'list'],
      ]) {
        const run = await gongkai(args, dir);
        expect(run.code, run.stderr).toBe(1);
        expect(run.stderr).toContain('数据库 / database: sqlite:./data/gongkai.sqlite（未设置 DATABASE_URL');
        expect(run.stderr).toContain('找不到 Gongkai 数据库');
        expect(run.stderr).toContain('gongkai db migrate');
        expect(run.stderr).not.toContain('user not found');
      }
      // Nothing was created: no data folder, no empty database.
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe.each(databases)('the command line on %s', (name, fresh) => {
  it('refuses an empty or missing database, creates one only in db migrate, and names it every time', async () => {
    const database = await fresh();
    dropped.push(database);
    const env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10' };
    const refused = await runCli(['user', 'list'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`数据库 / database: ${database.url}\n`);
    expect(refused.stderr).toContain('找不到 Gongkai 数据库');
    if (name === 'sqlite') {
      expect(existsSync(database.url.slice('sqlite:'.length))).toBe(false);
    } else {
      const db = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 1 }) }),
      });
      expect(await db.introspection.getTables()).toEqual([]);
      await db.destroy();
    }
    const migrated = await runCli(['db', 'migrate'], { env });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stderr).toContain(`数据库 / database: ${database.url}`);
    const listed = await runCli(['agency', 'list', '--json'], { env });
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
    expect(listed.stderr).toBe(`gongkai: 数据库 / database: ${database.url}\n`);
  });

  it('hides a PostgreSQL password when naming the database', async () => {
    const env = { DATABASE_URL: 'postgres://gongkai:s3cret@127.0.0.1:1/nowhere', NODE_ENV: 'test' };
    const run = await runCli(['agency', 'list'], { env });
    expect(run.stderr).toContain('postgres://gongkai:***@127.0.0.1:1/nowhere');
    expect(run.stderr).not.toContain('s3cret');
    expect(run.code).not.toBe(0);
  });
});

it('a SQLite path that does not exist is named and left uncreated', async () => {
  const database = await freshSqlite();
  dropped.push(database);
  const url = `${database.url.replace(/db\.sqlite$/, '')}typo/gongkai.sqlite`;
  const run = await runCli(['user', 'show', 'admin'], { env: { DATABASE_URL: url, NODE_ENV: 'test' } });
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(url);
  expect(existsSync(url.slice('sqlite:'.length))).toBe(false);
  expect(existsSync(resolve(url.slice('sqlite:'.length), '..'))).toBe(false);
});
