/**
 * Every text layout of the corpus reads back cell by cell to the report it was built from: random balanced
 * reports (fast-check), and each fixture's expected report as published (single-row （六）, blanks, bad sums).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getAt, listCells } from '../../src/core/report/cells.js';
import { APPLICATION_ROWS } from '../../src/core/report/template.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { readTextSync } from '../../src/readers/text/index.js';
import { splitSummed } from '../../src/readers/text/split.js';
import { expectedFixtures, readExpected } from '../support/fixtures.js';
import {
  LAYOUT_NAMES,
  renderTextLayouts,
  variedFixtureReport,
  type LayoutName,
} from '../support/layouts/text.js';
import { consistentReport } from '../support/report-arbitrary.js';

const encoder = new TextEncoder();

/** Paths the reader said it could not settle (a run-together split that is ambiguous or never adds up). */
function doubted(report: AnnualReport): string[] {
  return (report.doubts ?? [])
    .filter((d) => (d.kind === 'ambiguous-split' || d.kind === 'unsplittable') && d.path !== undefined)
    .map((d) => d.path!);
}

function expectSame(read: AnnualReport, built: AnnualReport, layout: LayoutName): void {
  expect(read.agency).toBe(built.agency);
  expect(read.year).toBe(built.year);
  expect(read.template).toBe(built.template);
  expect(read.applications.otherProcessing.feeUnpaid === null).toBe(
    built.applications.otherProcessing.feeUnpaid === null,
  );
  const unsure = layout === 'runTogether' ? doubted(read) : [];
  const readCells = new Map(listCells(read).map((c) => [c.path, c.value]));
  for (const cell of listCells(built)) {
    if (unsure.some((path) => cell.path.startsWith(path))) continue;
    expect(readCells.get(cell.path), `${layout} ${cell.path}`).toBe(cell.value);
  }
}

/** Blanks (“-”) in a few cells; run-together text cannot print a blank, so that layout gets none. */
const withBlanks = fc
  .tuple(consistentReport, fc.array(fc.nat(174), { maxLength: 4 }), fc.nat(14))
  .map(([report, cells, appeal]) => {
    const copy = structuredClone(report);
    const rows = listCells(copy).filter((c) => c.path.startsWith('applications.'));
    for (const index of cells) {
      const path = rows[index]!.path;
      const [rowPath, column] = [path.replace(/\[\d\]$/, ''), Number(/\[(\d)\]$/.exec(path)![1])];
      const row = rowPath
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], copy);
      (row as (number | null)[])[column] = null;
    }
    const groups = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
    const keys = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
    copy.appeals[groups[Math.floor(appeal / 5)]!][keys[appeal % 5]!] = null;
    return copy;
  });

describe('text layouts read back cell by cell', () => {
  for (const layout of LAYOUT_NAMES) {
    it(`${layout}: random balanced reports`, () => {
      fc.assert(
        fc.property(consistentReport, (report) => {
          const text = renderTextLayouts(report)[layout];
          const { report: read } = readTextSync(encoder.encode(text), `${layout}.txt`);
          expectSame(read, report, layout);
          if (layout !== 'runTogether') expect(read.doubts ?? []).toEqual([]);
        }),
        { numRuns: layout === 'runTogether' ? 60 : 40 },
      );
    });
    it(`${layout}: the fixtures with their numbers varied`, () => {
      fc.assert(
        fc.property(variedFixtureReport, (report) => {
          const { report: read } = readTextSync(encoder.encode(renderTextLayouts(report)[layout]), 'v.txt');
          expectSame(read, report, layout);
        }),
        { numRuns: 20 },
      );
    });
    if (layout === 'runTogether') continue;
    it(`${layout}: blank cells stay blank, nothing shifts`, () => {
      fc.assert(
        fc.property(withBlanks, (report) => {
          const text = renderTextLayouts(report)[layout];
          const { report: read } = readTextSync(encoder.encode(text), `${layout}.txt`);
          expectSame(read, report, layout);
        }),
        { numRuns: 30 },
      );
    });
  }

  it('runTogether: table 三 is settled by its column sums, not guessed', () => {
    // Random 3-digit counts make most rows ambiguous on their own (several splits add up across); the
    // columns (（一）…（六） = 三（七）, 一 + 二 = 三（七）+ 四) nearly always leave one choice for the whole
    // table. When they leave several, the reader says so for the rows they disagree on.
    const reports = fc.sample(consistentReport, { numRuns: 60, seed: 20261130 });
    let ambiguousAlone = 0;
    let tablesWithDoubts = 0;
    for (const built of reports) {
      const text = renderTextLayouts(built).runTogether;
      const { report: read } = readTextSync(encoder.encode(text), 'runTogether.txt');
      const unsure = doubted(read).filter((path) => path.startsWith('applications.'));
      if (unsure.length > 0) tablesWithDoubts += 1;
      const readCells = new Map(listCells(read).map((c) => [c.path, c.value]));
      for (const cell of listCells(built)) {
        if (!cell.path.startsWith('applications.') || unsure.some((path) => cell.path.startsWith(path)))
          continue;
        expect(readCells.get(cell.path), cell.path).toBe(cell.value);
      }
      // Rows whose digits alone admit several splits that add up across (the case this is about).
      for (const row of APPLICATION_ROWS) {
        const values = getAt(built, row.path) as (number | null)[] | null;
        if (values !== null && splitSummed(values.join(''), 6).length > 1) ambiguousAlone += 1;
      }
    }
    expect(ambiguousAlone).toBeGreaterThan(reports.length);
    expect(tablesWithDoubts).toBeLessThanOrEqual(reports.length / 10);
  });

  for (const name of expectedFixtures()) {
    it(`${name} in every layout`, () => {
      const built = readExpected(name) as AnnualReport;
      const layouts = renderTextLayouts(built);
      for (const layout of LAYOUT_NAMES) {
        const { report: read } = readTextSync(encoder.encode(layouts[layout]), `${name}.${layout}.txt`);
        expectSame(read, built, layout);
      }
    });
  }
});
