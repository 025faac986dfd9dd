import { agencySettingsSchema, type Agency, type AgencyKind } from '../core/agency.js';
import type { Executor } from './executor.js';
import type { AgencyTable } from './schema.js';

function toAgency(row: AgencyTable): Agency {
  return {
    id: row.id,
    parentId: row.parent_id,
    code: row.code,
    name: row.name,
    kind: row.kind as AgencyKind,
    officeName: row.office_name,
    address: row.address,
    officeHours: row.office_hours,
    phone: row.phone,
    fax: row.fax,
    website: row.website,
    email: row.email,
    settings: agencySettingsSchema.parse(JSON.parse(row.settings_json)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(agency: Agency): AgencyTable {
  return {
    id: agency.id,
    parent_id: agency.parentId,
    code: agency.code,
    name: agency.name,
    kind: agency.kind,
    office_name: agency.officeName,
    address: agency.address,
    office_hours: agency.officeHours,
    phone: agency.phone,
    fax: agency.fax,
    website: agency.website,
    email: agency.email,
    settings_json: JSON.stringify(agency.settings),
    created_at: agency.createdAt,
    updated_at: agency.updatedAt,
  };
}

/** Agencies (机关) and their 指南 details. */
export const agenciesRepository = {
  async insert(db: Executor, agency: Agency): Promise<void> {
    await db.insertInto('agencies').values(toRow(agency)).execute();
  },
  async update(db: Executor, agency: Agency): Promise<void> {
    const { id: _id, created_at: _created, ...rest } = toRow(agency);
    await db.updateTable('agencies').set(rest).where('id', '=', agency.id).execute();
  },
  async findById(db: Executor, id: string): Promise<Agency | undefined> {
    const row = await db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAgency(row);
  },
  async findByCode(db: Executor, code: string): Promise<Agency | undefined> {
    const row = await db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toAgency(row);
  },
  async listAll(db: Executor): Promise<Agency[]> {
    const rows = await db.selectFrom('agencies').selectAll().orderBy('created_at').orderBy('code').execute();
    return rows.map(toAgency);
  },
  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('agencies')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
