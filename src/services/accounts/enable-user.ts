import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { findManagedUser } from './managed-user.js';
import type { Principal } from './principal.js';
import { homeAgencyOf, userView, type UserView } from './user-view.js';

/**
 * Re-enables a disabled account: it may sign in again. Its sessions and tokens ended when it was disabled and
 * stay ended (new ones are made as usual). Not on one's own account.
 */
export async function enableUser(deps: PlatformDeps, principal: Principal, ref: string): Promise<UserView> {
  return withAudit(deps, principal, async (trx, record) => {
    const { user } = await findManagedUser(trx, principal, ref, { notSelf: true });
    if (user.disabledAt === null) return userView(user);
    const at = deps.clock().toISOString();
    await usersRepository.setDisabled(trx, user.id, {
      disabledAt: null,
      disabledReason: null,
      updatedAt: at,
    });
    const after = userView({ ...user, disabledAt: null, disabledReason: null });
    record({
      action: 'user.enable',
      entityType: 'user',
      entityId: user.id,
      agencyId: homeAgencyOf(user),
      before: userView(user),
      after,
    });
    return after;
  });
}
