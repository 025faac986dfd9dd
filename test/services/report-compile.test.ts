import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCells } from '../../src/core/report/cells.js';
import { APPLICATION_ROWS } from '../../src/core/report/template.js';
import { compileAnnualReport, explainCell } from '../../src/services/reports/compile-annual-report.js';
import { createAgency } from '../../src/services/agencies/create-agency.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { setReportFigures } from '../../src/services/reports/set-report-figures.js';
import { runCli } from '../cli/run-cli.js';
import { databases, freshPlatform, type TestDatabase } from '../helpers/databases.js';
import { generateYear } from '../support/generated-year.js';
import { staff } from '../support/applications.js';

describe.each(databases)('a generated year of 10,000 cases compiled from %s', (_name, fresh) => {
  let platform: Platform;
  let database: TestDatabase;
  let close: () => Promise<void>;
  let agencies: { id: string; code: string }[];

  beforeAll(async () => {
    ({ platform, database, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    await createAgency(platform, cliOperator, {
      parent: 'demo-district',
      code: 'demo-finance',
      name: '示范区财政局',
      kind: 'department',
    });
    await createAgency(platform, cliOperator, {
      parent: 'demo-district',
      code: 'demo-housing',
      name: '示范区住房和城乡建设局',
      kind: 'department',
    });
    agencies = (await listAgencies(platform, cliOperator)).map((a) => ({ id: a.id, code: a.code }));
    const generated = await generateYear(platform.db, agencies, 2025, 10_000);
    expect(generated.cases).toBe(10_000);
    expect(generated.appeals).toBeGreaterThan(100);
    await setReportFigures(platform, cliOperator, 'demo-finance', 2025, {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 2, repealed: 0, inForce: 11 },
      licensing: 0,
      penalty: 3,
      enforcement: 0,
      feesTenThousandYuan: '0.35',
    });
    await setReportFigures(platform, cliOperator, 'demo-housing', 2025, {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 1, repealed: 1, inForce: 5 },
      licensing: 40,
      penalty: 7,
      enforcement: 1,
      feesTenThousandYuan: '1.7',
    });
  });
  afterAll(() => close());

  it('every agency and the district subtree compile, pass the checker and balance; each cell is explained', async () => {
    const supervisor = staff({
      role: 'supervisor',
      agencyId: agencies.find((a) => a.code === 'demo-district')!.id,
    });
    const combined = await compileAnnualReport(platform, supervisor, {
      agency: 'demo-district',
      year: 2025,
      subtree: true,
    });
    expect(combined.agencies).toHaveLength(5);
    const sums = new Map<string, number>();
    for (const agency of agencies) {
      const one = await compileAnnualReport(platform, cliOperator, { agency: agency.code, year: 2025 });
      expect(one.findings.filter((f) => f.severity === 'error')).toEqual([]);
      for (const cell of listCells(one.report)) {
        if (cell.path.startsWith('proactive.')) continue;
        sums.set(cell.path, (sums.get(cell.path) ?? 0) + (cell.value ?? 0));
      }
    }
    const a = combined.report.applications;
    expect(combined.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(a.newReceived[6]! + a.carriedOver[6]!).toBeGreaterThan(8_000);
    for (let c = 0; c < 7; c += 1) {
      expect(a.newReceived[c]! + a.carriedOver[c]!).toBe(a.totalProcessed[c]! + a.carriedForward[c]!);
    }
    expect(a.carriedOver[6]).toBeGreaterThan(0);
    expect(a.carriedForward[6]).toBeGreaterThan(0);
    let explained = 0;
    for (const cell of listCells(combined.report)) {
      if (cell.path.startsWith('proactive.')) continue;
      expect(sums.get(cell.path), cell.path).toBe(cell.value);
      const explain = explainCell(combined, cell.path);
      expect(explain.cases.length, cell.path).toBe(cell.value);
      explained += 1;
    }
    expect(explained).toBe(APPLICATION_ROWS.length * 7 + 15);
    expect(combined.report.appeals.reconsideration.total).toBeGreaterThan(0);
    expect(combined.report.proactive.feesTenThousandYuan).toBe(2.05); // 0.35 + 1.7, added as integers
    expect(combined.report.proactive.penalty).toBe(3 + 7);
  });

  it('gongkai report compile prints the same report and explains a cell', async () => {
    const env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10' };
    const json = await runCli(
      ['report', 'compile', '--agency', 'demo-district', '--year', '2025', '--subtree', '--json'],
      { env },
    );
    expect(json.code).toBe(0);
    const compiled = JSON.parse(json.stdout);
    const value = compiled.report.applications.disclosed[0] as number;
    const explain = await runCli(
      [
        'report',
        'compile',
        '--agency',
        'demo-district',
        '--year',
        '2025',
        '--subtree',
        '--explain',
        'applications.disclosed[0]',
      ],
      { env },
    );
    expect(explain.code).toBe(0);
    const lines = explain.stdout.trim().split('\n');
    expect(lines[0]).toContain('三（一）予以公开 · 自然人');
    expect(lines.length - 1).toBe(value);
    const text = await runCli(['report', 'compile', '--agency', 'demo-education', '--year', '2025'], { env });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('示范区教育局');
    expect(text.stdout).toContain('表格数据一致');
    const bad = await runCli(
      ['report', 'compile', '--agency', 'demo-district', '--year', '2025', '--explain', 'nope'],
      { env },
    );
    expect(bad.code).toBe(2);
  });
});
