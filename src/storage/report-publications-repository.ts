import type { AnnualReport } from '../core/report/model.js';
import type { Executor } from './executor.js';
import { reportSectionsRepository } from './report-sections-repository.js';

/** A report as approved and, once published, when. */
export interface ReportPublication {
  agencyId: string;
  year: number;
  status: 'approved' | 'published';
  report: AnnualReport;
  approvedAt: string;
  approvedBy: string;
  publishedAt: string | null;
  publishedOn: string | null;
  publishedBy: string | null;
}

type Row = {
  agency_id: string;
  year: number;
  status: string;
  report_json: string;
  approved_at: string;
  approved_by: string;
  published_at: string | null;
  published_on: string | null;
  published_by: string | null;
};

function toPublication(row: Row): ReportPublication {
  return {
    agencyId: row.agency_id,
    year: row.year,
    status: row.status === 'published' ? 'published' : 'approved',
    report: JSON.parse(row.report_json) as AnnualReport,
    approvedAt: row.approved_at,
    approvedBy: row.approved_by,
    publishedAt: row.published_at,
    publishedOn: row.published_on,
    publishedBy: row.published_by,
  };
}

/** Approved and published annual reports, one per agency and year. */
export const reportPublicationsRepository = {
  async find(db: Executor, agencyId: string, year: number): Promise<ReportPublication | undefined> {
    const row = await db
      .selectFrom('report_publications')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .executeTakeFirst();
    return row && toPublication(row);
  },
  /** An agency's published reports (year and publication day), newest year first. */
  async publishedYears(db: Executor, agencyId: string): Promise<{ year: number; publishedOn: string }[]> {
    const rows = await db
      .selectFrom('report_publications')
      .select(['year', 'published_on'])
      .where('agency_id', '=', agencyId)
      .where('status', '=', 'published')
      .orderBy('year', 'desc')
      .execute();
    return rows.map((r) => ({ year: Number(r.year), publishedOn: r.published_on ?? '' }));
  },
  /** Publication days of the agencies that have published `year` (agency id → YYYY-MM-DD). */
  async publishedOn(db: Executor, agencyIds: readonly string[], year: number): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (let i = 0; i < agencyIds.length; i += 500) {
      const rows = await db
        .selectFrom('report_publications')
        .select(['agency_id', 'published_on'])
        .where('agency_id', 'in', agencyIds.slice(i, i + 500))
        .where('year', '=', year)
        .where('status', '=', 'published')
        .execute();
      for (const row of rows) if (row.published_on) out.set(row.agency_id, row.published_on);
    }
    return out;
  },
  /** Records the approval of a report (replacing an earlier approval that was not published). */
  async approve(
    db: Executor,
    input: { agencyId: string; year: number; report: AnnualReport; at: string; by: string },
  ): Promise<void> {
    const values = {
      status: 'approved',
      report_json: JSON.stringify(input.report),
      approved_at: input.at,
      approved_by: input.by,
      published_at: null,
      published_on: null,
      published_by: null,
    };
    await db
      .insertInto('report_publications')
      .values({ agency_id: input.agencyId, year: input.year, ...values })
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet(values))
      .execute();
  },
  async markPublished(
    db: Executor,
    input: { agencyId: string; year: number; at: string; on: string; by: string },
  ): Promise<void> {
    await db
      .updateTable('report_publications')
      .set({ status: 'published', published_at: input.at, published_on: input.on, published_by: input.by })
      .where('agency_id', '=', input.agencyId)
      .where('year', '=', input.year)
      .execute();
  },
};

/**
 * The section texts staff wrote for a report, as one record (section number → text). Kept in `report_sections`,
 * the same rows the compiled report reads (src/services/reports/compile-annual-report.ts), so text written for the
 * exports and text written through the sections API are one and the same. (`report_texts`, from migration
 * 20261202T1900, is no longer written.)
 */
export const reportTextsRepository = {
  async find(db: Executor, agencyId: string, year: number): Promise<Record<string, string> | undefined> {
    const rows = await reportSectionsRepository.list(db, agencyId, year);
    return rows.size === 0 ? undefined : Object.fromEntries(rows);
  },
  /** Replaces the texts of the report: sections not given are cleared. */
  async upsert(
    db: Executor,
    agencyId: string,
    year: number,
    sections: Record<string, string>,
    at: string,
    by = 'staff',
  ): Promise<void> {
    await reportSectionsRepository.clear(db, agencyId, year);
    for (const [number, text] of Object.entries(sections)) {
      await reportSectionsRepository.upsert(db, agencyId, year, number, text, at, by);
    }
  },
};
