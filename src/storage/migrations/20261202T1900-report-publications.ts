import type { Kysely } from 'kysely';

/**
 * The annual report's publication: per agency and year, the report as approved (frozen JSON; its DOCX and PDF
 * are rebuilt from it), who approved it and when, and the day it was published (条例第五十条: by 31 January).
 * Narrative text of the six sections an agency writes is kept per agency and year as well.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('report_publications')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('report_json', 'text', (c) => c.notNull())
    .addColumn('approved_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('approved_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .addColumn('published_on', 'varchar(10)')
    .addColumn('published_by', 'varchar(200)')
    .addPrimaryKeyConstraint('report_publications_pk', ['agency_id', 'year'])
    .execute();
  await db.schema
    .createTable('report_texts')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_texts_pk', ['agency_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
