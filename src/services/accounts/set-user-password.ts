import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { passwordSchema } from './create-user.js';
import { errors } from '../platform/errors.js';
import { endAccessOf } from './end-access.js';
import { hashPassword, randomSecret } from './passwords.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from './principal.js';
import { homeAgencyOf } from './user-view.js';
import { validate } from '../platform/validate.js';

/**
 * Sets (or generates) a password; for the command-line operator. The account's sessions
 * and API tokens end in the same transaction: whoever held the old password, or a token made under it, is out.
 * Returns a generated password.
 */
export async function setUserPassword(
  deps: PlatformDeps,
  principal: Principal,
  username: string,
  password?: string,
): Promise<string | null> {
  if (principal.kind !== 'operator') throw errors.forbidden();
  const generated = password === undefined ? randomSecret(15) : null;
  const hash = await hashPassword(validate(passwordSchema, password ?? generated), deps.scryptLog2N);
  await withAudit(deps, principal, async (trx, record) => {
    const user = await usersRepository.findByUsername(trx, username);
    if (!user) throw errors.userNotFound(username);
    const at = deps.clock().toISOString();
    await usersRepository.updateCredentials(trx, user.id, {
      passwordHash: hash,
      failedLoginCount: 0,
      failedLoginSince: null,
      lockedUntil: null,
      updatedAt: at,
    });
    const ended = await endAccessOf(trx, user.id, 'password-changed', at);
    record({
      action: 'user.password-set',
      entityType: 'user',
      entityId: user.id,
      agencyId: homeAgencyOf(user),
      before: null,
      after: ended,
    });
  });
  return generated;
}
