import type { Kysely } from 'kysely';

/** 邮编 of the agency's disclosure office, shown in its 政府信息公开指南 beside the address (61号). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('postcode', 'varchar(16)').execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
