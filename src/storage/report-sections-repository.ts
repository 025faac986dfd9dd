import type { Executor } from './executor.js';

/** The `report_sections` table (migration 20261202T1501-report-sections), typed here to keep schema.ts shared-free. */
type ReportSectionsTable = {
  report_sections: {
    agency_id: string;
    year: number;
    number: string;
    text: string;
    updated_at: string;
    updated_by: string;
  };
};

/** Section texts staff wrote for a report (一 replacing its draft, 五, 六), by section number. */
export const reportSectionsRepository = {
  async list(db: Executor, agencyId: string, year: number): Promise<Map<string, string>> {
    const rows = await db
      .withTables<ReportSectionsTable>()
      .selectFrom('report_sections')
      .select(['number', 'text'])
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute();
    return new Map(rows.map((r) => [r.number, r.text]));
  },
  async clear(db: Executor, agencyId: string, year: number): Promise<void> {
    await db
      .withTables<ReportSectionsTable>()
      .deleteFrom('report_sections')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .execute();
  },
  async find(db: Executor, agencyId: string, year: number, number: string): Promise<string | undefined> {
    const row = await db
      .withTables<ReportSectionsTable>()
      .selectFrom('report_sections')
      .select('text')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .where('number', '=', number)
      .executeTakeFirst();
    return row?.text;
  },
  async upsert(
    db: Executor,
    agencyId: string,
    year: number,
    number: string,
    text: string,
    at: string,
    by: string,
  ): Promise<void> {
    await db
      .withTables<ReportSectionsTable>()
      .insertInto('report_sections')
      .values({ agency_id: agencyId, year, number, text, updated_at: at, updated_by: by })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'year', 'number']).doUpdateSet({ text, updated_at: at, updated_by: by }),
      )
      .execute();
  },
};
