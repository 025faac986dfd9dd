import { checkReport } from '../../core/report/check.js';
import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport } from '../../core/report/model.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { portalPageNotFound } from './portal-directory.js';

/** A published annual report as the 年报 column lists it. */
export interface PublishedReportEntry {
  year: number;
  /** The publication day (Beijing time), YYYY-MM-DD. */
  publishedOn: string;
}

/**
 * The annual reports an agency has published (approved, then published through services/reports: 条例第五十条),
 * newest first. A year is public only once it is published; the statutory date alone publishes nothing.
 */
export async function listPublishedReports(
  deps: PlatformDeps,
  agencyId: string,
): Promise<PublishedReportEntry[]> {
  return reportPublicationsRepository.publishedYears(deps.db, agencyId);
}

/** The years of an agency's published annual reports, newest first. */
export async function listPublishedReportYears(deps: PlatformDeps, agencyId: string): Promise<number[]> {
  return (await listPublishedReports(deps, agencyId)).map((r) => r.year);
}

/**
 * One published annual report: the report as frozen at approval (the same the public export renders), its
 * publication day, and the checker's findings on it (a balanced report has none).
 */
export async function getPublishedReport(
  deps: PlatformDeps,
  agencyId: string,
  year: number,
): Promise<{ report: AnnualReport; findings: Finding[]; publishedOn: string }> {
  if (!Number.isInteger(year)) throw portalPageNotFound();
  const found = await reportPublicationsRepository.find(deps.db, agencyId, year);
  if (found?.status !== 'published' || found.publishedOn === null) throw portalPageNotFound();
  return { report: found.report, findings: checkReport(found.report), publishedOn: found.publishedOn };
}
