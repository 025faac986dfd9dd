import type { Executor } from '../executor.js';

/** An attachment of one version (its bytes live once per content in document_blobs). */
export interface StoredAttachment {
  id: string;
  documentId: string;
  version: number;
  position: number;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** Text extracted for search and the personal-data check; null when none could be read. */
  textContent: string | null;
  /** What intake found (type check, findings…), as the intake module records it. */
  details: Record<string, unknown>;
  createdAt: string;
  createdBy: string;
}

type Row = {
  id: string;
  document_id: string;
  version: number;
  position: number;
  name: string;
  media_type: string;
  size_bytes: number;
  sha256: string;
  text_content: string | null;
  details_json: string;
  created_at: string;
  created_by: string;
};

function toStored(r: Row): StoredAttachment {
  return {
    id: r.id,
    documentId: r.document_id,
    version: Number(r.version),
    position: Number(r.position),
    name: r.name,
    mediaType: r.media_type,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    textContent: r.text_content,
    details: JSON.parse(r.details_json) as Record<string, unknown>,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

function toRow(a: StoredAttachment): Row {
  return {
    id: a.id,
    document_id: a.documentId,
    version: a.version,
    position: a.position,
    name: a.name,
    media_type: a.mediaType,
    size_bytes: a.sizeBytes,
    sha256: a.sha256,
    text_content: a.textContent,
    details_json: JSON.stringify(a.details),
    created_at: a.createdAt,
    created_by: a.createdBy,
  };
}

/** Attachment bytes and the attachments of each version. */
export const documentAttachmentsRepository = {
  /** Stores bytes once per content (same hash, same bytes). */
  async putBlob(db: Executor, sha256: string, content: Uint8Array): Promise<void> {
    await db
      .insertInto('document_blobs')
      .values({ sha256, size_bytes: content.byteLength, content: Buffer.from(content) })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  },
  async getBlob(db: Executor, sha256: string): Promise<Uint8Array | undefined> {
    const row = await db
      .selectFrom('document_blobs')
      .select('content')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    return row ? new Uint8Array(row.content) : undefined;
  },
  async insert(db: Executor, a: StoredAttachment): Promise<void> {
    await db.insertInto('document_attachments').values(toRow(a)).execute();
  },
  async list(db: Executor, documentId: string, version: number): Promise<StoredAttachment[]> {
    const rows = await db
      .selectFrom('document_attachments')
      .selectAll()
      .where('document_id', '=', documentId)
      .where('version', '=', version)
      .orderBy('position')
      .execute();
    return rows.map(toStored);
  },
  async findById(db: Executor, id: string): Promise<StoredAttachment | undefined> {
    const row = await db
      .selectFrom('document_attachments')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toStored(row);
  },
  async remove(db: Executor, id: string): Promise<void> {
    await db.deleteFrom('document_attachments').where('id', '=', id).execute();
  },
  /** A revision starts with the attachments of the version it revises (same bytes, new rows). */
  async copyToVersion(
    db: Executor,
    documentId: string,
    from: number,
    to: number,
    newId: () => string,
    at: string,
    by: string,
  ): Promise<void> {
    for (const a of await this.list(db, documentId, from)) {
      await this.insert(db, { ...a, id: newId(), version: to, createdAt: at, createdBy: by });
    }
  },
};
