import type { Executor } from './executor.js';

/** Table 二 figures entered by staff for an agency and year, stored as JSON (the report model's `proactive`). */
export const reportFiguresRepository = {
  async find(
    db: Executor,
    agencyId: string,
    year: number,
  ): Promise<{ proactive: unknown; updatedAt: string } | undefined> {
    const row = await db
      .selectFrom('report_figures')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    return row && { proactive: JSON.parse(row.proactive_json), updatedAt: row.updated_at };
  },
  async upsert(db: Executor, agencyId: string, year: number, proactive: unknown, at: string): Promise<void> {
    const json = JSON.stringify(proactive);
    await db
      .insertInto('report_figures')
      .values({ agency_id: agencyId, year, proactive_json: json, updated_at: at })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'year']).doUpdateSet({ proactive_json: json, updated_at: at }),
      )
      .execute();
  },
};
