import type { Executor } from './executor.js';

/** Per-agency, per-year 文号 counters. */
export const answerNumbersRepository = {
  /**
   * Takes the next number of `agencyId` in `year` (1 for the first). One atomic upsert: concurrent callers each
   * get a different number, and a transaction that rolls back returns its number, so there are no gaps.
   */
  async next(db: Executor, agencyId: string, year: number): Promise<number> {
    const row = await db
      .insertInto('answer_numbers')
      .values({ agency_id: agencyId, year, last_number: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet((eb) => ({ last_number: eb('answer_numbers.last_number', '+', 1) })),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return Number(row.last_number);
  },
  /** The last number issued (0 when none). */
  async last(db: Executor, agencyId: string, year: number): Promise<number> {
    const row = await db
      .selectFrom('answer_numbers')
      .select('last_number')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    return Number(row?.last_number ?? 0);
  },
};
