/**
 * The families of real published pages (issue 12 item 7) read back cell by cell: any balanced report rendered
 * as a crawled page on one line with the site's chrome (cells run together, one space apart, or mixed row by row)
 * or as OCR markdown (a table per row, 数据1…数据6 header, a wrong header mid-table, 四 in three tables, a heading
 * lost). A cell is read right or left null with a doubt naming it; never guessed. The check of what was read
 * gives no error and no prose warning (the reports are consistent; a lost heading is a doubt, not an error).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listCells } from '../../src/core/report/cells.js';
import { checkReport } from '../../src/core/report/check.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { readTextSync } from '../../src/readers/text/index.js';
import { expectedFixtures, readExpected } from '../support/fixtures.js';
import { PAGE_FAMILIES, renderPage, type PageFamily } from '../support/layouts/pages.js';
import { variedFixtureReport } from '../support/layouts/text.js';
import { consistentReport } from '../support/report-arbitrary.js';

const encoder = new TextEncoder();
/** Families whose cells are all separated: read exactly, no doubt about any split. */
const SEPARATED: ReadonlySet<PageFamily> = new Set(['spacedPage', 'ocrMarkdown']);

function doubtedPaths(report: AnnualReport): string[] {
  return (report.doubts ?? [])
    .filter((d) => d.kind === 'ambiguous-split' || d.kind === 'unsplittable')
    .map((d) => d.path)
    .filter((p): p is string => p !== undefined);
}

function expectReadBack(built: AnnualReport, family: PageFamily): void {
  const { report: read } = readTextSync(encoder.encode(renderPage(built, family)), `${family}.txt`);
  expect(read.agency).toBe(built.agency);
  expect(read.year).toBe(built.year);
  expect(read.template).toBe(built.template);
  const unsure = doubtedPaths(read);
  if (SEPARATED.has(family)) expect(unsure).toEqual([]);
  const got = new Map(listCells(read).map((c) => [c.path, c.value] as const));
  for (const cell of listCells(built)) {
    const value = got.get(cell.path);
    const doubted = unsure.some((path) => cell.path.startsWith(path));
    // Tables 三 and 四 read nothing they cannot settle; section 二 may read a split it names as assumed
    // (现行有效 ≥ 本年制发), with the doubt.
    if (doubted && (value === null || cell.path.startsWith('proactive.'))) continue;
    expect(value, `${family} ${cell.path}`).toBe(cell.value);
  }
  const serious = (report: AnnualReport) =>
    checkReport(report)
      .filter((f) => f.severity === 'error' || f.rule === 'prose')
      .map((f) => `${f.rule}@${f.path}`);
  // No finding the published report does not deserve (a fixture may deserve some; a random report none). A table
  // whose run of digits no split adds up is blamed as a whole: the same rules, not the same cells.
  if ((read.doubts ?? []).some((d) => d.kind === 'unsplittable')) {
    const rules = (list: string[]) => [...new Set(list.map((f) => f.slice(0, f.indexOf('@'))))].sort();
    expect(rules(serious(read))).toEqual(rules(serious(built)));
  } else expect(serious(read)).toEqual(serious(built));
  expect(read.sections?.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
}

describe('families of real published pages read back cell by cell', () => {
  for (const family of PAGE_FAMILIES) {
    it(`${family}: random balanced reports`, () => {
      fc.assert(
        fc.property(consistentReport, (report) => expectReadBack(report, family)),
        { numRuns: 40, seed: 20261202 },
      );
    });
    it(`${family}: the fixtures with their numbers varied`, () => {
      fc.assert(
        fc.property(variedFixtureReport, (report) => expectReadBack(report, family)),
        { numRuns: 15, seed: 20261202 },
      );
    });
    it(`${family}: every fixture as published`, () => {
      for (const name of expectedFixtures()) expectReadBack(readExpected(name) as AnnualReport, family);
    });
  }

  it('page: run-together tables are settled by their sums, rarely left open', () => {
    const reports = fc.sample(consistentReport, { numRuns: 40, seed: 20261202 });
    let open = 0;
    for (const built of reports) {
      const { report: read } = readTextSync(encoder.encode(renderPage(built, 'page')), 'page.txt');
      if (doubtedPaths(read).some((path) => path.startsWith('applications.'))) open += 1;
    }
    expect(open).toBeLessThanOrEqual(reports.length / 5);
  });
});
