import { sql, type Kysely } from 'kysely';

/**
 * Failed logins are throttled with growing delays per (account, address) and per address instead of locking the
 * account (src/core/login-throttle.ts). Keys are hashes; no username or address is stored here. Locks set by the
 * old rule are lifted.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    .addColumn('key_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('blocked_until', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('login_throttles_last_idx')
    .on('login_throttles')
    .column('last_failed_at')
    .execute();
  await sql`update users set locked_until = null, failed_login_count = 0, failed_login_since = null`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
