import type { Kysely } from 'kysely';

/** Days an API token made before this migration lives from the migration on (the default expiry, limits.ts). */
const EXISTING_TOKEN_DAYS = 90;

/**
 * Access that ends with its reason: API tokens get an expiry, a record of their last use and why they were
 * revoked; accounts record who created them and why they were disabled; each role grant records who made it and
 * when (so administrators' own grants can be listed for their supervisors).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds one at a time.
  const add = async (
    table: string,
    column: string,
    type: 'varchar(32)' | 'varchar(36)' | 'varchar(200)' | 'varchar(2000)',
  ) => db.schema.alterTable(table).addColumn(column, type).execute();
  await add('api_tokens', 'expires_at', 'varchar(32)');
  await add('api_tokens', 'last_used_at', 'varchar(32)');
  await add('api_tokens', 'last_used_from', 'varchar(200)');
  await add('api_tokens', 'revoked_reason', 'varchar(32)');
  await add('users', 'created_by', 'varchar(200)');
  await add('users', 'created_by_user_id', 'varchar(36)');
  await add('users', 'disabled_reason', 'varchar(2000)');
  await add('user_roles', 'granted_at', 'varchar(32)');
  await add('user_roles', 'granted_by', 'varchar(200)');
  await add('user_roles', 'granted_by_user_id', 'varchar(36)');
  // Tokens made before expiry existed: they keep working for the default lifetime, counted from now (counting from
  // their creation would cut off long-running integrations without warning).
  const expires = new Date(Date.now() + EXISTING_TOKEN_DAYS * 86_400_000).toISOString();
  await (db as Kysely<{ api_tokens: { expires_at: string | null } }>)
    .updateTable('api_tokens')
    .set({ expires_at: expires })
    .where('expires_at', 'is', null)
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
