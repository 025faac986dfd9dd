import type { Executor } from './executor.js';
import type { SessionTable } from './schema.js';

/** Server-side sessions, keyed by the sha256 of the cookie value. */
export const sessionsRepository = {
  async insert(db: Executor, session: SessionTable): Promise<void> {
    await db.insertInto('sessions').values(session).execute();
  },
  async findByIdHash(db: Executor, idHash: string): Promise<SessionTable | undefined> {
    return db.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  },
  async touch(db: Executor, idHash: string, lastSeenAt: string): Promise<void> {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt })
      .where('id_hash', '=', idHash)
      .execute();
  },
  async delete(db: Executor, idHash: string): Promise<void> {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  },
  /** Ends every session of a user but `keepIdHash` (the one that asked, when a user changes their own password). */
  async deleteOfUser(db: Executor, userId: string, keepIdHash?: string): Promise<number> {
    let query = db.deleteFrom('sessions').where('user_id', '=', userId);
    if (keepIdHash !== undefined) query = query.where('id_hash', '!=', keepIdHash);
    return Number((await query.executeTakeFirst()).numDeletedRows);
  },
  /** Drops sessions past their absolute expiry. */
  async deleteExpired(db: Executor, now: string): Promise<void> {
    await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  },
};
