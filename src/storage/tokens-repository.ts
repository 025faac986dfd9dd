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
      .execute();
  },
  async revoke(db: Executor, id: string, at: string): Promise<void> {
    await db.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', id).execute();
  },
};
