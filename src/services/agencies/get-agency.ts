import type { Agency } from '../../core/agency.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from './find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';

/** One agency by id or code; agencies outside the principal's scope are reported as not found. */
export async function getAgency(deps: PlatformDeps, principal: Principal, ref: string): Promise<Agency> {
  const agency = await findAgencyByRef(deps.db, ref);
  const all = await agenciesRepository.listAll(deps.db);
  if (!inScope(scopeOf(principal, all, readAgencyRoles), agency.id)) throw errors.agencyNotFound(ref);
  return agency;
}
