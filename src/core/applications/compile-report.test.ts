import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAt, listCells } from '../report/cells.js';
import { checkReport } from '../report/check.js';
import type { AnnualReport } from '../report/model.js';
import { compileTables, type ApplicantType, type CaseFacts } from './compile-report.js';
import { OUTCOMES, type OutcomeCode } from './outcomes.js';

function report(tables: ReturnType<typeof compileTables>, year: number): AnnualReport {
  const zero = { issued: 0, repealed: 0, inForce: 0 };
  return {
    schema: 'gongkai.annual-report/v1',
    agency: '示范区人民政府',
    year,
    template: '2021',
    proactive: {
      regulations: zero,
      normativeDocuments: zero,
      licensing: 0,
      penalty: 0,
      enforcement: 0,
      feesTenThousandYuan: 0,
    },
    applications: tables.applications,
    appeals: tables.appeals,
  };
}

const base: Omit<CaseFacts, 'id'> = {
  applicantType: 'naturalPerson',
  receivedOn: '2024-03-01',
  registeredOn: '2024-03-01',
  closedOn: '2024-03-20',
  outcome: 'disclosed',
};

describe('compileTables: counting cases into tables 三 and 四', () => {
  it('counts received, carried over, processed and carried forward across the year ends', () => {
    const cases: CaseFacts[] = [
      { ...base, id: 'A' }, // received and answered in 2024
      { ...base, id: 'B', receivedOn: '2023-12-20', registeredOn: '2023-12-20', closedOn: '2024-01-10' },
      {
        ...base,
        id: 'C',
        receivedOn: '2024-12-25',
        closedOn: '2025-01-08',
        applicantType: 'commercialEnterprise',
      },
      { ...base, id: 'D', receivedOn: '2023-05-01', closedOn: '2023-05-20' }, // all in 2023: not counted
      { ...base, id: 'E', receivedOn: '2025-01-02', closedOn: null, outcome: null }, // 2025: not counted
      { ...base, id: 'F', receivedOn: null, registeredOn: '2024-12-30', closedOn: null, outcome: null },
      { ...base, id: 'G', closedOn: '2024-04-01', outcome: 'otherProcessing.correctionOverdue' },
    ];
    const tables = compileTables(cases, { year: 2024 });
    const a = tables.applications;
    expect(a.newReceived).toEqual([3, 1, 0, 0, 0, 0, 4]);
    expect(a.carriedOver).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.disclosed).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(a.otherProcessing.correctionOverdue).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(a.totalProcessed).toEqual([3, 0, 0, 0, 0, 0, 3]);
    expect(a.carriedForward).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(tables.explain['applications.carriedForward[6]']).toEqual(['C', 'F']);
    expect(tables.explain['applications.carriedOver[0]']).toEqual(['B']);
    expect(checkReport(report(tables, 2024))).toEqual([]);
  });

  it('counts appeals filed in the year, pending when not decided by the cut-off', () => {
    const cases: CaseFacts[] = [
      {
        ...base,
        id: 'A',
        appeals: [
          {
            id: 'R1',
            kind: 'reconsideration',
            filedOn: '2024-05-01',
            result: 'upheld',
            decidedOn: '2024-07-01',
          },
          {
            id: 'R2',
            kind: 'reconsideration',
            filedOn: '2024-11-01',
            result: 'corrected',
            decidedOn: '2025-01-15',
          },
          {
            id: 'L1',
            kind: 'litigationDirect',
            filedOn: '2023-11-01',
            result: 'upheld',
            decidedOn: '2024-02-01',
          },
          {
            id: 'L2',
            kind: 'litigationAfterReconsideration',
            filedOn: '2024-08-01',
            result: null,
            decidedOn: null,
          },
        ],
      },
    ];
    const { appeals, explain } = compileTables(cases, { year: 2024 });
    expect(appeals.reconsideration).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 });
    expect(appeals.litigationDirect.total).toBe(0);
    expect(appeals.litigationAfterReconsideration).toEqual({
      upheld: 0,
      corrected: 0,
      other: 0,
      pending: 1,
      total: 1,
    });
    expect(explain['appeals.reconsideration.pending']).toEqual(['R2']);
    const later = compileTables(cases, { year: 2024, appealCutoff: '2025-01-31' });
    expect(later.appeals.reconsideration).toEqual({
      upheld: 1,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 2,
    });
  });

  it('refuses impossible facts with a coded error', () => {
    const run = (facts: Partial<CaseFacts>) => () =>
      compileTables([{ ...base, id: 'X', ...facts }], { year: 2024 });
    expect(run({ outcome: null })).toThrow(expect.objectContaining({ code: 'CASE_FACTS_INVALID' }));
    expect(run({ closedOn: '2024-02-01' })).toThrow(/closed before it was received/);
    expect(run({ applicantType: 'total' as ApplicantType })).toThrow(/applicant type/);
  });
});

const applicantTypes: ApplicantType[] = [
  'naturalPerson',
  'commercialEnterprise',
  'researchInstitution',
  'publicWelfareOrganization',
  'legalServiceInstitution',
  'otherOrganization',
];

const day = (offset: number) =>
  new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** A random case between 2022 and 2025, open or closed with a random outcome. */
const caseFacts = fc
  .record({
    type: fc.constantFrom(...applicantTypes),
    start: fc.integer({ min: 0, max: 4 * 365 }),
    duration: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
    outcome: fc.constantFrom(...OUTCOMES.map((o) => o.code)),
    confirmed: fc.boolean(),
  })
  .map(({ type, start, duration, outcome, confirmed }) => ({
    applicantType: type,
    receivedOn: confirmed ? day(start) : null,
    registeredOn: day(start),
    closedOn: duration === null ? null : day(start + duration),
    outcome: duration === null ? null : (outcome as OutcomeCode),
  }));

describe('compileTables on random case sets (property-based)', () => {
  it('always balances, and every cell equals the number of cases its explanation lists', () => {
    fc.assert(
      fc.property(fc.array(caseFacts, { maxLength: 200 }), fc.constantFrom(2023, 2024), (facts, year) => {
        const cases = facts.map((f, i) => ({ ...f, id: `C${i}` }));
        const tables = compileTables(cases, { year });
        const compiled = report(tables, year);
        expect(checkReport(compiled).filter((f) => f.severity === 'error')).toEqual([]);
        for (const cell of listCells(compiled).filter((c) => c.path.startsWith('applications'))) {
          expect(tables.explain[cell.path] ?? []).toHaveLength(getAt(compiled, cell.path) as number);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('compiles a district year of 10,000 cases that balances, each cell explained', () => {
    const cases = fc
      .sample(caseFacts, { numRuns: 10_000, seed: 2024 })
      .map((f, i) => ({ ...f, id: `C${i}` }));
    const tables = compileTables(cases, { year: 2024 });
    const compiled = report(tables, 2024);
    expect(checkReport(compiled)).toEqual([]);
    expect(compiled.applications.newReceived[6]).toBeGreaterThan(1500);
    for (const cell of listCells(compiled).filter((c) => c.path.startsWith('applications'))) {
      expect(tables.explain[cell.path] ?? []).toHaveLength(getAt(compiled, cell.path) as number);
    }
  });
});
