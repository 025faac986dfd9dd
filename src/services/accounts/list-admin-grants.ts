import type { Role } from '../../core/roles.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { errors } from '../platform/errors.js';
import { inScope, readApplicationRoles, scopeOf } from '../policies/access.js';
import type { Principal } from './principal.js';

/** Who sees the roles administrators hand out: supervising agencies (主管部门) and auditors of the subtree. */
export const readAdminGrantRoles: readonly Role[] = ['supervisor', 'auditor'];

/** One role an administrator gave through the platform, with what makes it worth a supervisor's look. */
export interface AdminGrant {
  username: string;
  displayName: string;
  userId: string;
  role: Role;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  grantedAt: string | null;
  /** The administrator who made the grant (username), and their id. */
  grantedBy: string | null;
  grantedByUserId: string;
  /** The role reads cases, with applicants' personal data (身份证号, phone, address). */
  readsPersonalData: boolean;
  /** The administrator also created the account: an account they made and empowered themselves. */
  accountMadeByGranter: boolean;
  disabled: boolean;
}

/**
 * Roles that administrators granted (not the operator at the command line), for the supervisors and auditors of
 * the agencies concerned: an administrator cannot read cases, but could make a registrar account and read them
 * through it. Case-reading roles on accounts the same administrator created come first. The operator sees all.
 */
export async function listAdminGrants(deps: PlatformDeps, principal: Principal): Promise<AdminGrant[]> {
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readAdminGrantRoles);
  if (scope !== 'all' && scope.size === 0) throw errors.forbidden();
  const byId = new Map(tree.map((a) => [a.id, a]));
  const users = await usersRepository.listAll(deps.db);
  const result: AdminGrant[] = [];
  for (const user of users) {
    for (const grant of user.grants) {
      if (!grant.grantedByUserId || !inScope(scope, grant.agencyId)) continue;
      const agency = byId.get(grant.agencyId);
      result.push({
        username: user.username,
        displayName: user.displayName,
        userId: user.id,
        role: grant.role,
        agencyId: grant.agencyId,
        agencyCode: agency?.code ?? '',
        agencyName: agency?.name ?? '',
        grantedAt: grant.grantedAt,
        grantedBy: grant.grantedBy,
        grantedByUserId: grant.grantedByUserId,
        readsPersonalData: readApplicationRoles.includes(grant.role),
        accountMadeByGranter: user.createdByUserId === grant.grantedByUserId,
        disabled: user.disabledAt !== null,
      });
    }
  }
  const weight = (g: AdminGrant) => (g.readsPersonalData ? 2 : 0) + (g.accountMadeByGranter ? 1 : 0);
  return result.sort(
    (a, b) =>
      weight(b) - weight(a) ||
      (b.grantedAt ?? '').localeCompare(a.grantedAt ?? '') ||
      a.username.localeCompare(b.username),
  );
}
