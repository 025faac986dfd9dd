import type { DocumentEvent } from '../../core/publishing/events.js';
import type { DocumentMetadata, DocumentRecord, DocumentStatus } from '../../core/publishing/record.js';
import type { Executor } from '../executor.js';
import { afterKey, keysetPage, type KeysetOrder, type KeysetPage, type KeyValue } from '../keyset.js';
import type { DocumentTable } from './schema.js';

/** What the repository stores beyond the record: where its 索引号 came from and how many events it has. */
export interface StoredDocument {
  record: DocumentRecord;
  indexScope: string;
  indexYear: number;
  indexSeq: number;
  documentNumberKey: string | null;
  eventCount: number;
}

/** One stored event with who recorded it. */
export interface StoredDocumentEvent {
  seq: number;
  event: DocumentEvent;
  actor: string;
  actorUserId: string | null;
  recordedAt: string;
}

/** One version: metadata and body (html kept sanitised, text for search and checks). */
export interface StoredVersion {
  documentId: string;
  version: number;
  metadata: DocumentMetadata;
  bodyHtml: string;
  bodyText: string;
  frozen: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** The filters of a document list; each is an equality an index leads with (after the agency). */
export interface DocumentListFilter {
  agencyIds: string[];
  status?: DocumentStatus;
  art20Item?: string;
  subjectId?: string;
  genre?: string;
  validity?: string;
  disclosure?: string;
  catalogueNodeId?: string;
  /** list_date range (发布日期 once published, else the day drafted), inclusive. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: readonly KeyValue[];
}

/** Lists are newest first by list date, ties by id. */
export const documentListOrder: KeysetOrder = {
  name: 'documents',
  columns: ['list_date', 'id'],
  direction: 'desc',
};

/** Above this many agencies a list is one `IN` query instead of one index seek per agency. */
const SEEK_PER_AGENCY_MAX = 200;

export function documentToRow(s: StoredDocument): DocumentTable {
  const r = s.record;
  const m = r.metadata;
  return {
    id: r.id,
    agency_id: r.agencyId,
    index_number: r.indexNumber,
    index_scope: s.indexScope,
    index_year: s.indexYear,
    index_seq: s.indexSeq,
    title: m.title,
    document_number: m.documentNumber,
    document_number_key: s.documentNumberKey,
    genre: m.genre,
    art20_item: m.art20Item,
    subject_id: m.subjectId,
    catalogue_node_id: m.catalogueNodeId,
    disclosure: m.disclosure.attribute,
    validity: m.validity.status,
    written_on: m.writtenOn,
    formed_on: m.formedOn,
    effective_on: m.validity.effectiveOn,
    expires_on: m.validity.expiresOn,
    repealed_on: m.validity.repealedOn,
    status: r.status,
    current_version: r.currentVersion,
    published_version: r.publishedVersion,
    published_on: r.publishedOn,
    published_at: r.publishedAt,
    scheduled_at: r.scheduledAt,
    due_on: r.dueOn,
    list_date: r.publishedOn ?? r.createdAt.slice(0, 10),
    metadata_json: JSON.stringify(m),
    event_count: s.eventCount,
    created_by: r.createdBy,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

function toStored(row: DocumentTable): StoredDocument {
  return {
    record: {
      id: row.id,
      agencyId: row.agency_id,
      indexNumber: row.index_number,
      metadata: JSON.parse(row.metadata_json) as DocumentMetadata,
      status: row.status as DocumentStatus,
      currentVersion: Number(row.current_version),
      publishedVersion: row.published_version === null ? null : Number(row.published_version),
      publishedOn: row.published_on,
      publishedAt: row.published_at,
      scheduledAt: row.scheduled_at,
      dueOn: row.due_on,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    indexScope: row.index_scope,
    indexYear: Number(row.index_year),
    indexSeq: Number(row.index_seq),
    documentNumberKey: row.document_number_key,
    eventCount: Number(row.event_count),
  };
}

function versionOf(row: {
  document_id: string;
  version: number;
  metadata_json: string;
  body_html: string;
  body_text: string;
  frozen: number;
  created_at: string;
  created_by: string;
  updated_at: string;
}): StoredVersion {
  return {
    documentId: row.document_id,
    version: Number(row.version),
    metadata: JSON.parse(row.metadata_json) as DocumentMetadata,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    frozen: Number(row.frozen) === 1,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
  };
}

function eventRow(documentId: string, e: StoredDocumentEvent) {
  const { type, ...data } = e.event;
  return {
    document_id: documentId,
    seq: e.seq,
    type,
    data_json: JSON.stringify(data),
    actor_user_id: e.actorUserId,
    actor: e.actor,
    recorded_at: e.recordedAt,
  };
}

/** Documents, their versions and histories, and the 索引号 counters. */
export const documentsRepository = {
  /**
   * The next 索引号 sequence of a scope (the template's 机构代码) and year. Taken inside the transaction that stores
   * the document: the counter row stays locked until commit (PostgreSQL row lock; SQLite's single writer), and a
   * rollback gives the number back, so numbers are unique and without gaps.
   */
  async nextIndexSeq(db: Executor, scope: string, year: number): Promise<number> {
    const row = await db
      .insertInto('document_index_counters')
      .values({ scope, year, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['scope', 'year'])
          .doUpdateSet((eb) => ({ last_seq: eb('document_index_counters.last_seq', '+', 1) })),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return Number(row.last_seq);
  },
  /** Raises a counter to at least `seq` (a document brought in with its existing 索引号). */
  async raiseIndexSeq(db: Executor, scope: string, year: number, seq: number): Promise<void> {
    await db
      .insertInto('document_index_counters')
      .values({ scope, year, last_seq: seq })
      .onConflict((oc) =>
        oc.columns(['scope', 'year']).doUpdateSet((eb) => ({
          last_seq: eb
            .case()
            .when('document_index_counters.last_seq', '<', seq)
            .then(seq)
            .else(eb.ref('document_index_counters.last_seq'))
            .end(),
        })),
      )
      .execute();
  },
  async insert(db: Executor, stored: StoredDocument): Promise<void> {
    await db.insertInto('documents').values(documentToRow(stored)).execute();
  },
  /** Rewrites the row from the record (metadata copy and workflow projection). */
  async update(db: Executor, stored: StoredDocument): Promise<void> {
    const { id: _id, ...row } = documentToRow(stored);
    await db.updateTable('documents').set(row).where('id', '=', stored.record.id).execute();
  },
  async findById(db: Executor, id: string): Promise<StoredDocument | undefined> {
    const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStored(row);
  },
  async findByIndexNumber(db: Executor, indexNumber: string): Promise<StoredDocument | undefined> {
    const row = await db
      .selectFrom('documents')
      .selectAll()
      .where('index_number', '=', indexNumber)
      .executeTakeFirst();
    return row && toStored(row);
  },
  async findManyByIds(db: Executor, ids: readonly string[]): Promise<StoredDocument[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('documents')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toStored);
  },
  /** Other documents of the agency with the same 文号 (canonical key). */
  async withDocumentNumber(
    db: Executor,
    agencyId: string,
    key: string,
    exceptId: string | null,
  ): Promise<{ id: string; indexNumber: string; title: string; writtenOn: string | null }[]> {
    let q = db
      .selectFrom('documents')
      .select(['id', 'index_number', 'title', 'written_on'])
      .where('agency_id', '=', agencyId)
      .where('document_number_key', '=', key)
      .where('status', '!=', 'withdrawn');
    if (exceptId) q = q.where('id', '!=', exceptId);
    const rows = await q.limit(20).execute();
    return rows.map((r) => ({
      id: r.id,
      indexNumber: r.index_number,
      title: r.title,
      writtenOn: r.written_on,
    }));
  },

  async insertVersion(db: Executor, v: StoredVersion): Promise<void> {
    await db
      .insertInto('document_versions')
      .values({
        document_id: v.documentId,
        version: v.version,
        metadata_json: JSON.stringify(v.metadata),
        body_html: v.bodyHtml,
        body_text: v.bodyText,
        frozen: v.frozen ? 1 : 0,
        created_at: v.createdAt,
        created_by: v.createdBy,
        updated_at: v.updatedAt,
      })
      .execute();
  },
  /** Changes a working version; a frozen (published) version is refused by the database itself. */
  async updateVersion(db: Executor, v: StoredVersion): Promise<void> {
    await db
      .updateTable('document_versions')
      .set({
        metadata_json: JSON.stringify(v.metadata),
        body_html: v.bodyHtml,
        body_text: v.bodyText,
        updated_at: v.updatedAt,
      })
      .where('document_id', '=', v.documentId)
      .where('version', '=', v.version)
      .execute();
  },
  async freezeVersion(db: Executor, documentId: string, version: number): Promise<void> {
    await db
      .updateTable('document_versions')
      .set({ frozen: 1 })
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .where('frozen', '=', 0)
      .execute();
  },
  async getVersion(db: Executor, documentId: string, version: number): Promise<StoredVersion | undefined> {
    const row = await db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && versionOf(row);
  },
  async listVersions(db: Executor, documentId: string): Promise<StoredVersion[]> {
    const rows = await db
      .selectFrom('document_versions')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('version')
      .execute();
    return rows.map(versionOf);
  },

  async appendEvent(db: Executor, documentId: string, e: StoredDocumentEvent): Promise<void> {
    await db.insertInto('document_events').values(eventRow(documentId, e)).execute();
  },
  async listEvents(db: Executor, documentId: string): Promise<StoredDocumentEvent[]> {
    const rows = await db
      .selectFrom('document_events')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: { type: row.type, ...JSON.parse(row.data_json) } as DocumentEvent,
      actor: row.actor,
      actorUserId: row.actor_user_id,
      recordedAt: row.recorded_at,
    }));
  },

  /** Bulk load (demo data, imports, benchmarks): documents with versions and histories, in batches. */
  async insertMany(
    db: Executor,
    items: { stored: StoredDocument; versions: StoredVersion[]; events: StoredDocumentEvent[] }[],
  ): Promise<void> {
    for (let i = 0; i < items.length; i += 200) {
      const batch = items.slice(i, i + 200);
      await db
        .insertInto('documents')
        .values(batch.map((b) => documentToRow(b.stored)))
        .execute();
      const versions = batch.flatMap((b) => b.versions);
      for (const v of versions) await this.insertVersion(db, v);
      const events = batch.flatMap((b) => b.events.map((e) => eventRow(b.stored.record.id, e)));
      for (let j = 0; j < events.length; j += 500) {
        await db
          .insertInto('document_events')
          .values(events.slice(j, j + 500))
          .execute();
      }
    }
  },

  /**
   * One page of a list, newest first. With several agencies each is read by its own index seek (limit + 1 rows
   * each) and the pieces merged, so a subtree of a hundred agencies costs a hundred short seeks, never a sort of
   * every matching row.
   */
  async list(db: Executor, filter: DocumentListFilter): Promise<KeysetPage<StoredDocument>> {
    if (filter.agencyIds.length === 0) return { items: [], nextCursor: null };
    const one = (agencyIds: string[]) => {
      let q = db.selectFrom('documents').selectAll();
      q =
        agencyIds.length === 1
          ? q.where('agency_id', '=', agencyIds[0]!)
          : q.where('agency_id', 'in', agencyIds);
      if (filter.status) q = q.where('status', '=', filter.status);
      if (filter.art20Item) q = q.where('art20_item', '=', filter.art20Item);
      if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
      if (filter.genre) q = q.where('genre', '=', filter.genre);
      if (filter.validity) q = q.where('validity', '=', filter.validity);
      if (filter.disclosure) q = q.where('disclosure', '=', filter.disclosure);
      if (filter.catalogueNodeId) q = q.where('catalogue_node_id', '=', filter.catalogueNodeId);
      if (filter.from) q = q.where('list_date', '>=', filter.from);
      if (filter.to) q = q.where('list_date', '<=', filter.to);
      if (filter.cursor) q = q.where(afterKey(documentListOrder, filter.cursor));
      return q
        .orderBy('list_date', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit + 1);
    };
    let rows: DocumentTable[];
    if (filter.agencyIds.length === 1 || filter.agencyIds.length > SEEK_PER_AGENCY_MAX) {
      rows = await one(filter.agencyIds).execute();
    } else {
      const parts = filter.agencyIds.map((id, i) => db.selectFrom(one([id]).as(`p${i}`)).selectAll());
      let union = parts[0]!;
      for (const part of parts.slice(1)) union = union.unionAll(part);
      rows = await db
        .selectFrom(union.as('u'))
        .selectAll()
        .orderBy('list_date', 'desc')
        .orderBy('id', 'desc')
        .limit(filter.limit + 1)
        .execute();
    }
    const page = keysetPage(rows, filter.limit, documentListOrder, (r) => [r.list_date, r.id]);
    return { items: page.items.map(toStored), nextCursor: page.nextCursor };
  },

  /** Unpublished proactive documents with an Art 26 due date on or before `dueOnOrBefore`, earliest first. */
  async dueList(
    db: Executor,
    agencyIds: string[],
    dueOnOrBefore: string,
    limit: number,
  ): Promise<StoredDocument[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('documents')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .where('due_on', 'is not', null)
      .where('due_on', '<=', dueOnOrBefore)
      .orderBy('due_on')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toStored);
  },

  /** Scheduled documents whose time has come. */
  async scheduledDue(db: Executor, now: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('documents')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now)
      .orderBy('scheduled_at')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
};
