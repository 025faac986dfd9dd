import type { Executor } from '../executor.js';

/** Each agency's publishing settings as JSON (checked by the core schema when read and written). */
export const publishingSettingsRepository = {
  async get(db: Executor, agencyId: string): Promise<unknown> {
    const row = await db
      .selectFrom('publishing_settings')
      .select('settings_json')
      .where('agency_id', '=', agencyId)
      .executeTakeFirst();
    return row ? (JSON.parse(row.settings_json) as unknown) : undefined;
  },
  async put(db: Executor, agencyId: string, settings: unknown, at: string, by: string): Promise<void> {
    const json = JSON.stringify(settings);
    await db
      .insertInto('publishing_settings')
      .values({ agency_id: agencyId, settings_json: json, updated_at: at, updated_by: by })
      .onConflict((oc) =>
        oc.column('agency_id').doUpdateSet({ settings_json: json, updated_at: at, updated_by: by }),
      )
      .execute();
  },
};
