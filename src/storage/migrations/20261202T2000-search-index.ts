import { sql, SqliteAdapter, type Kysely } from 'kysely';

/**
 * The search index of published documents (docs/search.md). `search_documents` holds what lists, facets and
 * snippets need; its `doc_key` orders by publication date (day number × 10⁸ + a serial), so "newest first" and
 * keyset pages are a walk down one integer. The words, segmented by jieba, live in an FTS5 table on SQLite (its
 * rowid is `doc_key`) and in two tsvector columns with GIN indexes on PostgreSQL (title; title + body + attachments).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('search_documents')
    .addColumn('doc_key', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('agency_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'varchar(200)')
    .addColumn('document_number_key', 'varchar(200)')
    .addColumn('index_number', 'varchar(200)')
    .addColumn('index_number_key', 'varchar(200)')
    .addColumn('item', 'varchar(64)')
    .addColumn('genre', 'varchar(64)')
    .addColumn('subject', 'varchar(64)')
    .addColumn('catalog', 'varchar(500)')
    .addColumn('validity', 'varchar(32)')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('attachment_text', 'text', (c) => c.notNull())
    .addColumn('indexed_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_documents_agency_idx')
    .on('search_documents')
    .columns(['agency_id', 'item', 'doc_key'])
    .execute();
  await db.schema
    .createIndex('search_documents_agency_key_idx')
    .on('search_documents')
    .columns(['agency_id', 'doc_key'])
    .execute();
  await db.schema
    .createIndex('search_documents_number_idx')
    .on('search_documents')
    .column('document_number_key')
    .execute();
  await db.schema
    .createIndex('search_documents_index_number_idx')
    .on('search_documents')
    .column('index_number_key')
    .execute();
  if (sqlite) {
    // Contentless: the words are kept only as the index; snippets come from search_documents.
    await sql`create virtual table search_fts using fts5(
      title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
    )`.execute(db);
    return;
  }
  await sql`alter table search_documents add column tsv_title tsvector not null default ''::tsvector`.execute(
    db,
  );
  await sql`alter table search_documents add column tsv_all tsvector not null default ''::tsvector`.execute(
    db,
  );
  await sql`create index search_documents_tsv_title_idx on search_documents using gin (tsv_title)`.execute(
    db,
  );
  await sql`create index search_documents_tsv_all_idx on search_documents using gin (tsv_all)`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('migrations are forward-only');
}
