import { publicationState, type PublicationState } from '../../core/report/deadline.js';
import type { PublicationStep } from '../../core/report/publication.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import type { Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { beijingDate } from '../applications/case-calendar.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import { checkReportYear } from './set-report-figures.js';

/** Where an agency's report of a year stands: its step, who approved and published it, and the deadline. */
export interface ReportPublicationState {
  agency: { id: string; code: string; name: string };
  year: number;
  step: PublicationStep;
  approvedAt: string | null;
  approvedBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  deadline: PublicationState;
}

/** The publication state of an agency's report (read by whoever may read the agency). */
export async function getPublicationState(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
): Promise<ReportPublicationState> {
  checkReportYear(year);
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id)) throw errors.agencyNotFound(agencyRef);
  const found = await reportPublicationsRepository.find(deps.db, agency.id, year);
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name },
    year,
    step: found?.status ?? 'draft',
    approvedAt: found?.approvedAt ?? null,
    approvedBy: found?.approvedBy ?? null,
    publishedAt: found?.publishedAt ?? null,
    publishedBy: found?.publishedBy ?? null,
    deadline: publicationState(year, found?.publishedOn ?? null, beijingDate(deps.clock())),
  };
}
