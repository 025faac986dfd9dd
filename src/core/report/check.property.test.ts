import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consistentReport } from '../../../test/support/report-arbitrary.js';
import { getAt, listCells } from './cells.js';
import { checkReport } from './check.js';
import type { AnnualReport } from './model.js';
import { APPLICATION_ROWS } from './template.js';

/** The rules whose equations involve a cell, read from the template's row roles (DOMAIN.md §7 rules 1–4). */
function rulesInvolving(path: string): Set<string> {
  const rules = new Set<string>();
  const indexed = /^(applications\.[\w.]+)\[(\d)\]$/.exec(path);
  if (indexed) {
    const row = APPLICATION_ROWS.find((r) => r.path === indexed[1])!;
    rules.add('row-total');
    if (row.role === 'outcome' || row.role === 'totalProcessed') rules.add('outcome-total');
    if (row.role !== 'outcome') rules.add('balance');
  } else if (path.startsWith('appeals.')) {
    rules.add('appeal-total');
  }
  return rules;
}

function setAt(report: AnnualReport, path: string, value: number): AnnualReport {
  const copy = structuredClone(report);
  const parts = path.match(/[^.[\]]+/g)!;
  const last = parts.pop()!;
  const parent = getAt(copy, parts.join('.')) as Record<string, number>;
  parent[last] = value;
  return copy;
}

describe('checkReport on random reports (property-based)', () => {
  it('finds nothing wrong with a report that adds up', () => {
    fc.assert(
      fc.property(consistentReport, (report) => {
        expect(checkReport(report)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('changing any one count fires exactly the rules involving that cell, each naming it', () => {
    const cellCount = listCells(fc.sample(consistentReport, 1)[0]!).length;
    fc.assert(
      fc.property(
        consistentReport,
        fc.integer({ min: 0, max: cellCount - 1 }),
        fc.integer({ min: 1, max: 50 }),
        (report, cellIndex, delta) => {
          const cell = listCells(report)[cellIndex]!;
          const changed = setAt(report, cell.path, (cell.value ?? 0) + delta);
          const findings = checkReport(changed);
          const fired = new Set(findings.map((f) => f.rule));
          expect(fired).toEqual(rulesInvolving(cell.path));
          for (const finding of findings) {
            expect(finding.severity).toBe('error');
            expect(finding.cells ?? [finding.path]).toContain(cell.path);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a negative or fractional count fires non-negative on that cell', () => {
    fc.assert(
      fc.property(
        consistentReport,
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom(-1, 0.5, -3.25),
        (report, cellIndex, bad) => {
          const cells = listCells(report).filter((c) => c.kind === 'count');
          const cell = cells[cellIndex % cells.length]!;
          const findings = checkReport(setAt(report, cell.path, bad));
          expect(findings.filter((f) => f.rule === 'non-negative').map((f) => f.path)).toEqual([cell.path]);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never throws on a well-formed report, whatever its numbers', () => {
    const anyCell = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -5, max: 1000 }),
      fc.double({ noNaN: true }),
    );
    fc.assert(
      fc.property(
        consistentReport,
        fc.array(fc.tuple(fc.nat(), anyCell), { maxLength: 30 }),
        (report, edits) => {
          let changed = report;
          const cells = listCells(report);
          for (const [index, value] of edits) {
            const cell = cells[index % cells.length]!;
            changed = setAt(changed, cell.path, value as number);
          }
          expect(() => checkReport(changed, { previous: report })).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
