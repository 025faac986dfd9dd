import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport } from '../../core/report/model.js';
import { portalRepository } from '../../storage/portal-repository.js';
import { systemOperator } from '../accounts/principal.js';
import type { PlatformDeps } from '../platform/platform.js';
import { compileAnnualReport } from '../reports/compile-annual-report.js';
import { portalPageNotFound } from './portal-directory.js';

/**
 * A year's annual report is public from 31 January of the next year (条例第五十条): the portal shows the reports
 * of years whose publication date has passed (Beijing time), compiled from the records as the office exports them.
 */
export function isPublishable(year: number, now: Date): boolean {
  const beijing = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return beijing >= `${year + 1}-01-31`;
}

/** The years of an agency's published annual reports, newest first. */
export async function listPublishedReportYears(deps: PlatformDeps, agencyId: string): Promise<number[]> {
  const now = deps.clock();
  return (await portalRepository.reportYears(deps.db, agencyId)).filter((y) => isPublishable(y, now));
}

/** One published annual report, with the checker's findings (a balanced report has none). */
export async function getPublishedReport(
  deps: PlatformDeps,
  agencyId: string,
  year: number,
): Promise<{ report: AnnualReport; findings: Finding[] }> {
  if (!Number.isInteger(year) || !(await listPublishedReportYears(deps, agencyId)).includes(year)) {
    throw portalPageNotFound();
  }
  const compiled = await compileAnnualReport(deps, systemOperator, { agency: agencyId, year });
  return { report: compiled.report, findings: compiled.findings };
}
