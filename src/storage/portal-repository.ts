/** What the public portal reads besides the search index: the 指南's 邮编, recent online forms. */
import type { Executor } from './executor.js';

export const portalRepository = {
  async postcodes(db: Executor): Promise<Map<string, string | null>> {
    const rows = await db.selectFrom('agencies').select(['id', 'postcode']).execute();
    return new Map(rows.map((r) => [r.id, r.postcode ?? null]));
  },

  async setPostcode(db: Executor, agencyId: string, postcode: string | null): Promise<void> {
    await db.updateTable('agencies').set({ postcode }).where('id', '=', agencyId).execute();
  },

  /** The ids of every published document (for a rebuild of the search index). */
  async publishedDocumentIds(db: Executor): Promise<string[]> {
    const rows = await db
      .selectFrom('documents')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  },

  /** How many applications one applicant filed online at an agency since a date (the flood guard). */
  async countOnlineSince(
    db: Executor,
    agencyId: string,
    applicantKey: string,
    since: string,
  ): Promise<number> {
    const row = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('applicant_key', '=', applicantKey)
      .where('registered_on', '>=', since)
      .where('channel', '=', 'online')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
