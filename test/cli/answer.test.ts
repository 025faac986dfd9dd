import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../../src/services/platform/platform.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { recordApplicationEvent } from '../../src/services/applications/record-application-event.js';
import { registerApplication } from '../../src/services/applications/register-application.js';
import { freshSqlite, testScryptLog2N, type TestDatabase } from '../helpers/databases.js';
import { applicationInput } from '../support/applications.js';
import { docxText } from '../support/xml-well-formed.js';
import { runCli } from './run-cli.js';

describe('gongkai answer', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let dir: string;
  const cli = (args: string[], stdin?: string) =>
    runCli(args, { env, ...(stdin === undefined ? {} : { stdin }) });

  beforeAll(async () => {
    database = await freshSqlite();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-answer-cli-'));
    env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10', USER: 'ops' };
    await cli(['db', 'migrate']);
    await cli(['agency', 'create', '--code', 'qu', '--name', '某区人民政府', '--kind', 'government']);
    await cli(['agency', 'create', '--code', 'jy', '--name', '某区教育局', '--parent', 'qu']);
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists, shows and sets templates; an invalid one exits 2 naming the line', async () => {
    const list = await cli(['answer', 'template', 'list', '--agency', 'jy']);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain('withheld.stateSecret\tv0\t默认\t政府信息不予公开告知书');
    const bad = await cli(
      ['answer', 'template', 'set', '--agency', 'jy', '--kind', 'documentNumber', '--file', '-'],
      '〔{{year}}〕\n{{nubmer}}',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('正文第2行第1列：未知的占位符 {{nubmer}}');
    const unknown = await cli(['answer', 'template', 'show', '--agency', 'jy', '--kind', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('未知的答复模板类型');
    const ok = await cli(
      ['answer', 'template', 'set', '--agency', 'jy', '--kind', 'documentNumber', '--file', '-'],
      '某教公开〔{{year}}〕第{{number}}号\n',
    );
    expect(ok.stdout).toContain('documentNumber v1');
    const show = await cli(['answer', 'template', 'show', '--agency', 'jy', '--kind', 'documentNumber']);
    expect(show.stdout).toContain('某教公开〔{{year}}〕第{{number}}号');
    expect(show.stdout).toContain('{{number}}\t序号');
  });

  it('issues a case answer and writes the DOCX', async () => {
    const platform = await openPlatform(database.url, {
      clock: () => new Date('2026-03-02T02:00:00Z'),
      scryptLog2N: testScryptLog2N,
    });
    let tracking: string;
    try {
      const { record } = await registerApplication(platform, cliOperator, applicationInput('jy'));
      await recordApplicationEvent(platform, cliOperator, record.id, {
        type: 'answered',
        date: '2026-03-02',
        outcome: 'withheld.internalAffairs',
        legalGround: '条例第十六条第一款',
      });
      tracking = record.trackingNumber;
    } finally {
      await platform.close();
    }
    const out = join(dir, 'answer.docx');
    const issued = await cli(['answer', 'issue', tracking, '--details', '属于人事管理信息。', '--out', out]);
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('某教公开〔2026〕第1号  政府信息不予公开告知书');
    const text = docxText(strFromU8(unzipSync(readFileSync(out))['word/document.xml']!));
    expect(text).toContain('第十六条第一款');
    expect(text).toContain('属于人事管理信息。');
    expect(text).toContain('向某区人民政府申请行政复议');
    expect((await cli(['answer', 'issue', tracking])).stdout).toContain(
      '已出具过 / already issued: 某教公开〔2026〕第1号',
    );
  });
});
