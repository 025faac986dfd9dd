import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOperator } from '../../../src/services/accounts/principal.js';
import { listAgencies } from '../../../src/services/agencies/list-agencies.js';
import type { Platform } from '../../../src/services/platform/platform.js';
import { seedDemo } from '../../../src/services/platform/seed-demo.js';
import { compileAnnualReport } from '../../../src/services/reports/compile-annual-report.js';
import { importReportFigures } from '../../../src/services/reports/import-report-figures.js';
import { setReportFigures } from '../../../src/services/reports/set-report-figures.js';
import { reportFiguresRepository } from '../../../src/storage/report-figures-repository.js';
import { runCli } from '../../cli/run-cli.js';
import { databases, freshPlatform, type TestDatabase } from '../../helpers/databases.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staff } from '../../support/applications.js';

const csv = (text: string) => new TextEncoder().encode(text);

describe.each(databases)("table 二's entered figures imported from a file, on %s", (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let database: TestDatabase;
  let education: string;

  beforeAll(async () => {
    ({ platform, close, database } = await freshPlatform(fresh));
    await seedDemo(platform);
    education = (await listAgencies(platform, cliOperator)).find((a) => a.code === 'demo-education')!.id;
  }, 120_000);
  afterAll(() => close());

  const file = [
    '机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）',
    'demo-education,2025,120,"1,204",3,12.5',
    'demo-district,2025,x,5,0,1.23456',
    'nowhere,1999,1,1,1,1',
    'demo-education,2025,1,1,1,1',
    'demo-subdistrict,2025,0,0,0,0',
  ].join('\n');

  it('lists in a dry run every row it would refuse and why, and stores nothing', async () => {
    const result = await importReportFigures(platform, cliOperator, {
      bytes: csv(file),
      name: 'figures.csv',
      dryRun: true,
    });
    expect(result.accepted).toEqual([
      { line: 2, agency: 'demo-education', year: 2025 },
      { line: 6, agency: 'demo-subdistrict', year: 2025 },
    ]);
    expect(result.refused.map((r) => [r.line, r.reasons.map((reason) => reason.zh)])).toEqual([
      [3, ['行政许可应为非负整数：“x”', '行政事业性收费应为以万元计、最多四位小数的金额：“1.23456”']],
      [4, ['没有机关“nowhere”', '年度无效：“1999”']],
      [5, ['与第 2 行重复（同一机关和年度）']],
    ]);
    expect(await reportFiguresRepository.find(platform.db, education, 2025)).toBeUndefined();
  });

  it('stores the good rows, keeping the counted rows of a stored year, and the report shows them', async () => {
    await setReportFigures(platform, cliOperator, 'demo-education', 2025, {
      regulations: { issued: 0, repealed: 0, inForce: 2 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 9 },
      licensing: 7,
      penalty: 7,
      enforcement: 7,
      feesTenThousandYuan: '7',
    });
    const result = await importReportFigures(platform, cliOperator, {
      bytes: csv(file),
      name: 'figures.csv',
    });
    expect(result.accepted).toHaveLength(2);
    expect(result.refused).toHaveLength(3);
    const stored = await reportFiguresRepository.find(platform.db, education, 2025);
    expect(stored?.proactive).toEqual({
      regulations: { issued: 0, repealed: 0, inForce: 2 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 9 },
      licensing: 120,
      penalty: 1204,
      enforcement: 3,
      feesTenThousandYuan: '12.5',
    });
    const compiled = await compileAnnualReport(platform, cliOperator, {
      agency: 'demo-education',
      year: 2025,
    });
    expect(compiled.report.proactive).toMatchObject({
      licensing: 120,
      penalty: 1204,
      enforcement: 3,
      feesTenThousandYuan: 12.5,
    });
  });

  it('refuses rows of agencies the importer may not enter figures for', async () => {
    const registrar = staff({ role: 'registrar', agencyId: education });
    const result = await importReportFigures(platform, registrar, {
      bytes: csv(
        '机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费\ndemo-district,2025,1,1,1,1\ndemo-education,2025,2,2,2,2',
      ),
      name: 'f.csv',
      dryRun: true,
    });
    expect(result.accepted.map((r) => r.agency)).toEqual(['demo-education']);
    expect(result.refused[0]!.reasons[0]!.zh).toMatch(/没有机关|无权填报/);
  });

  it('refuses a file without the columns it needs, saying which', async () => {
    await expect(
      importReportFigures(platform, cliOperator, {
        bytes: csv('机关代码,年度,行政许可\ndemo-education,2025,1'),
        name: 'short.csv',
      }),
    ).rejects.toMatchObject({
      code: 'IMPORT_INVALID',
      messageZh: expect.stringContaining('行政处罚、行政强制、行政事业性收费（万元）'),
    });
  });

  it('runs from the command line: refused rows with their reasons, exit code 1, a dry run stores nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'gongkai-figures-')), '表二.csv');
    writeFileSync(
      path,
      '机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\ndemo-subdistrict,2024,5,6,7,0.5\ndemo-subdistrict,2024,1,1,1,1\n',
    );
    const env = { DATABASE_URL: database.url };
    const dry = await runCli(['report', 'figures-import', path, '--dry-run'], { env });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('第 3 行拒绝：与第 2 行重复（同一机关和年度）');
    expect(dry.stdout).toContain('将导入 1 行，拒绝 1 行。');
    const run = await runCli(['report', 'figures-import', path, '--json'], { env });
    expect(JSON.parse(run.stdout)).toMatchObject({
      dryRun: false,
      accepted: [{ line: 2, agency: 'demo-subdistrict', year: 2024 }],
    });
    const compiled = await compileAnnualReport(platform, cliOperator, {
      agency: 'demo-subdistrict',
      year: 2024,
    });
    expect(compiled.report.proactive).toMatchObject({
      licensing: 5,
      penalty: 6,
      enforcement: 7,
      feesTenThousandYuan: 0.5,
    });
  });
});
