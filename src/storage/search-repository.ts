/**
 * The search index (docs/search.md): rows of `search_documents` and their words, per dialect — SQLite FTS5
 * (`search_fts`, rowid = doc_key) or PostgreSQL tsvectors with GIN indexes. Every list is ordered by `doc_key`
 * (publication day × 10⁸ + serial) and paged by keyset, never OFFSET.
 */
import { sql, SqliteAdapter, type RawBuilder } from 'kysely';
import type { Executor } from './executor.js';
import type { SearchDocumentTable } from './schema.js';

export type SearchRow = Omit<SearchDocumentTable, 'doc_key'>;

/** The words to index: the title's, and those of title, body and attachments together (space-separated). */
export interface IndexedWords {
  title: string;
  all: string;
}

/** Which documents a query reaches: words (all must occur), where (title only, or anywhere but not the title). */
export interface WordMatch {
  words: readonly string[];
  /** `title`: all words in the title; `bodyOnly`: all words somewhere, not all in the title; `any`: anywhere. */
  where: 'title' | 'bodyOnly' | 'any';
}

export interface IndexScope {
  agencyIds?: readonly string[];
  agency?: string;
  item?: string;
  year?: number;
  genre?: string;
  validity?: string;
  subject?: string;
}

export type ListedRow = Omit<SearchDocumentTable, 'body_text' | 'attachment_text'> & {
  body_text?: string;
  attachment_text?: string;
};

export interface FacetComboRow {
  agency_id: string;
  item: string | null;
  year: number;
  genre: string | null;
  validity: string | null;
  subject: string | null;
  n: number;
}

const DAY_FACTOR = 100_000_000;

function isSqlite(db: Executor): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
}

const listColumns = sql.raw(
  [
    'd.doc_key',
    'd.id',
    'd.agency_id',
    'd.title',
    'd.document_number',
    'd.document_number_key',
    'd.index_number',
    'd.index_number_key',
    'd.item',
    'd.genre',
    'd.subject',
    'd.catalog',
    'd.validity',
    'd.year',
    'd.published_on',
    'd.indexed_at',
  ].join(', '),
);

function fixKey<T extends { doc_key: number | string }>(row: T): T {
  // PostgreSQL returns bigint as text; keys stay below 2^53 (day × 10⁸).
  return { ...row, doc_key: Number(row.doc_key) };
}

function ftsQuery(match: WordMatch): string {
  const all = match.words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' AND ');
  if (match.where === 'title') return `title : (${all})`;
  if (match.where === 'bodyOnly') return `(${all}) NOT (title : (${all}))`;
  return all;
}

function scopeConditions(scope: IndexScope): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (scope.agencyIds) {
    out.push(
      scope.agencyIds.length === 0
        ? sql`1 = 0`
        : sql`d.agency_id in (${sql.join(scope.agencyIds.map((id) => sql`${id}`))})`,
    );
  }
  if (scope.agency !== undefined) out.push(sql`d.agency_id = ${scope.agency}`);
  if (scope.item !== undefined) out.push(sql`d.item = ${scope.item}`);
  if (scope.year !== undefined) out.push(sql`d.year = ${scope.year}`);
  if (scope.genre !== undefined) out.push(sql`d.genre = ${scope.genre}`);
  if (scope.validity !== undefined) out.push(sql`d.validity = ${scope.validity}`);
  if (scope.subject !== undefined) out.push(sql`d.subject = ${scope.subject}`);
  return out;
}

function pgQuery(words: readonly string[]): RawBuilder<unknown> {
  return sql`plainto_tsquery('simple', ${words.join(' ')})`;
}

function pgMatch(match: WordMatch): RawBuilder<unknown> {
  const q = pgQuery(match.words);
  if (match.where === 'title') return sql`d.tsv_title @@ ${q}`;
  if (match.where === 'bodyOnly') return sql`(d.tsv_all @@ ${q} and not d.tsv_title @@ ${q})`;
  return sql`d.tsv_all @@ ${q}`;
}

function where(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` and `);
}

export const searchRepository = {
  /** Adds or replaces a document and its words; keeps its key when the publication date is unchanged. */
  async upsert(db: Executor, row: SearchRow, words: IndexedWords): Promise<void> {
    const existing = await db
      .selectFrom('search_documents')
      .select(['doc_key', 'published_on'])
      .where('id', '=', row.id)
      .executeTakeFirst();
    let key: number;
    if (existing && existing.published_on === row.published_on) {
      key = Number(existing.doc_key);
      await db.updateTable('search_documents').set(row).where('doc_key', '=', key).execute();
      if (isSqlite(db)) await sql`delete from search_fts where rowid = ${key}`.execute(db);
    } else {
      if (existing) await this.remove(db, row.id);
      const base = dayNumber(row.published_on) * DAY_FACTOR;
      const last = await db
        .selectFrom('search_documents')
        .select((eb) => eb.fn.max('doc_key').as('k'))
        .where('doc_key', '>=', base)
        .where('doc_key', '<', base + DAY_FACTOR)
        .executeTakeFirst();
      key = last?.k === null || last?.k === undefined ? base + 1 : Number(last.k) + 1;
      await db
        .insertInto('search_documents')
        .values({ ...row, doc_key: key })
        .execute();
    }
    if (isSqlite(db)) {
      await sql`insert into search_fts (rowid, title, body) values (${key}, ${words.title}, ${words.all})`.execute(
        db,
      );
    } else {
      await sql`update search_documents
        set tsv_title = to_tsvector('simple', ${words.title}), tsv_all = to_tsvector('simple', ${words.all})
        where doc_key = ${key}`.execute(db);
    }
  },

  /** How many documents the index holds (the public ones). */
  async countAll(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** One page of the index's documents (id, agency, publication date) in key order: the sitemap. */
  async listPage(
    db: Executor,
    offset: number,
    limit: number,
  ): Promise<{ id: string; agencyId: string; publishedOn: string }[]> {
    const rows = await db
      .selectFrom('search_documents')
      .select(['id', 'agency_id', 'published_on'])
      .orderBy('doc_key')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, publishedOn: String(r.published_on) }));
  },

  /** The ids among `ids` that are in the index. */
  async existingIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.selectFrom('search_documents').select('id').where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },

  /**
   * Adds documents that are not in the index yet, a few statements for the lot (imports, rebuilds): keys are
   * handed out per publication day after the day's highest, rows and words inserted 100 to a statement.
   */
  async insertMany(db: Executor, entries: readonly { row: SearchRow; words: IndexedWords }[]): Promise<void> {
    if (entries.length === 0) return;
    const nextByDay = new Map<string, number>();
    for (const day of new Set(entries.map((e) => e.row.published_on))) {
      const base = dayNumber(day) * DAY_FACTOR;
      const last = await db
        .selectFrom('search_documents')
        .select((eb) => eb.fn.max('doc_key').as('k'))
        .where('doc_key', '>=', base)
        .where('doc_key', '<', base + DAY_FACTOR)
        .executeTakeFirst();
      nextByDay.set(day, last?.k === null || last?.k === undefined ? base + 1 : Number(last.k) + 1);
    }
    const keyed = entries.map((e) => {
      const key = nextByDay.get(e.row.published_on)!;
      nextByDay.set(e.row.published_on, key + 1);
      return { ...e, key };
    });
    const sqlite = isSqlite(db);
    for (let i = 0; i < keyed.length; i += 100) {
      const chunk = keyed.slice(i, i + 100);
      await db
        .insertInto('search_documents')
        .values(chunk.map((e) => ({ ...e.row, doc_key: e.key })))
        .execute();
      if (sqlite) {
        await sql`insert into search_fts (rowid, title, body) values ${sql.join(
          chunk.map((e) => sql`(${e.key}, ${e.words.title}, ${e.words.all})`),
        )}`.execute(db);
      } else {
        await sql`update search_documents as d
          set tsv_title = to_tsvector('simple', v.title), tsv_all = to_tsvector('simple', v.body)
          from (values ${sql.join(
            chunk.map((e) => sql`(${e.key}::bigint, ${e.words.title}::text, ${e.words.all}::text)`),
          )}) as v(doc_key, title, body)
          where d.doc_key = v.doc_key`.execute(db);
      }
    }
  },

  /** Removes a document from the index; false when it was not there. */
  async remove(db: Executor, id: string): Promise<boolean> {
    const existing = await db
      .selectFrom('search_documents')
      .select('doc_key')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!existing) return false;
    const key = Number(existing.doc_key);
    if (isSqlite(db)) await sql`delete from search_fts where rowid = ${key}`.execute(db);
    await db.deleteFrom('search_documents').where('doc_key', '=', key).execute();
    return true;
  },

  async findById(db: Executor, id: string): Promise<SearchDocumentTable | undefined> {
    const row = await db.selectFrom('search_documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fixKey(row) : undefined;
  },

  /** Documents whose 文号 or 索引号 has this key, newest first (at most `limit`). */
  async findByNumberKey(db: Executor, key: string, scope: IndexScope, limit: number): Promise<ListedRow[]> {
    const rows = await sql<ListedRow>`select ${listColumns}, d.body_text, d.attachment_text
      from search_documents d
      where (d.document_number_key = ${key} or d.index_number_key = ${key}) and ${where(scopeConditions(scope))}
      order by d.doc_key desc limit ${limit}`.execute(db);
    return rows.rows.map(fixKey);
  },

  /**
   * One keyset page: documents matching `match` (or all, when null) in `scope`, with a key below `beforeKey`,
   * newest first; `limit` rows at most. Body and attachment text are included for snippets.
   */
  async page(
    db: Executor,
    match: WordMatch | null,
    scope: IndexScope,
    beforeKey: number | null,
    limit: number,
  ): Promise<ListedRow[]> {
    const conditions = scopeConditions(scope);
    const text = sql.raw(match ? ', d.body_text, d.attachment_text' : '');
    if (match && isSqlite(db)) {
      if (beforeKey !== null) conditions.push(sql`f.rowid < ${beforeKey}`);
      const rows = await sql<ListedRow>`select ${listColumns}${text}
        from search_fts f join search_documents d on d.doc_key = f.rowid
        where search_fts match ${ftsQuery(match)} and ${where(conditions)}
        order by f.rowid desc limit ${limit}`.execute(db);
      return rows.rows.map(fixKey);
    }
    if (match) conditions.push(pgMatch(match));
    if (beforeKey !== null) conditions.push(sql`d.doc_key < ${beforeKey}`);
    const rows = await sql<ListedRow>`select ${listColumns}${text}
      from search_documents d where ${where(conditions)}
      order by d.doc_key desc limit ${limit}`.execute(db);
    return rows.rows.map(fixKey);
  },

  /** How many documents match in the scope. */
  async count(db: Executor, match: WordMatch | null, scope: IndexScope): Promise<number> {
    const conditions = scopeConditions(scope);
    if (match && isSqlite(db)) {
      const joined = conditions.length > 0;
      const rows = joined
        ? await sql<{
            n: number;
          }>`select count(*) as n from search_fts f join search_documents d on d.doc_key = f.rowid
            where search_fts match ${ftsQuery(match)} and ${where(conditions)}`.execute(db)
        : await sql<{
            n: number;
          }>`select count(*) as n from search_fts where search_fts match ${ftsQuery(match)}`.execute(db);
      return Number(rows.rows[0]?.n ?? 0);
    }
    if (match) conditions.push(pgMatch(match));
    const rows = await sql<{
      n: number;
    }>`select count(*) as n from search_documents d where ${where(conditions)}`.execute(db);
    return Number(rows.rows[0]?.n ?? 0);
  },

  /** Counts of matching documents by every facet value combination (filters are applied by the caller). */
  async facetCombos(db: Executor, match: WordMatch | null, scope: IndexScope): Promise<FacetComboRow[]> {
    const conditions = scopeConditions(scope);
    let rows: FacetComboRow[];
    if (match && isSqlite(db)) {
      rows = (
        await sql<FacetComboRow>`select d.agency_id, d.item, d.year, d.genre, d.validity, d.subject, count(*) as n
          from search_fts f join search_documents d on d.doc_key = f.rowid
          where search_fts match ${ftsQuery(match)} and ${where(conditions)}
          group by d.agency_id, d.item, d.year, d.genre, d.validity, d.subject`.execute(db)
      ).rows;
    } else {
      if (match) conditions.push(pgMatch(match));
      rows = (
        await sql<FacetComboRow>`select d.agency_id, d.item, d.year, d.genre, d.validity, d.subject, count(*) as n
          from search_documents d where ${where(conditions)}
          group by d.agency_id, d.item, d.year, d.genre, d.validity, d.subject`.execute(db)
      ).rows;
    }
    return rows.map((r) => ({ ...r, year: Number(r.year), n: Number(r.n) }));
  },

  /** How many documents each agency has in the index, by item (for the portal's column counts). */
  async countsByAgencyAndItem(
    db: Executor,
    agencyIds: readonly string[],
  ): Promise<{ agency_id: string; item: string | null; n: number }[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('search_documents')
      .select(['agency_id', 'item', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', 'in', agencyIds)
      .groupBy(['agency_id', 'item'])
      .execute();
    return rows.map((r) => ({ ...r, n: Number(r.n) }));
  },
};
