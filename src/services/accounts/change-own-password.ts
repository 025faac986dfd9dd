import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { validate } from '../platform/validate.js';
import { passwordSchema } from './create-user.js';
import { endAccessOf, type AccessEnded } from './end-access.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';
import { hashSecret } from './secret-hash.js';
import { homeAgencyOf } from './user-view.js';

export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1).max(limits.passwordMaxLength),
    newPassword: passwordSchema,
  })
  .strict();
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordInput>;

/**
 * A staff member changes their own password, signed in through a session (not with an API token) and giving the
 * current one. Every other session of theirs and all their API tokens end; the session they did it from stays.
 */
export async function changeOwnPassword(
  deps: PlatformDeps,
  principal: Principal,
  sessionId: string | null,
  raw: ChangeOwnPasswordInput,
): Promise<AccessEnded> {
  const input = validate(changeOwnPasswordInput, raw);
  if (principal.kind !== 'staff' || principal.via !== 'session' || sessionId === null)
    throw errors.forbidden();
  const user = await usersRepository.findById(deps.db, principal.userId);
  if (!user || user.passwordHash === null) throw errors.forbidden();
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw errors.passwordWrong();
  const hash = await hashPassword(input.newPassword, deps.scryptLog2N);
  return withAudit(deps, principal, async (trx, record) => {
    const at = deps.clock().toISOString();
    await usersRepository.updateCredentials(trx, user.id, {
      passwordHash: hash,
      failedLoginCount: 0,
      failedLoginSince: null,
      lockedUntil: null,
      updatedAt: at,
    });
    const ended = await endAccessOf(trx, user.id, 'password-changed', at, hashSecret(sessionId));
    record({
      action: 'user.password-change',
      entityType: 'user',
      entityId: user.id,
      agencyId: homeAgencyOf(user),
      before: null,
      after: ended,
    });
    return ended;
  });
}
