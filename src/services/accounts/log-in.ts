import { createHash } from 'node:crypto';
import { limits } from '../../core/limits.js';
import { afterFailure, blockedUntil, throttlePolicies } from '../../core/login-throttle.js';
import type { Executor } from '../../storage/executor.js';
import { loginThrottlesRepository } from '../../storage/login-throttles-repository.js';
import { sessionsRepository } from '../../storage/sessions-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { unsafeTextError } from '../platform/validate.js';
import { hashPassword, randomSecret, verifyPassword } from './passwords.js';
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

/**
 * Spent on unknown, disabled and password-less accounts so that timing does not tell which usernames exist: a hash
 * of a random password at the cost real hashes are made with (made once per cost, when first needed).
 */
const dummyHashes = new Map<number, Promise<string>>();
function dummyHashAt(log2N: number): Promise<string> {
  let hash = dummyHashes.get(log2N);
  if (!hash) {
    hash = hashPassword(randomSecret(), log2N);
    dummyHashes.set(log2N, hash);
  }
  return hash;
}

const keyOf = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The throttle counters of an attempt: this account from this address, and this address over all accounts. */
function throttleKeys(username: string, ip: string) {
  return {
    accountAddress: keyOf(`login:account-address:${username}\0${ip}`),
    address: keyOf(`login:address:${ip}`),
  };
}

/**
 * Checks a password and opens a session. Failed attempts are throttled with growing delays per (account, address)
 * and per address (src/core/login-throttle.ts) — never per account alone, so nobody can lock the owner out.
 * While a counter waits, attempts are refused without checking the password (429 LOGIN_THROTTLED, with the time
 * in Beijing time). Unknown and known usernames cost the same scrypt work. Failures on real accounts are audited.
 */
export async function logIn(
  deps: PlatformDeps,
  input: { username: string; password: string; ip: string },
): Promise<LoginResult> {
  const unsafe = unsafeTextError({ username: input.username, password: input.password });
  if (unsafe) throw unsafe;
  const now = deps.clock();
  const keys = throttleKeys(input.username, input.ip);
  const counters = await loginThrottlesRepository.find(deps.db, [keys.accountAddress, keys.address]);
  const waits = [
    blockedUntil(counters.get(keys.accountAddress), now),
    blockedUntil(counters.get(keys.address), now),
  ]
    .filter((t): t is string => t !== null)
    .sort();
  if (waits.length > 0) throw errors.loginThrottled(waits[waits.length - 1] as string, now);

  const user = await usersRepository.findByUsername(deps.db, input.username);
  const usable = user !== undefined && user.passwordHash !== null && user.disabledAt === null;
  const stored = usable ? (user.passwordHash as string) : await dummyHashAt(deps.scryptLog2N);
  const correct = (await verifyPassword(input.password, stored)) && usable;

  if (!correct) {
    const accountAddress = afterFailure(
      counters.get(keys.accountAddress) ?? null,
      now,
      throttlePolicies.accountAddress,
    );
    const address = afterFailure(counters.get(keys.address) ?? null, now, throttlePolicies.address);
    const save = async (trx: Executor) => {
      await loginThrottlesRepository.save(trx, keys.accountAddress, accountAddress);
      await loginThrottlesRepository.save(trx, keys.address, address);
    };
    if (user) {
      await withAudit(deps, staffPrincipal(user, 'session', input.ip), async (trx, record) => {
        await save(trx);
        record({
          action: 'auth.login-failed',
          entityType: 'user',
          entityId: user.id,
          agencyId: homeAgencyOf(user),
          before: null,
          after: { failures: accountAddress.failures, blockedUntil: accountAddress.blockedUntil },
        });
      });
    } else {
      await save(deps.db);
    }
    throw errors.loginFailed();
  }

  const principal = staffPrincipal(user, 'session', input.ip);
  const agencyId = homeAgencyOf(user);
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
    await loginThrottlesRepository.clear(trx, keys.accountAddress);
    await loginThrottlesRepository.deleteStale(
      trx,
      new Date(now.getTime() - throttlePolicies.address.forgetAfterMs).toISOString(),
    );
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
