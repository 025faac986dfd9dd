import { sql, SqliteAdapter, type Kysely } from 'kysely';
import { makeAppendOnly } from '../append-only.js';

/**
 * 主动公开: documents (the working version's metadata copied onto the row for lists), their versions (frozen once
 * published: a trigger refuses any change), the append-only event history, gap-free 索引号 counters, attachment
 * bytes (one row per distinct content) and attachments, links between documents (解读 ↔ policy, 回应关切), the
 * channels each item also went out on, and each agency's publishing settings (review chain, 索引号 template, 目录).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('publishing_settings')
    .addColumn('agency_id', 'varchar(36)', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('settings_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('index_number', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('index_scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('index_year', 'integer', (c) => c.notNull())
    .addColumn('index_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('document_number', 'varchar(100)')
    .addColumn('document_number_key', 'varchar(100)')
    .addColumn('genre', 'varchar(24)', (c) => c.notNull())
    .addColumn('art20_item', 'varchar(32)', (c) => c.notNull())
    .addColumn('subject_id', 'varchar(8)', (c) => c.notNull())
    .addColumn('catalogue_node_id', 'varchar(40)')
    .addColumn('disclosure', 'varchar(16)', (c) => c.notNull())
    .addColumn('validity', 'varchar(16)', (c) => c.notNull())
    .addColumn('written_on', 'varchar(10)')
    .addColumn('formed_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('effective_on', 'varchar(10)')
    .addColumn('expires_on', 'varchar(10)')
    .addColumn('repealed_on', 'varchar(10)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('published_version', 'integer')
    .addColumn('published_on', 'varchar(10)')
    .addColumn('published_at', 'varchar(32)')
    .addColumn('scheduled_at', 'varchar(32)')
    .addColumn('due_on', 'varchar(10)')
    // The date lists sort by: 发布日期 once published, else the day it was drafted.
    .addColumn('list_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('metadata_json', 'text', (c) => c.notNull())
    .addColumn('event_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('documents_index_scope_year_seq', ['index_scope', 'index_year', 'index_seq'])
    .execute();
  // Every list is (agency, [one filter,] list_date desc, id desc): an index seek per agency, whatever the page.
  const listIndex = async (name: string, filter: string | null) =>
    db.schema
      .createIndex(`documents_list_${name}_idx`)
      .on('documents')
      .columns(filter ? ['agency_id', filter, 'list_date', 'id'] : ['agency_id', 'list_date', 'id'])
      .execute();
  await listIndex('all', null);
  for (const column of [
    'status',
    'art20_item',
    'subject_id',
    'genre',
    'validity',
    'disclosure',
    'catalogue_node_id',
  ]) {
    await listIndex(column.replace(/_id$|_item$/, ''), column);
  }
  await db.schema
    .createIndex('documents_number_idx')
    .on('documents')
    .columns(['agency_id', 'document_number_key'])
    .execute();
  await db.schema.createIndex('documents_due_idx').on('documents').columns(['agency_id', 'due_on']).execute();
  await db.schema
    .createIndex('documents_scheduled_idx')
    .on('documents')
    .columns(['status', 'scheduled_at'])
    .execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('metadata_json', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('frozen', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_versions_pk', ['document_id', 'version'])
    .execute();
  // A published version is frozen: no code path may change or delete it.
  if (sqlite) {
    await sql`create trigger document_versions_frozen_update before update on document_versions
      when old.frozen = 1 begin select raise(abort, 'a published version is frozen'); end`.execute(db);
    await sql`create trigger document_versions_frozen_delete before delete on document_versions
      when old.frozen = 1 begin select raise(abort, 'a published version is frozen'); end`.execute(db);
  } else {
    await sql`create function document_versions_frozen() returns trigger language plpgsql as $$
      begin if old.frozen = 1 then raise exception 'a published version is frozen'; end if;
      if tg_op = 'DELETE' then return old; end if; return new; end $$`.execute(db);
    await sql`create trigger document_versions_frozen before update or delete on document_versions
      for each row execute function document_versions_frozen()`.execute(db);
  }

  await db.schema
    .createTable('document_events')
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(32)', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'varchar(36)')
    .addColumn('actor', 'varchar(200)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_events_pk', ['document_id', 'seq'])
    .execute();
  await makeAppendOnly(db, 'document_events');

  await db.schema
    .createTable('document_index_counters')
    .addColumn('scope', 'varchar(40)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_index_counters_pk', ['scope', 'year'])
    .execute();

  await db.schema
    .createTable('document_blobs')
    .addColumn('sha256', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', sqlite ? 'blob' : 'bytea', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('document_attachments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(255)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull().references('document_blobs.sha256'))
    .addColumn('text_content', 'text')
    .addColumn('details_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_attachments_doc_idx')
    .on('document_attachments')
    .columns(['document_id', 'version', 'position'])
    .execute();

  await db.schema
    .createTable('document_links')
    .addColumn('from_id', 'varchar(36)', (c) => c.notNull().references('documents.id'))
    .addColumn('to_id', 'varchar(36)', (c) => c.notNull().references('documents.id'))
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_links_pk', ['from_id', 'to_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('document_links_to_idx')
    .on('document_links')
    .columns(['to_id', 'kind'])
    .execute();

  await db.schema
    .createTable('document_channels')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('document_id', 'varchar(36)', (c) => c.notNull().references('documents.id'))
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull().references('agencies.id'))
    .addColumn('channel', 'varchar(24)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)')
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('url', 'varchar(2000)')
    .addColumn('recorded_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_channels_doc_idx')
    .on('document_channels')
    .column('document_id')
    .execute();
  await db.schema
    .createIndex('document_channels_agency_idx')
    .on('document_channels')
    .columns(['agency_id', 'published_on'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
