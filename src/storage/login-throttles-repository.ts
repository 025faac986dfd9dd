import type { ThrottleState } from '../core/login-throttle.js';
import type { Executor } from './executor.js';

/** Counters of failed logins by hashed key (account and address, or address). */
export const loginThrottlesRepository = {
  async find(db: Executor, keyHashes: string[]): Promise<Map<string, ThrottleState>> {
    if (keyHashes.length === 0) return new Map();
    const rows = await db
      .selectFrom('login_throttles')
      .selectAll()
      .where('key_hash', 'in', keyHashes)
      .execute();
    return new Map(
      rows.map((r) => [
        r.key_hash,
        { failures: Number(r.failures), lastFailedAt: r.last_failed_at, blockedUntil: r.blocked_until },
      ]),
    );
  },
  async save(db: Executor, keyHash: string, state: ThrottleState): Promise<void> {
    const values = {
      failures: state.failures,
      last_failed_at: state.lastFailedAt,
      blocked_until: state.blockedUntil,
    };
    await db
      .insertInto('login_throttles')
      .values({ key_hash: keyHash, ...values })
      .onConflict((oc) => oc.column('key_hash').doUpdateSet(values))
      .execute();
  },
  async clear(db: Executor, keyHash: string): Promise<void> {
    await db.deleteFrom('login_throttles').where('key_hash', '=', keyHash).execute();
  },
  /** Drops counters whose last failure is older than `before` (they no longer count). */
  async deleteStale(db: Executor, before: string): Promise<void> {
    await db.deleteFrom('login_throttles').where('last_failed_at', '<', before).execute();
  },
};
