import { sql, type Kysely } from 'kysely';

/**
 * Case lists answered by the database (issue 18): each open case keeps the working-day ordinal of its due date in
 * its agency's calendar (`due_ordinal`; days left as of a date is `due_ordinal - ordinal(date)`) and whether that
 * due date is provisional; `case_clock_basis` records which calendar and counting rule the stored values were
 * computed with, so they are recomputed when either changes. Each list has an index that answers its filter in its
 * order, so a keyset page is one index range whatever its depth.
 *
 * The new columns start empty: the platform fills them when it opens (no basis row yet for any agency).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('due_ordinal', 'integer').execute();
  await db.schema
    .alterTable('applications')
    .addColumn('due_provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('case_clock_basis')
    .addColumn('agency_id', 'varchar(36)', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('calendar_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('refreshed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  const listColumns = ['agency_id', 'registered_on', 'tracking_number'];
  await db.schema.createIndex('applications_list_idx').on('applications').columns(listColumns).execute();
  await db.schema
    .createIndex('applications_status_list_idx')
    .on('applications')
    .columns(['agency_id', 'status', 'registered_on', 'tracking_number'])
    .execute();
  await db.schema
    .createIndex('applications_open_list_idx')
    .on('applications')
    .columns(listColumns)
    .where(sql.ref('closed_on'), 'is', null)
    .execute();
  await db.schema
    .createIndex('applications_closed_list_idx')
    .on('applications')
    .columns(listColumns)
    .where(sql.ref('closed_on'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('applications_due_list_idx')
    .on('applications')
    .columns(['agency_id', 'due_on', 'tracking_number', 'due_ordinal'])
    .where(sql.ref('due_ordinal'), 'is not', null)
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
