/**
 * Every text layout of the corpus reads back cell by cell to the report it was built from: random balanced
 * reports (fast-check), and each fixture's expected report as published (single-row （六）, blanks, bad sums).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listCells } from '../../src/core/report/cells.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { readTextSync } from '../../src/readers/text/index.js';
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
