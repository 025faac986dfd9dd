/**
 * A 2021-format report in which every cell is non-zero and every rule holds: the export round trips use it so a
 * cell lost, moved or merged into its neighbour cannot hide behind a zero.
 */
import type { AnnualReport, ApplicationRowCells } from '../../src/core/report/model.js';
import { OUTCOME_ROWS, TOTAL_COLUMN } from '../../src/core/report/template.js';

function withTotal(parts: number[]): ApplicationRowCells {
  return [...parts, parts.reduce((a, b) => a + b, 0)] as ApplicationRowCells;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/** Every cell non-zero (distinct small numbers per row and column), balanced, appeal totals right. */
export function everyCellNonZeroReport(agency = '示范区全量测试局', year = 2026): AnnualReport {
  const outcomes = OUTCOME_ROWS.map((_, i) =>
    withTotal(Array.from({ length: 6 }, (_, c) => 1 + ((i * 7 + c * 3) % 11))),
  );
  const totalProcessed = Array.from({ length: 7 }, (_, c) =>
    outcomes.reduce((sum, row) => sum + row[c]!, 0),
  ) as ApplicationRowCells;
  const carriedOver = withTotal([2, 3, 1, 4, 2, 5]);
  const carriedForward = withTotal([6, 1, 2, 3, 7, 1]);
  // 一 = 三（七）+ 四 − 二 in every column, so 一 + 二 = 三（七）+ 四.
  const newReceived = withTotal(
    Array.from({ length: 6 }, (_, c) => totalProcessed[c]! + carriedForward[c]! - carriedOver[c]!),
  );
  const applications: Record<string, unknown> = {
    newReceived,
    carriedOver,
    totalProcessed,
    carriedForward,
  };
  OUTCOME_ROWS.forEach((row, i) => setAt(applications, row.path.replace(/^applications\./, ''), outcomes[i]));
  if (newReceived[TOTAL_COLUMN]! <= 0) throw new Error('not a valid fixture');
  const appeal = (a: number, b: number, c: number, d: number) => ({
    upheld: a,
    corrected: b,
    other: c,
    pending: d,
    total: a + b + c + d,
  });
  return {
    schema: 'gongkai.annual-report/v1',
    agency,
    year,
    template: '2021',
    proactive: {
      regulations: { issued: 3, repealed: 1, inForce: 27 },
      normativeDocuments: { issued: 12, repealed: 4, inForce: 86 },
      licensing: 9487,
      penalty: 2776,
      enforcement: 84,
      feesTenThousandYuan: 75.45,
    },
    applications: applications as AnnualReport['applications'],
    appeals: {
      reconsideration: appeal(1, 2, 3, 4),
      litigationDirect: appeal(5, 1, 2, 6),
      litigationAfterReconsideration: appeal(2, 7, 1, 3),
    },
  };
}
