/**
 * The arithmetic the format prints or implies (DOMAIN.md §2.6, §7 rules 1–4). A blank is unknown, not zero:
 * an equation with a blank term is not decided here (the `missing` rule reports the blank), except that a
 * blank 总计 beside non-zero cells is an error (§7 rule 2).
 */
import { rowCellPath, rowCells } from '../cells.js';
import type { Finding } from '../findings.js';
import type { AnnualReport } from '../model.js';
import {
  APPEAL_GROUPS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  OUTCOME_ROWS,
  TOTAL_COLUMN,
  applicationRowByPath,
} from '../template.js';
import { finding, show, sumKnown } from './shared.js';

/** §7 rule 2: in every row of table 三, 总计 = the sum of the six applicant columns. */
export function checkRowTotals(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const row of APPLICATION_ROWS) {
    const cells = rowCells(report, row);
    if (cells === null) continue;
    const parts = cells.slice(0, TOTAL_COLUMN);
    const total = cells[TOTAL_COLUMN];
    const expected = sumKnown(parts);
    if (total !== null && (expected === null || expected === total)) continue;
    const path = rowCellPath(row, TOTAL_COLUMN);
    const involved = cells.map((_, index) => rowCellPath(row, index));
    const shown = (lang: 'zh' | 'en') => parts.map((v) => show(v, lang)).join(' + ');
    if (total === null) {
      if (parts.some((value) => value !== null && value !== 0)) {
        findings.push(
          finding(
            'row-total',
            path,
            {
              zh: (name) => `${name} 为空，但本行有非零数：${shown('zh')}`,
              en: (name) => `${name} is blank beside non-zero cells: ${shown('en')}`,
            },
            { expected, actual: null, cells: involved },
          ),
        );
      }
      continue;
    }
    if (expected !== null && expected !== total) {
      findings.push(
        finding(
          'row-total',
          path,
          {
            zh: (name) => `${name} 应等于本行六类申请人之和：${shown('zh')} = ${expected} ≠ ${total}`,
            en: (name) =>
              `${name} must equal the sum of the six applicant columns: ${shown('en')} = ${expected} ≠ ${total}`,
          },
          { expected, actual: total, cells: involved },
        ),
      );
    }
  }
  return findings;
}

/** §7 rule 3: for each column, 三（七）总计 = the sum of every outcome row （一）…（六）. */
export function checkOutcomeTotals(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const totalRow = applicationRowByPath('applications.totalProcessed')!;
  const outcomeRows = OUTCOME_ROWS.map((row) => ({ row, cells: rowCells(report, row) })).filter(
    (entry) => entry.cells !== null,
  );
  for (const column of APPLICANT_COLUMNS) {
    const actual = report.applications.totalProcessed[column.index] ?? null;
    const expected = sumKnown(outcomeRows.map((entry) => entry.cells![column.index] ?? null));
    if (actual === null || expected === null || actual === expected) continue;
    const path = `${totalRow.path}[${column.index}]`;
    findings.push(
      finding(
        'outcome-total',
        path,
        {
          zh: (name) => `${name} 应等于（一）至（六）各项之和 ${expected}，实为 ${actual}`,
          en: (name) => `${name} must equal the sum of outcomes (1)–(6), ${expected}; it is ${actual}`,
        },
        {
          expected,
          actual,
          cells: [path, ...outcomeRows.map((entry) => `${entry.row.path}[${column.index}]`)],
        },
      ),
    );
  }
  return findings;
}

/** §7 rule 1 (勾稽关系, printed in the table): for each column, 一 + 二 = 三（七）+ 四. */
export function checkBalance(report: AnnualReport, outcomeFindings: readonly Finding[]): Finding[] {
  const findings: Finding[] = [];
  const a = report.applications;
  for (const column of APPLICANT_COLUMNS) {
    const i = column.index;
    const received = a.newReceived[i] ?? null;
    const carriedOver = a.carriedOver[i] ?? null;
    const processed = a.totalProcessed[i] ?? null;
    const forward = a.carriedForward[i] ?? null;
    if (received === null || carriedOver === null || processed === null || forward === null) continue;
    if (received + carriedOver === processed + forward) continue;
    // Blame 三（七）总计 unless it agrees with the outcome rows; then 四 is the likelier slip.
    const totalPath = `applications.totalProcessed[${i}]`;
    const totalIsSuspect = outcomeFindings.some((f) => f.path === totalPath);
    const outcomeSumKnown = sumKnown(
      OUTCOME_ROWS.map((row) => rowCells(report, row)).flatMap((cells) => (cells ? [cells[i] ?? null] : [])),
    );
    const blameForward = !totalIsSuspect && outcomeSumKnown === processed;
    const path = blameForward ? `applications.carriedForward[${i}]` : totalPath;
    const expected = blameForward ? received + carriedOver - processed : received + carriedOver - forward;
    const actual = blameForward ? forward : processed;
    const equation = `${received} + ${carriedOver} ≠ ${processed} + ${forward}`;
    findings.push(
      finding(
        'balance',
        path,
        {
          zh: () => `${column.label}列：一+二 应等于 三（七）+ 四：${equation}`,
          en: () => `Column ${column.labelEn}: I + II must equal III(7) + IV: ${equation}`,
        },
        {
          expected,
          actual,
          cells: [
            `applications.newReceived[${i}]`,
            `applications.carriedOver[${i}]`,
            totalPath,
            `applications.carriedForward[${i}]`,
          ],
        },
      ),
    );
  }
  return findings;
}

/** §7 rule 4: in each group of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function checkAppealTotals(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const group of APPEAL_GROUPS) {
    const g = report.appeals[group.key];
    const parts = [g.upheld, g.corrected, g.other, g.pending];
    const expected = sumKnown(parts);
    if (g.total !== null && (expected === null || expected === g.total)) continue;
    const path = `appeals.${group.key}.total`;
    const cells = ['upheld', 'corrected', 'other', 'pending', 'total'].map(
      (k) => `appeals.${group.key}.${k}`,
    );
    const equation = (lang: 'zh' | 'en') => parts.map((v) => show(v, lang)).join(' + ');
    if (g.total === null) {
      if (parts.some((value) => value !== null && value !== 0)) {
        findings.push(
          finding(
            'appeal-total',
            path,
            {
              zh: (name) => `${name} 为空，但本组有非零数：${equation('zh')}`,
              en: (name) => `${name} is blank beside non-zero cells: ${equation('en')}`,
            },
            { expected, actual: null, cells },
          ),
        );
      }
      continue;
    }
    if (expected === null || expected === g.total) continue;
    findings.push(
      finding(
        'appeal-total',
        path,
        {
          zh: (name) =>
            `${name} 应等于维持、纠正、其他、尚未审结之和：${equation('zh')} = ${expected} ≠ ${g.total}`,
          en: (name) =>
            `${name} must equal upheld + corrected + other + pending: ${equation('en')} = ${expected} ≠ ${g.total}`,
        },
        { expected, actual: g.total, cells },
      ),
    );
  }
  return findings;
}
