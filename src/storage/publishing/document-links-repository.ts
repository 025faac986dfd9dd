import type { ChannelKind, ChannelPublication, LinkKind } from '../../core/publishing/record.js';
import type { Executor } from '../executor.js';

/** A link as seen from one document: the other end, the kind and which way it points. */
export interface DocumentLinkRow {
  fromId: string;
  toId: string;
  kind: LinkKind;
  createdAt: string;
  createdBy: string;
}

/** Links between documents (解读 → policy, 回应关切 → document) and the other channels each item went out on. */
export const documentLinksRepository = {
  async add(db: Executor, link: DocumentLinkRow): Promise<void> {
    await db
      .insertInto('document_links')
      .values({
        from_id: link.fromId,
        to_id: link.toId,
        kind: link.kind,
        created_at: link.createdAt,
        created_by: link.createdBy,
      })
      .onConflict((oc) => oc.columns(['from_id', 'to_id', 'kind']).doNothing())
      .execute();
  },
  async remove(db: Executor, fromId: string, toId: string, kind: LinkKind): Promise<number> {
    const result = await db
      .deleteFrom('document_links')
      .where('from_id', '=', fromId)
      .where('to_id', '=', toId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  /** Every link from or to a document. */
  async of(db: Executor, documentId: string): Promise<DocumentLinkRow[]> {
    const rows = await db
      .selectFrom('document_links')
      .selectAll()
      .where((eb) => eb.or([eb('from_id', '=', documentId), eb('to_id', '=', documentId)]))
      .orderBy('created_at')
      .execute();
    return rows.map((r) => ({
      fromId: r.from_id,
      toId: r.to_id,
      kind: r.kind as LinkKind,
      createdAt: r.created_at,
      createdBy: r.created_by,
    }));
  },

  async addChannel(db: Executor, documentId: string, agencyId: string, c: ChannelPublication): Promise<void> {
    await db
      .insertInto('document_channels')
      .values({
        id: c.id,
        document_id: documentId,
        agency_id: agencyId,
        channel: c.channel,
        name: c.name,
        published_on: c.publishedOn,
        url: c.url,
        recorded_by: c.recordedBy,
        recorded_at: c.recordedAt,
      })
      .execute();
  },
  async removeChannel(db: Executor, documentId: string, id: string): Promise<number> {
    const result = await db
      .deleteFrom('document_channels')
      .where('document_id', '=', documentId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
  async channels(db: Executor, documentId: string): Promise<ChannelPublication[]> {
    const rows = await db
      .selectFrom('document_channels')
      .selectAll()
      .where('document_id', '=', documentId)
      .orderBy('published_on')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as ChannelKind,
      name: r.name,
      publishedOn: r.published_on,
      url: r.url,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  },
  /** Items per channel an agency set published in [from, to] (for the annual report's section 一). */
  async countByChannel(
    db: Executor,
    agencyIds: string[],
    from: string,
    to: string,
  ): Promise<{ channel: ChannelKind; count: number }[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('document_channels')
      .select((eb) => ['channel', eb.fn.count<string | number>('document_id').distinct().as('n')])
      .where('agency_id', 'in', agencyIds)
      .where('published_on', '>=', from)
      .where('published_on', '<=', to)
      .groupBy('channel')
      .execute();
    return rows.map((r) => ({ channel: r.channel as ChannelKind, count: Number(r.n) }));
  },
};
