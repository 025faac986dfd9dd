import type { Executor } from './executor.js';
import type { ApiTokenTable } from './schema.js';

/** API tokens for integrations, stored as sha256 hashes. */
export const tokensRepository = {
  async insert(db: Executor, token: ApiTokenTable): Promise<void> {
    await db.insertInto('api_tokens').values(token).execute();
  },
  async findByHash(db: Executor, tokenHash: string): Promise<ApiTokenTable | undefined> {
    return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  },
  async findById(db: Executor, id: string): Promise<ApiTokenTable | undefined> {
    return db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirst();
  },
  async listByUser(db: Executor, userId: string): Promise<ApiTokenTable[]> {
    return db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  },
  async revoke(db: Executor, id: string, at: string, reason: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },
  /** Revokes every live token of a user; returns how many. */
  async revokeAllOfUser(db: Executor, userId: string, at: string, reason: string): Promise<number> {
    const result = await db
      .updateTable('api_tokens')
      .set({ revoked_at: at, revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
  /** Records a use (the caller limits how often, so a busy integration does not write on every request). */
  async touch(db: Executor, id: string, at: string, from: string): Promise<void> {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: at, last_used_from: from })
      .where('id', '=', id)
      .execute();
  },
};
