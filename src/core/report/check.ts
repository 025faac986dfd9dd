/**
 * The report checker: every rule of DOMAIN.md §7 that one report (and its predecessor) can decide.
 * It reports every finding, not just the first, and never throws on a well-formed report.
 */
import type { Finding } from './findings.js';
import type { AnnualReport } from './model.js';
import { checkAppealTotals, checkBalance, checkOutcomeTotals, checkRowTotals } from './rules/arithmetic.js';
import { checkMissing, checkNonNegative } from './rules/cells.js';
import { checkAgainstPrevious } from './rules/previous.js';
import { checkProse } from './rules/prose.js';
import { checkUnsplittable } from './rules/unsplittable.js';
import { checkSections, checkTemplate } from './rules/template.js';

export interface CheckOptions {
  /** The same agency's report for the year before, for the carry-over rules. */
  previous?: AnnualReport;
}

/** Checks a report; errors first, then warnings, each group in the order of the printed tables. */
export function checkReport(report: AnnualReport, options: CheckOptions = {}): Finding[] {
  const outcome = checkOutcomeTotals(report);
  const findings = [
    ...checkTemplate(report),
    ...checkSections(report),
    ...checkNonNegative(report),
    ...checkRowTotals(report),
    ...outcome,
    ...checkBalance(report, outcome),
    ...checkAppealTotals(report),
    ...checkUnsplittable(report),
    ...checkMissing(report),
    ...checkProse(report),
    ...(options.previous ? checkAgainstPrevious(report, options.previous) : []),
  ];
  return [
    ...findings.filter((f) => f.severity === 'error'),
    ...findings.filter((f) => f.severity !== 'error'),
  ];
}
