import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { beijingDate } from '../applications/case-calendar.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles } from '../policies/access.js';
import { beginPublicationStep } from './publication-step.js';
import { getPublicationState, type ReportPublicationState } from './get-publication-state.js';
import { checkReportYear } from './set-report-figures.js';

/**
 * Publishes the approved report (条例第五十条): the frozen report becomes the one the public export serves, dated
 * today (Beijing); on or before 31 January of the next year it is on time, after it late. Only an approved report
 * can be published, and only once.
 */
export async function publishReport(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
): Promise<ReportPublicationState> {
  checkReportYear(year);
  await withAudit(deps, principal, async (trx, record) => {
    const { agency, current } = await beginPublicationStep(
      trx,
      principal,
      agencyRef,
      year,
      handleApplicationRoles,
      'publish',
    );
    const now = deps.clock();
    const on = beijingDate(now);
    await reportPublicationsRepository.markPublished(trx, {
      agencyId: agency.id,
      year,
      at: now.toISOString(),
      on,
      by: auditActorOf(principal).label,
    });
    record({
      action: 'report.publish',
      entityType: 'report',
      entityId: `${agency.id}/${year}`,
      agencyId: agency.id,
      before: { status: current?.status ?? 'draft' },
      after: { status: 'published', publishedOn: on },
    });
  });
  return getPublicationState(deps, principal, agencyRef, year);
}
