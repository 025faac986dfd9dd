import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { validate } from '../platform/validate.js';
import { endAccessOf } from './end-access.js';
import { findManagedUser } from './managed-user.js';
import type { Principal } from './principal.js';
import { homeAgencyOf, userView, type UserView } from './user-view.js';

export const disableUserInput = z
  .object({
    /** Why (shown to other administrators, kept in the audit trail). */
    reason: z.string().trim().min(1).max(limits.textMaxLength).optional(),
  })
  .strict();
export type DisableUserInput = z.input<typeof disableUserInput>;

/**
 * Disables an account: it can no longer sign in, and its sessions and API tokens end in the same transaction.
 * Disabling a disabled account changes nothing. Not on one's own account.
 */
export async function disableUser(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: DisableUserInput = {},
): Promise<UserView> {
  const input = validate(disableUserInput, raw);
  return withAudit(deps, principal, async (trx, record) => {
    const { user } = await findManagedUser(trx, principal, ref, { notSelf: true });
    if (user.disabledAt !== null) return userView(user);
    const at = deps.clock().toISOString();
    const reason = input.reason ?? null;
    await usersRepository.setDisabled(trx, user.id, {
      disabledAt: at,
      disabledReason: reason,
      updatedAt: at,
    });
    const ended = await endAccessOf(trx, user.id, 'account-disabled', at);
    const after = userView({ ...user, disabledAt: at, disabledReason: reason });
    record({
      action: 'user.disable',
      entityType: 'user',
      entityId: user.id,
      agencyId: homeAgencyOf(user),
      before: userView(user),
      after: { ...after, ...ended },
    });
    return after;
  });
}
