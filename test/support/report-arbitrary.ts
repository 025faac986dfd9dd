/**
 * fast-check arbitraries for reports that add up: every row total, outcome total, balance and appeal total
 * holds by construction, so any single change must be caught by the rules that involve it.
 */
import fc from 'fast-check';
import type { AnnualReport, ApplicationRowCells } from '../../src/core/report/model.js';

const count = fc.integer({ min: 0, max: 500 });

function withTotal(parts: number[]): ApplicationRowCells {
  return [...parts, parts.reduce((a, b) => a + b, 0)] as ApplicationRowCells;
}

function sumRows(rows: ApplicationRowCells[]): ApplicationRowCells {
  return Array.from({ length: 7 }, (_, c) =>
    rows.reduce((sum, row) => sum + (row[c] ?? 0), 0),
  ) as ApplicationRowCells;
}

const parts = fc.array(count, { minLength: 6, maxLength: 6 });
const appeal = fc.tuple(count, count, count, count).map(([upheld, corrected, other, pending]) => ({
  upheld,
  corrected,
  other,
  pending,
  total: upheld + corrected + other + pending,
}));

/** A random 2021-format report whose tables balance. */
export const consistentReport: fc.Arbitrary<AnnualReport> = fc
  .record({
    outcomes: fc.array(parts, { minLength: 21, maxLength: 21 }),
    carriedOver: parts,
    forwardShare: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 6, maxLength: 6 }),
    proactive: fc.array(count, { minLength: 9, maxLength: 9 }),
    fee: fc.integer({ min: 0, max: 10_000_000 }).map((fen) => fen / 100),
    appeals: fc.tuple(appeal, appeal, appeal),
    year: fc.integer({ min: 2021, max: 2030 }),
  })
  .map(({ outcomes, carriedOver, forwardShare, proactive, fee, appeals, year }) => {
    const rows = outcomes.map(withTotal);
    const totalProcessed = sumRows(rows);
    const carriedOverRow = withTotal(carriedOver);
    // Choose 四 and then 一 so that 一 + 二 = 三（七）+ 四 in every column, with 一 ≥ 0.
    const receivedParts = forwardShare.map((f, c) =>
      Math.max(0, (totalProcessed[c] ?? 0) + f - (carriedOver[c] ?? 0)),
    );
    const fixedForward = receivedParts.map((r, c) => r + (carriedOver[c] ?? 0) - (totalProcessed[c] ?? 0));
    const [r, ...rest] = rows;
    const take = (n: number) => rest.splice(0, n);
    const p = (i: number) => proactive[i] ?? 0;
    return {
      schema: 'gongkai.annual-report/v1',
      agency: '测试街道办事处',
      year,
      template: '2021',
      proactive: {
        regulations: { issued: p(0), repealed: p(1), inForce: p(2) },
        normativeDocuments: { issued: p(3), repealed: p(4), inForce: p(5) },
        licensing: p(6),
        penalty: p(7),
        enforcement: p(8),
        feesTenThousandYuan: fee,
      },
      applications: {
        newReceived: withTotal(receivedParts),
        carriedOver: carriedOverRow,
        disclosed: r!,
        partiallyDisclosed: take(1)[0]!,
        withheld: Object.fromEntries(
          [
            'stateSecret',
            'prohibitedByLaw',
            'securityStability',
            'thirdPartyRights',
            'internalAffairs',
            'processInformation',
            'enforcementFiles',
            'administrativeQuery',
          ].map((key) => [key, take(1)[0]!]),
        ) as AnnualReport['applications']['withheld'],
        unableToProvide: {
          notHeld: take(1)[0]!,
          needsCreation: take(1)[0]!,
          unclearAfterCorrection: take(1)[0]!,
        },
        notProcessed: {
          complaint: take(1)[0]!,
          duplicate: take(1)[0]!,
          publication: take(1)[0]!,
          excessive: take(1)[0]!,
          confirmation: take(1)[0]!,
        },
        otherProcessing: { correctionOverdue: take(1)[0]!, feeUnpaid: take(1)[0]!, other: take(1)[0]! },
        totalProcessed,
        carriedForward: withTotal(fixedForward),
      },
      appeals: {
        reconsideration: appeals[0],
        litigationDirect: appeals[1],
        litigationAfterReconsideration: appeals[2],
      },
    } satisfies AnnualReport;
  });
