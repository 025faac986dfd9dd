import { limits } from '../../core/limits.js';
import { sessionsRepository } from '../../storage/sessions-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { unsafeTextError } from '../platform/validate.js';
import { randomSecret, verifyPassword } from './passwords.js';
import type { PlatformDeps } from '../platform/platform.js';
import { staffPrincipal } from './principal.js';
import { hashSecret } from './secret-hash.js';
import { homeAgencyOf, userView, type UserView } from './user-view.js';

export interface LoginResult {
  /** The session cookie value; only its hash is stored. */
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

/** Spent on unknown usernames so that timing does not tell which usernames exist. */
const dummyHash = 'scrypt$10$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

/**
 * Checks a password and opens a session. Repeated failures lock the account (`limits.loginMaxFailures` within
 * `limits.loginFailureWindowMs` → locked for `limits.lockoutMs`); failures and lockouts are audited.
 */
export async function logIn(
  deps: PlatformDeps,
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const unsafe = unsafeTextError({ username: input.username, password: input.password });
  if (unsafe) throw unsafe;
  const now = deps.clock();
  const user = await usersRepository.findByUsername(deps.db, input.username);
  if (!user || user.passwordHash === null || user.disabledAt !== null) {
    await verifyPassword(input.password, user?.passwordHash ?? dummyHash);
    throw errors.loginFailed();
  }
  if (user.lockedUntil !== null && new Date(user.lockedUntil) > now)
    throw errors.accountLocked(user.lockedUntil);
  const principal = staffPrincipal(user, 'session', input.ip);
  const agencyId = homeAgencyOf(user);

  if (!(await verifyPassword(input.password, user.passwordHash))) {
    const windowOpen =
      user.failedLoginSince !== null &&
      now.getTime() - new Date(user.failedLoginSince).getTime() < limits.loginFailureWindowMs;
    const count = windowOpen ? user.failedLoginCount + 1 : 1;
    const since = windowOpen ? user.failedLoginSince : now.toISOString();
    const lock = count >= limits.loginMaxFailures;
    const lockedUntil = lock ? new Date(now.getTime() + limits.lockoutMs).toISOString() : null;
    await withAudit(deps, principal, async (trx, record) => {
      await usersRepository.updateCredentials(trx, user.id, {
        passwordHash: user.passwordHash,
        failedLoginCount: lock ? 0 : count,
        failedLoginSince: lock ? null : since,
        lockedUntil,
        updatedAt: now.toISOString(),
      });
      record({
        action: lock ? 'auth.locked' : 'auth.login-failed',
        entityType: 'user',
        entityId: user.id,
        agencyId,
        before: null,
        after: { failures: count, lockedUntil },
      });
    });
    throw lock ? errors.accountLocked(lockedUntil as string) : errors.loginFailed();
  }

  const sessionId = randomSecret();
  const csrfToken = randomSecret();
  const expiresAt = new Date(now.getTime() + limits.sessionAbsoluteMs).toISOString();
  await withAudit(deps, principal, async (trx, record) => {
    await usersRepository.updateCredentials(trx, user.id, {
      passwordHash: user.passwordHash,
      failedLoginCount: 0,
      failedLoginSince: null,
      lockedUntil: null,
      updatedAt: now.toISOString(),
    });
    await sessionsRepository.deleteExpired(trx, now.toISOString());
    await sessionsRepository.insert(trx, {
      id_hash: hashSecret(sessionId),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: expiresAt,
    });
    record({
      action: 'auth.login',
      entityType: 'session',
      entityId: user.id,
      agencyId,
      before: null,
      after: { expiresAt },
    });
  });
  return { sessionId, csrfToken, expiresAt, user: userView(user) };
}
