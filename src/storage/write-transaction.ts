import { sql, SqliteAdapter, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/**
 * Runs `work` in one transaction that will write. On SQLite it starts with BEGIN IMMEDIATE, taking the write lock
 * up front: a deferred transaction that reads first could not wait for another process's lock (busy_timeout does
 * not apply when a read snapshot must be upgraded), so the CLI and the server could fail each other.
 */
export async function writeTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return db.transaction().execute(work);
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}
