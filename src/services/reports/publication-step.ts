import type { Agency } from '../../core/agency.js';
import type { Role } from '../../core/roles.js';
import { DomainError } from '../../core/errors.js';
import { nextPublicationStep, refusedStepMessage } from '../../core/report/publication.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import type { Executor } from '../../storage/executor.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import type { Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { errors } from '../platform/errors.js';
import { inScope, readAgencyRoles, scopeOf } from '../policies/access.js';

/**
 * The common start of a report publication step (approve, publish): the agency, in the principal's sight (else not
 * found) and in reach of `roles` (else forbidden), and its current publication record, which must allow `action`.
 */
export async function beginPublicationStep(
  trx: Executor,
  principal: Principal,
  agencyRef: string,
  year: number,
  roles: readonly Role[],
  action: 'approve' | 'publish',
) {
  const agency: Agency = await findAgencyByRef(trx, agencyRef);
  const tree = await agenciesRepository.listAll(trx);
  if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id)) throw errors.agencyNotFound(agencyRef);
  if (!inScope(scopeOf(principal, tree, roles), agency.id)) throw errors.forbidden();
  const current = await reportPublicationsRepository.find(trx, agency.id, year);
  const step = current?.status ?? 'draft';
  if (nextPublicationStep(step, action) === null) {
    const why = refusedStepMessage(step, action);
    throw new DomainError('REPORT_PUBLICATION_STEP', why.zh, why.en);
  }
  return { agency, current };
}
