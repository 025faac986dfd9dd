import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPlatform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { readReport } from '../../src/readers/index.js';
import { freshSqlite, testScryptLog2N, type TestDatabase } from '../helpers/databases.js';
import { runCli } from './run-cli.js';

describe('gongkai report export', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let dir: string;
  const cli = (args: string[]) => runCli(args, { env });

  beforeAll(async () => {
    database = await freshSqlite();
    dir = mkdtempSync(join(tmpdir(), 'gongkai-export-cli-'));
    env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10', USER: 'ops' };
    const platform = await openPlatform(database.url, {
      clock: () => new Date('2026-03-02T02:00:00Z'),
      scryptLog2N: testScryptLog2N,
    });
    await seedDemo(platform);
    await platform.close();
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a DOCX and a PDF that read back as the report, and JSON to the terminal', async () => {
    for (const format of ['docx', 'pdf']) {
      const out = join(dir, `报告.${format}`);
      const run = await cli([
        'report',
        'export',
        '--agency',
        'demo-district',
        '--year',
        '2026',
        '--format',
        format,
        '--out',
        out,
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe(`已导出：${out}\n`);
      expect(run.stderr).toContain('五、存在的主要问题及改进情况 尚无文字，请在发布前填写');
      const read = await readReport(new Uint8Array(readFileSync(out)), out);
      expect(read.report.agency).toBe('示范区人民政府');
      expect(read.report.applications.newReceived[6]).toBe(6);
    }
    const json = await cli([
      'report',
      'export',
      '--agency',
      'demo-district',
      '--year',
      '2026',
      '--format',
      'json',
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).applications.newReceived[6]).toBe(6);
  });

  it('names the file after the Chinese title by default, and refuses bad input clearly', async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const run = await cli([
        'report',
        'export',
        '--agency',
        'demo-district',
        '--year',
        '2026',
        '--format',
        'xlsx',
        '--subtree',
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('示范区人民政府及下级机关2026年政府信息公开工作年度报告汇总.xlsx');
    } finally {
      process.chdir(cwd);
    }
    const format = await cli([
      'report',
      'export',
      '--agency',
      'demo-district',
      '--year',
      '2026',
      '--format',
      'odt',
    ]);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('不支持的导出格式：odt（可选 docx、pdf、xlsx、json、html）');
    const empty = await cli([
      'report',
      'export',
      '--agency',
      'demo-education',
      '--year',
      '2026',
      '--format',
      'docx',
    ]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('示范区教育局 2026 年度没有任何办件');
    expect(empty.stderr).not.toMatch(/\n\s+at /);
    const missing = await cli([
      'report',
      'export',
      '--agency',
      'nowhere',
      '--year',
      '2026',
      '--format',
      'docx',
    ]);
    expect(missing.code).toBe(1);
    const binary = await cli([
      'report',
      'export',
      '--agency',
      'demo-district',
      '--year',
      '2026',
      '--format',
      'pdf',
      '--out',
      '-',
    ]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('请用 --out 指定文件');
  });
});
