import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshSqlite, type TestDatabase } from '../helpers/databases.js';
import { metadata } from '../support/publishing.js';
import { runCli } from './run-cli.js';

describe('gongkai publishing', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], stdin?: string) =>
    runCli(args, { env, ...(stdin === undefined ? {} : { stdin }) });

  beforeAll(async () => {
    database = await freshSqlite();
    env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10', USER: 'ops' };
    await cli(['agency', 'create', '--code', 'qu', '--name', '某区人民政府', '--kind', 'government']);
  });
  afterAll(() => database.drop());

  it('drafts from JSON, shows the 索引号 and deadline, and lists it', async () => {
    const made = await cli(
      ['publishing', 'create', '--agency', 'qu', '--metadata', '-'],
      JSON.stringify(metadata({ documentNumber: '某府发〔2026〕1号', writtenOn: '2026-11-30' })),
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('索引号 / index number: QU/2026-00001');
    expect(made.stdout).toContain('期限（条例第二十六条）');
    const list = await cli(['publishing', 'list', '--agency', 'qu']);
    expect(list.stdout).toContain('QU/2026-00001\t草稿');
    const shown = await cli(['publishing', 'show', 'QU/2026-00001']);
    expect(shown.stdout).toContain('某府发〔2026〕1号');
  });

  it('refuses bad input in one line and exits 2; refuses publishing an unreviewed draft', async () => {
    const bad = await cli(
      ['publishing', 'create', '--agency', 'qu', '--metadata', '-'],
      JSON.stringify(metadata({ writtenOn: '2026-02-30' })),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('成文日期不是真实存在的日期');
    expect(bad.stderr).not.toContain(' at ');
    const publish = await cli(
      ['publishing', 'action', 'QU/2026-00001', '--input', '-'],
      '{"type":"publish"}',
    );
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain('先审查、后公开');
  });

  it('shows and sets settings, printing the self-approval warning', async () => {
    const set = await cli(
      ['publishing', 'settings', 'set', '--agency', 'qu', '--file', '-'],
      '{"allowSelfApproval":true,"reviewChain":[{"name":"审核","roles":["approver"]}]}',
    );
    expect(set.code).toBe(0);
    expect(set.stderr).toContain('已允许自我审核');
    const subjects = await cli(['publishing', 'subjects']);
    expect(subjects.stdout).toContain('1102\t  教育');
  });
});
