import type { AnswerTemplateKind } from '../core/answers/templates.js';
import type { Executor } from './executor.js';
import type { AnswerTemplateTable } from './schema.js';

/** One stored version of an agency's template. */
export interface StoredAnswerTemplate {
  agencyId: string;
  kind: AnswerTemplateKind;
  version: number;
  title: string | null;
  body: string;
  createdAt: string;
  createdBy: string;
}

function toStored(row: AnswerTemplateTable): StoredAnswerTemplate {
  return {
    agencyId: row.agency_id,
    kind: row.kind as AnswerTemplateKind,
    version: Number(row.version),
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Answer templates: versions are only ever added, so every earlier wording stays on record. */
export const answerTemplatesRepository = {
  async insert(db: Executor, template: StoredAnswerTemplate): Promise<void> {
    await db
      .insertInto('answer_templates')
      .values({
        agency_id: template.agencyId,
        kind: template.kind,
        version: template.version,
        title: template.title,
        body: template.body,
        created_at: template.createdAt,
        created_by: template.createdBy,
      })
      .execute();
  },
  /** The current (highest) version of every kind edited by any of `agencyIds`. */
  async currentFor(db: Executor, agencyIds: readonly string[]): Promise<StoredAnswerTemplate[]> {
    if (agencyIds.length === 0) return [];
    const rows = await db
      .selectFrom('answer_templates as t')
      .selectAll('t')
      .where('t.agency_id', 'in', [...agencyIds])
      .where((eb) =>
        eb(
          't.version',
          '=',
          eb
            .selectFrom('answer_templates as u')
            .select((u) => u.fn.max('u.version').as('v'))
            .whereRef('u.agency_id', '=', 't.agency_id')
            .whereRef('u.kind', '=', 't.kind'),
        ),
      )
      .execute();
    return rows.map(toStored);
  },
  /** Every version of one kind for one agency, newest first. */
  async history(db: Executor, agencyId: string, kind: AnswerTemplateKind): Promise<StoredAnswerTemplate[]> {
    const rows = await db
      .selectFrom('answer_templates')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind)
      .orderBy('version', 'desc')
      .execute();
    return rows.map(toStored);
  },
  /** The highest version of one kind for one agency (0 when never edited). */
  async latestVersion(db: Executor, agencyId: string, kind: AnswerTemplateKind): Promise<number> {
    const row = await db
      .selectFrom('answer_templates')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('agency_id', '=', agencyId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return Number(row?.v ?? 0);
  },
};
