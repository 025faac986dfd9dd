/**
 * What the annual report reads from the document registry (issue 13 item 5): the counting facts of published 规章
 * and 行政规范性文件 (from the covering index `documents_stock_idx`), and the year's published items by 第二十条
 * item and by channel, for the draft of section 一. A document counts once published (it has a published version)
 * and until withdrawn (撤回).
 */
import type { DocumentStockFacts, StockCategory } from '../../core/publishing/report/document-stock.js';
import type { Executor } from '../executor.js';

const CATEGORY: Record<string, StockCategory> = {
  rule: 'regulations',
  normativeDocument: 'normativeDocuments',
};

export const documentStockRepository = {
  /** The 规章 and 行政规范性文件 made by the end of `year`, as counting facts named by 索引号. */
  async stockFacts(db: Executor, agencyIds: readonly string[], year: number): Promise<DocumentStockFacts[]> {
    if (agencyIds.length === 0) return [];
    const last = `${year}-12-31`;
    const rows = await db
      .selectFrom('documents')
      .select(['index_number', 'art20_item', 'written_on', 'published_on', 'repealed_on', 'expires_on'])
      .where('agency_id', 'in', agencyIds)
      .where('art20_item', 'in', ['rule', 'normativeDocument'])
      .where('published_version', 'is not', null)
      .where('status', '!=', 'withdrawn')
      .where((eb) =>
        eb.or([
          eb('written_on', '<=', last),
          eb.and([eb('written_on', 'is', null), eb('published_on', '<=', last)]),
        ]),
      )
      .execute();
    const facts: DocumentStockFacts[] = [];
    for (const row of rows) {
      const madeOn = row.written_on ?? row.published_on;
      if (madeOn === null) continue;
      const ends = [row.repealed_on, row.expires_on].filter((d): d is string => d !== null).sort();
      facts.push({
        id: row.index_number,
        category: CATEGORY[row.art20_item]!,
        madeOn,
        // An end recorded before the making (a data slip) is read as ending the day it was made.
        endedOn: ends[0] === undefined ? null : ends[0] < madeOn ? madeOn : ends[0],
      });
    }
    return facts;
  },

  /** Items first published in `year`, by 第二十条 item. */
  async publishedByItem(
    db: Executor,
    agencyIds: readonly string[],
    year: number,
  ): Promise<{ item: string; count: number }[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('documents')
      .select(['art20_item', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('agency_id', 'in', agencyIds)
      .where('published_version', 'is not', null)
      .where('status', '!=', 'withdrawn')
      .where('published_on', '>=', `${year}-01-01`)
      .where('published_on', '<=', `${year}-12-31`)
      .groupBy('art20_item')
      .execute();
    return rows.map((r) => ({ item: r.art20_item, count: Number(r.n) }));
  },

  /** Publications on other channels in `year` (微信公众号, 微博…), by channel. */
  async publishedByChannel(
    db: Executor,
    agencyIds: readonly string[],
    year: number,
  ): Promise<{ channel: string; count: number }[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('document_channels')
      .select(['channel', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('agency_id', 'in', agencyIds)
      .where('published_on', '>=', `${year}-01-01`)
      .where('published_on', '<=', `${year}-12-31`)
      .groupBy('channel')
      .execute();
    return rows.map((r) => ({ channel: r.channel, count: Number(r.n) }));
  },
};
