import { inScope, manageUserRoles, scopeOf } from '../policies/access.js';
import { usersRepository } from '../../storage/users-repository.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { validate } from '../platform/validate.js';
import { endAccessOf } from './end-access.js';
import { grantInput, type GrantInput } from './grant-input.js';
import { findManagedUser } from './managed-user.js';
import { auditActorOf, type Principal } from './principal.js';
import { userView, type UserView } from './user-view.js';

/**
 * Adds a role to an account, within the subtrees the principal administers. The account's sessions and tokens
 * end (a token made for one purpose does not silently gain the new role's reach). Adding a role it holds changes
 * nothing. Not on one's own account.
 */
export async function grantRole(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: GrantInput,
): Promise<UserView> {
  const input = validate(grantInput, raw);
  return withAudit(deps, principal, async (trx, record) => {
    const { user, tree } = await findManagedUser(trx, principal, ref, { notSelf: true });
    const agency = await findAgencyByRef(trx, input.agency);
    if (!inScope(scopeOf(principal, tree, manageUserRoles), agency.id)) throw errors.forbidden();
    if (user.grants.some((g) => g.role === input.role && g.agencyId === agency.id)) return userView(user);
    const at = deps.clock().toISOString();
    const actor = auditActorOf(principal);
    const grant = {
      role: input.role,
      agencyId: agency.id,
      grantedAt: at,
      grantedBy: actor.label,
      grantedByUserId: actor.userId,
    };
    await usersRepository.addGrant(trx, user.id, grant);
    await usersRepository.touch(trx, user.id, at);
    const ended = await endAccessOf(trx, user.id, 'roles-changed', at);
    const after = userView({ ...user, grants: [...user.grants, grant] });
    record({
      action: 'user.grant',
      entityType: 'user',
      entityId: user.id,
      agencyId: agency.id,
      before: { grants: user.grants },
      after: { grant, grants: after.grants, ...ended },
    });
    return after;
  });
}
