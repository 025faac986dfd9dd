import { describe, expect, it } from 'vitest';
import { expectedFixtures, readExpected } from '../../../test/support/fixtures.js';
import { checkReport } from './check.js';
import { isConsistent } from './findings.js';
import { parseReport, type AnnualReport } from './model.js';

function fixture(name: string): AnnualReport {
  const result = parseReport(readExpected(name));
  if (!result.ok) throw new Error(`${name} is not valid: ${JSON.stringify(result.issues)}`);
  return result.report;
}

const summary = (report: AnnualReport, previous?: AnnualReport) =>
  checkReport(report, previous ? { previous } : {}).map((f) => `${f.severity} ${f.rule} ${f.path}`);

describe('checkReport on the published fixture reports', () => {
  const clean = expectedFixtures().filter((name) => !name.startsWith('huaian-hongze'));

  it.each(clean)('%s has no finding', (name) => {
    expect(summary(fixture(name))).toEqual([]);
  });

  it('洪泽区 2023: a single-row 其他处理 in a 2021 table, and two table-四 totals that do not add up', () => {
    const findings = checkReport(fixture('huaian-hongze-2023.json'));
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.path}`)).toEqual([
      'error template applications.otherProcessing',
      'error appeal-total appeals.reconsideration.total',
      'error appeal-total appeals.litigationAfterReconsideration.total',
    ]);
    const reconsideration = findings[1]!;
    expect(reconsideration).toMatchObject({ expected: 11, actual: 0 });
    expect(reconsideration.message).toContain('行政复议 · 总计');
    expect(reconsideration.messageEn).toContain('upheld + corrected + other + pending');
  });

  it('洪泽区 2024: only the single-row 其他处理', () => {
    expect(summary(fixture('huaian-hongze-2024.json'))).toEqual([
      'error template applications.otherProcessing',
    ]);
  });

  it('洪泽区 2024 against 2023: carry-over and stock continuity are checked', () => {
    const findings = summary(fixture('huaian-hongze-2024.json'), fixture('huaian-hongze-2023.json'));
    // 2023 carried 0 forward and 2024 carried 0 over; 规范性文件 5 + 3 − 0 = 8 in force: both continuous.
    expect(findings).toEqual(['error template applications.otherProcessing']);
  });
});

describe('checkReport rules on hand-made cases', () => {
  const base = () => structuredClone(fixture('huaian-city-2024.json'));

  it('names the cell and the numbers when the balance fails', () => {
    const report = base();
    report.applications.carriedForward = [104, 0, 0, 0, 0, 0, 104];
    const findings = checkReport(report);
    const balance = findings.filter((f) => f.rule === 'balance');
    expect(balance.map((f) => f.path)).toEqual([
      'applications.carriedForward[0]',
      'applications.carriedForward[6]',
    ]);
    expect(balance[0]).toMatchObject({ expected: 103, actual: 104 });
    expect(balance[0]!.message).toBe('自然人列：一+二 应等于 三（七）+ 四：3001 + 34 ≠ 2932 + 104');
  });

  it('blames 三（七）总计 when it also disagrees with the outcome rows', () => {
    const report = base();
    report.applications.totalProcessed = [2933, 53, 0, 0, 61, 4, 3051];
    const rules = checkReport(report).map((f) => `${f.rule} ${f.path}`);
    expect(rules).toContain('balance applications.totalProcessed[0]');
    expect(rules).toContain('outcome-total applications.totalProcessed[0]');
  });

  it('a blank 总计 beside non-zero cells is an error; other blanks are warnings', () => {
    const report = base();
    report.applications.disclosed[6] = null;
    report.applications.notProcessed.publication[6] = null; // the row is all zeros
    report.proactive.licensing = null;
    const findings = checkReport(report);
    const errors = findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path}`);
    const warnings = findings.filter((f) => f.severity === 'warning').map((f) => `${f.rule} ${f.path}`);
    expect(errors).toEqual(['row-total applications.disclosed[6]']);
    expect(warnings).toEqual([
      'missing proactive.licensing',
      'missing applications.disclosed[6]',
      'missing applications.notProcessed.publication[6]',
    ]);
  });

  it('a blank is not taken for zero in the sums', () => {
    const report = base();
    report.applications.disclosed[1] = null; // 21 becomes blank: no equation using it is decided
    const findings = checkReport(report);
    expect(findings.map((f) => `${f.severity} ${f.rule} ${f.path}`)).toEqual([
      'warning missing applications.disclosed[1]',
    ]);
  });

  it('negative and fractional counts, and a fee with too many decimals', () => {
    const report = base();
    report.proactive.penalty = -1;
    report.appeals.litigationDirect.pending = 1.5;
    report.appeals.litigationDirect.total = 26.5;
    report.proactive.feesTenThousandYuan = 961716.12345;
    const findings = checkReport(report).map((f) => `${f.severity} ${f.rule} ${f.path}`);
    expect(findings).toEqual([
      'error non-negative proactive.penalty',
      'error non-negative appeals.litigationDirect.pending',
      'error non-negative appeals.litigationDirect.total',
      'warning fee-unit proactive.feesTenThousandYuan',
    ]);
  });

  it('2019-format labels in a 2021 report are template errors', () => {
    const report = { ...base(), formatMarkers: ['本年新制作数量', '政府集中采购'] };
    expect(summary(report)).toEqual(['error template proactive', 'error template proactive']);
  });

  it('a report for 2023 in the 2019 试行 format is an error; a 2020 one is not', () => {
    const report = base();
    report.template = '2019';
    report.year = 2023;
    report.applications.otherProcessing.correctionOverdue = null;
    report.applications.otherProcessing.feeUnpaid = null;
    report.applications.otherProcessing.other = [181, 5, 0, 0, 1, 0, 187];
    for (const key of ['regulations', 'normativeDocuments'] as const) {
      report.proactive[key] = { issued: null, repealed: null, inForce: null };
    }
    Object.assign(report.proactive, {
      licensing: null,
      penalty: null,
      enforcement: null,
      feesTenThousandYuan: null,
    });
    expect(summary(report)).toEqual(['error template template']);
    expect(summary({ ...report, year: 2020 })).toEqual([]);
    // The 2019 format prints 处理决定数量 for 许可, 处罚 and 强制 as well; only the 2021-only cells are warned.
    const decisions = structuredClone({ ...report, year: 2020 });
    Object.assign(decisions.proactive, { licensing: 181, penalty: 430, enforcement: 25 });
    expect(summary(decisions)).toEqual([]);
    decisions.proactive.normativeDocuments.inForce = 8;
    expect(summary(decisions)).toEqual(['warning template proactive.normativeDocuments.inForce']);
  });

  it('sections must all be there, in order, when the reader recorded them', () => {
    const sections = ['一', '二', '四', '三', '六'].map((number) => ({ number, title: '' }));
    expect(summary({ ...base(), sections })).toEqual(['error sections sections', 'error sections sections']);
    expect(checkReport({ ...base(), sections }).map((f) => f.message)).toEqual([
      '第四部分“政府信息公开行政复议、行政诉讼情况”顺序不对',
      '缺少第五部分“五、存在的主要问题及改进情况”',
    ]);
  });

  it('carry-over against a previous report of another year is one warning', () => {
    const previous = { ...base(), year: 2021 };
    expect(summary(base(), previous)).toEqual(['warning carry-over year']);
  });

  it('reports every finding, not just the first', () => {
    const report = base();
    report.applications.newReceived = [0, 0, 0, 0, 0, 0, 0];
    const findings = checkReport(report);
    expect(findings.length).toBeGreaterThan(3);
    expect(isConsistent(findings)).toBe(false);
  });
});
