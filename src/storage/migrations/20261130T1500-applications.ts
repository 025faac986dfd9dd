import { type Kysely } from 'kysely';
import { makeAppendOnly } from '../append-only.js';

/**
 * Disclosure applications: the record, its append-only event history, per-agency-year sequence counters for
 * tracking numbers, appeals (行政复议, 行政诉讼), and the table 二 figures staff enter for a report year.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('applications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('tracking_number', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('query_code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('idempotency_hash', 'varchar(64)')
    .addColumn('applicant_type', 'varchar(32)', (c) => c.notNull())
    .addColumn('applicant_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('identity_kind', 'varchar(16)')
    .addColumn('identity_number', 'varchar(64)')
    .addColumn('phone', 'varchar(200)')
    .addColumn('email', 'varchar(200)')
    .addColumn('address', 'varchar(2000)')
    .addColumn('contact_person', 'varchar(200)')
    .addColumn('applicant_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('request_title', 'varchar(2000)')
    .addColumn('request_document_number', 'varchar(200)')
    .addColumn('request_description', 'text', (c) => c.notNull())
    .addColumn('form_medium', 'varchar(16)', (c) => c.notNull())
    .addColumn('delivery_way', 'varchar(16)', (c) => c.notNull())
    .addColumn('form_note', 'varchar(2000)')
    .addColumn('channel', 'varchar(16)', (c) => c.notNull())
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('duplicate_of_id', 'varchar(36)')
    .addColumn('duplicate_percent', 'integer')
    .addColumn('status', 'varchar(32)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(64)')
    .addColumn('registered_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('received_on', 'varchar(10)')
    .addColumn('closed_on', 'varchar(10)')
    .addColumn('due_on', 'varchar(10)')
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('applications_agency_year_seq', ['agency_id', 'year', 'seq'])
    .addUniqueConstraint('applications_idempotency', ['agency_id', 'idempotency_hash'])
    .execute();
  await db.schema
    .createIndex('applications_applicant_idx')
    .on('applications')
    .columns(['agency_id', 'applicant_key', 'registered_on'])
    .execute();
  await db.schema
    .createIndex('applications_open_idx')
    .on('applications')
    .columns(['agency_id', 'closed_on', 'due_on'])
    .execute();

  await db.schema
    .createTable('application_events')
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('applications.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(36)')
    .addColumn('actor', 'varchar(200)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_events_pk', ['application_id', 'seq'])
    .execute();

  await db.schema
    .createTable('application_counters')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_counters_pk', ['agency_id', 'year'])
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('applications.id'))
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'varchar(48)', (c) => c.notNull())
    .addColumn('filed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('result', 'varchar(16)')
    .addColumn('decided_on', 'varchar(10)')
    .addColumn('case_number', 'varchar(200)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('appeals_application_idx').on('appeals').column('application_id').execute();
  await db.schema
    .createIndex('appeals_agency_idx')
    .on('appeals')
    .columns(['agency_id', 'filed_on'])
    .execute();

  await db.schema
    .createTable('report_figures')
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('proactive_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_figures_pk', ['agency_id', 'year'])
    .execute();

  // The history is append-only, like the audit trail.
  await makeAppendOnly(db, 'application_events');
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
