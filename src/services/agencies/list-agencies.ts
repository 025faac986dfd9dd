import type { Agency } from '../../core/agency.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';

/** The agencies the principal may see (its subtrees), in creation order. */
export async function listAgencies(deps: PlatformDeps, principal: Principal): Promise<Agency[]> {
  const all = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, all, readAgencyRoles);
  return all.filter((agency) => inScope(scope, agency.id));
}
