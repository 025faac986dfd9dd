import { usersRepository } from '../../storage/users-repository.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import { validate } from '../platform/validate.js';
import { endAccessOf } from './end-access.js';
import { grantInput, type GrantInput } from './grant-input.js';
import { findVisibleUser } from './managed-user.js';
import type { Principal } from './principal.js';
import { userView, type UserView } from './user-view.js';

/**
 * Removes one role from an account; the principal needs admin rights only where that role lies. The account's
 * sessions and tokens end. The last role is not removed (disable the account instead, so it keeps a home agency
 * and stays visible to its administrators). Not on one's own account.
 */
export async function removeGrant(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: GrantInput,
): Promise<UserView> {
  const input = validate(grantInput, raw);
  return withAudit(deps, principal, async (trx, record) => {
    const { user, tree } = await findVisibleUser(trx, principal, ref);
    if (principal.kind === 'staff' && principal.userId === user.id) throw errors.notOnOwnAccount();
    const agency = await findAgencyByRef(trx, input.agency);
    const grant = user.grants.find((g) => g.role === input.role && g.agencyId === agency.id);
    if (!grant) throw errors.grantNotFound(input.role, input.agency);
    if (!accessPolicy.canRemoveGrant(principal, tree, agency.id)) throw errors.forbidden();
    if (user.grants.length === 1) throw errors.lastGrant();
    const at = deps.clock().toISOString();
    await usersRepository.removeGrant(trx, user.id, grant);
    await usersRepository.touch(trx, user.id, at);
    const ended = await endAccessOf(trx, user.id, 'roles-changed', at);
    const after = userView({ ...user, grants: user.grants.filter((g) => g !== grant) });
    record({
      action: 'user.grant-remove',
      entityType: 'user',
      entityId: user.id,
      agencyId: agency.id,
      before: { grants: user.grants },
      after: { removed: grant, grants: after.grants, ...ended },
    });
    return after;
  });
}
