import type { Kysely } from 'kysely';

/**
 * Answer templates an agency edits (every version kept; the highest is current), the per-agency, per-year
 * counters that number answer documents (文号) without gaps, and the document issued for a case, frozen as issued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('answer_templates')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'varchar(64)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(200)')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_templates_pk', ['agency_id', 'kind', 'version'])
    .execute();

  await db.schema
    .createTable('answer_numbers')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('answer_numbers_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('answer_documents')
    .addColumn('application_id', 'varchar(36)', (c) => c.primaryKey().references('applications.id'))
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('document_number', 'varchar(200)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(64)', (c) => c.notNull())
    .addColumn('dated_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('issued_by', 'varchar(200)', (c) => c.notNull())
    .addUniqueConstraint('answer_documents_number_uq', ['agency_id', 'year', 'number'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
