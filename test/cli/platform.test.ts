import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { runCli } from './run-cli.js';
import { databases, freshPostgres, freshSqlite, type TestDatabase } from '../helpers/databases.js';

describe.each(databases)('gongkai agency/user/token/audit on %s', (_name, fresh) => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], stdin?: string) =>
    runCli(args, { env, ...(stdin === undefined ? {} : { stdin }) });

  beforeAll(async () => {
    database = await fresh();
    env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10' };
  });
  afterAll(() => database.drop());

  it('migrates, creates and lists agencies', async () => {
    expect((await cli(['db', 'migrate'])).stdout).toMatch(/applied|已执行/);
    expect((await cli(['db', 'migrate'])).stdout).toContain('up to date');
    const root = await cli([
      'agency',
      'create',
      '--code',
      'qu',
      '--name',
      '某区人民政府',
      '--kind',
      'government',
      '--json',
    ]);
    expect(root.code).toBe(0);
    expect(JSON.parse(root.stdout).name).toBe('某区人民政府');
    const child = await cli(
      [
        'agency',
        'create',
        '--code',
        'jd',
        '--name',
        '某街道办事处',
        '--kind',
        'subdistrict',
        '--parent',
        'qu',
        '--phone',
        '010-1',
        '--settings',
        '-',
      ],
      '{"counting":{"countReceiptDay":true}}',
    );
    expect(child.code).toBe(0);
    const list = await cli(['agency', 'list', '--json']);
    const agencies = JSON.parse(list.stdout) as {
      code: string;
      settings: { counting: { countReceiptDay: boolean } };
    }[];
    expect(agencies.map((a) => a.code)).toEqual(['qu', 'jd']);
    expect(agencies[1]?.settings.counting.countReceiptDay).toBe(true);
    expect((await cli(['agency', 'list'])).stdout).toMatch(/某区人民政府 {2}\[qu\][^\n]*\n {2}某街道办事处/);
    const dup = await cli(['agency', 'create', '--code', 'jd', '--name', 'x']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already in use');
    expect((await cli(['agency', 'create', '--code', 'BAD', '--name', 'x'])).code).toBe(2);
  });

  it('creates users and tokens, showing secrets once', async () => {
    const created = await cli([
      'user',
      'create',
      '--username',
      'wang',
      '--name',
      '王',
      '--role',
      'registrar@jd',
      '--role',
      'auditor@qu',
    ]);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/initial password \(shown once\): \S{20}/);
    const withPassword = await cli(
      [
        'user',
        'create',
        '--username',
        'li',
        '--name',
        '李',
        '--role',
        'admin@qu',
        '--password-stdin',
        '--json',
      ],
      'a very long password\n',
    );
    expect(JSON.parse(withPassword.stdout).generatedPassword).toBeNull();
    expect((await cli(['user', 'create', '--username', 'x', '--name', 'x', '--role', 'boss@qu'])).code).toBe(
      2,
    );
    const token = await cli(['token', 'create', '--user', 'wang', '--name', '对接系统']);
    expect(token.stdout).toMatch(/token \(shown once\): gk_\S+/);
    expect((await cli(['token', 'create', '--user', 'nobody', '--name', 'x'])).code).toBe(1);
    expect((await cli(['user', 'password', 'wang'])).stdout).toMatch(/new password/);
  });

  it('verifies the audit chain', async () => {
    const run = await cli(['audit', 'verify']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/intact: \d+ entries/);
  });
});

describe('gongkai audit verify on a tampered SQLite database', () => {
  it('exits 1 naming the first broken entry', async () => {
    const database = await freshSqlite();
    const env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10', USER: 'tester' };
    expect((await runCli(['db', 'migrate'], { env })).code).toBe(0);
    for (const code of ['a', 'b', 'c'])
      await runCli(['agency', 'create', '--code', code, '--name', code], { env });
    const file = new SQLite(database.url.slice('sqlite:'.length));
    expect(file.prepare('select actor, source from audit_log where seq = 1').get()).toEqual({
      actor: 'cli:tester',
      source: 'cli',
    });
    file.exec('drop trigger audit_log_no_update');
    file.prepare("update audit_log set actor = 'someone-else' where seq = 2").run();
    file.close();
    const run = await runCli(['audit', 'verify'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('broken at entry 2');
    await database.drop();
  });
});

describe('gongkai db backup and restore', () => {
  it('backs up online, restores after checking, and refuses a file that is not a Gongkai database', async () => {
    const database = await freshSqlite();
    const env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10' };
    expect((await runCli(['db', 'migrate'], { env })).code).toBe(0);
    await runCli(['agency', 'create', '--code', 'before', '--name', '备份前'], { env });
    const backup = join(dirname(database.url.slice('sqlite:'.length)), 'backup.sqlite');
    expect((await runCli(['db', 'backup', backup], { env })).code).toBe(0);
    await runCli(['agency', 'create', '--code', 'after', '--name', '备份后'], { env });
    expect((await runCli(['db', 'restore', backup], { env })).code).toBe(0);
    const list = JSON.parse((await runCli(['agency', 'list', '--json'], { env })).stdout) as {
      code: string;
    }[];
    expect(list.map((a) => a.code)).toEqual(['before']);
    expect((await runCli(['audit', 'verify'], { env })).code).toBe(0);

    const junk = join(dirname(backup), 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    const refused = await runCli(['db', 'restore', junk], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not an intact Gongkai SQLite database');
    const empty = join(dirname(backup), 'empty.sqlite');
    new SQLite(empty).close();
    expect((await runCli(['db', 'restore', empty], { env })).stderr).toContain('missing table');
    expect((await runCli(['agency', 'list', '--json'], { env })).code).toBe(0);
    await database.drop();
  });

  it('points PostgreSQL users to pg_dump', async () => {
    const database = await freshPostgres();
    const run = await runCli(['db', 'backup', '/tmp/x'], { env: { DATABASE_URL: database.url } });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('pg_dump');
    await database.drop();
  });

  it('rejects an invalid DATABASE_URL and a weak scrypt cost with clear messages', async () => {
    const bad = await runCli(['agency', 'list'], { env: { DATABASE_URL: 'mysql://x' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('DATABASE_URL');
    const weak = await runCli(['agency', 'list'], { env: { GONGKAI_SCRYPT_LOG2N: '10' } });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('GONGKAI_SCRYPT_LOG2N');
  });
});
