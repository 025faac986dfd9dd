import type { Kysely } from 'kysely';

/**
 * The narrative text staff write for a report's sections (issue 13 item 5): 五 (problems and improvements) and 六
 * (other matters) are theirs alone; 一 starts as a draft written from the records and may be replaced by their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_sections')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'varchar(4)', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_sections_pk', ['agency_id', 'year', 'number'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
