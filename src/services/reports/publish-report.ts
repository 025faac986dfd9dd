import { DomainError } from '../../core/errors.js';
import { nextPublicationStep, refusedStepMessage } from '../../core/report/publication.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { beijingDate } from '../applications/case-calendar.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles, inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
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
    const agency = await findAgencyByRef(trx, agencyRef);
    const tree = await agenciesRepository.listAll(trx);
    if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id))
      throw errors.agencyNotFound(agencyRef);
    if (!inScope(scopeOf(principal, tree, handleApplicationRoles), agency.id)) throw errors.forbidden();
    const current = await reportPublicationsRepository.find(trx, agency.id, year);
    const step = current?.status ?? 'draft';
    if (nextPublicationStep(step, 'publish') === null) {
      const why = refusedStepMessage(step, 'publish');
      throw new DomainError('REPORT_PUBLICATION_STEP', why.zh, why.en);
    }
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
      before: { status: step },
      after: { status: 'published', publishedOn: on },
    });
  });
  return getPublicationState(deps, principal, agencyRef, year);
}
