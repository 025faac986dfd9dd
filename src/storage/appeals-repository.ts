import type { AppealKind, AppealResult } from '../core/applications/compile-report.js';
import type { AppealRecord } from '../core/applications/record.js';
import type { Executor } from './executor.js';
import type { AppealTable } from './schema.js';

function toRecord(row: AppealTable): AppealRecord {
  return {
    id: row.id,
    applicationId: row.application_id,
    agencyId: row.agency_id,
    kind: row.kind as AppealKind,
    filedOn: row.filed_on,
    result: row.result as AppealResult | null,
    decidedOn: row.decided_on,
    caseNumber: row.case_number,
    note: row.note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(a: AppealRecord): AppealTable {
  return {
    id: a.id,
    application_id: a.applicationId,
    agency_id: a.agencyId,
    kind: a.kind,
    filed_on: a.filedOn,
    result: a.result,
    decided_on: a.decidedOn,
    case_number: a.caseNumber,
    note: a.note,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

/** Reconsiderations and lawsuits (行政复议, 行政诉讼) about applications. */
export const appealsRepository = {
  async insert(db: Executor, appeal: AppealRecord): Promise<void> {
    await db.insertInto('appeals').values(toRow(appeal)).execute();
  },
  async update(db: Executor, appeal: AppealRecord): Promise<void> {
    const { id: _id, created_at: _c, ...rest } = toRow(appeal);
    await db.updateTable('appeals').set(rest).where('id', '=', appeal.id).execute();
  },
  async findById(db: Executor, id: string): Promise<AppealRecord | undefined> {
    const row = await db.selectFrom('appeals').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  },
  async listOfApplication(db: Executor, applicationId: string): Promise<AppealRecord[]> {
    const rows = await db
      .selectFrom('appeals')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('filed_on')
      .orderBy('created_at')
      .execute();
    return rows.map(toRecord);
  },
  /** Appeals filed in [from, to] about the agencies' applications. */
  async listFiled(db: Executor, agencyIds: string[], from: string, to: string): Promise<AppealRecord[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('appeals')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .where('filed_on', '>=', from)
      .where('filed_on', '<=', to)
      .execute();
    return rows.map(toRecord);
  },
};
