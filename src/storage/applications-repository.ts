import type { CaseEvent } from '../core/applications/events.js';
import type {
  ApplicantType,
  ApplicationRecord,
  DeliveryWay,
  FormMedium,
  IdentityKind,
} from '../core/applications/record.js';
import type { OutcomeCode } from '../core/applications/outcomes.js';
import type { CaseStatus } from '../core/applications/state-machine.js';
import type { Channel } from '../core/clock/events.js';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Executor } from './executor.js';
import { afterKey, type KeysetOrder, type KeyValue } from './keyset.js';
import type { ApplicationTable, Database } from './schema.js';

/** What the repository stores beyond the record: sequence, hashes and the applicant key used for look-ups. */
export interface StoredApplication {
  record: ApplicationRecord;
  year: number;
  seq: number;
  queryCodeHash: string;
  idempotencyHash: string | null;
  applicantKey: string;
  eventCount: number;
  /** Working-day ordinal of the due date in the agency's calendar while open (lists subtract today's from it). */
  dueOrdinal: number | null;
  /** The due date falls in a year without a calendar notice. */
  dueProvisional: boolean;
}

/** One stored event with who recorded it. */
export interface StoredCaseEvent {
  seq: number;
  event: CaseEvent;
  actor: string;
  actorUserId: string | null;
  recordedAt: string;
}

/** The projection of the history kept on the application row. */
export interface ApplicationProjection {
  status: CaseStatus;
  outcome: OutcomeCode | null;
  receivedOn: string | null;
  closedOn: string | null;
  dueOn: string | null;
  dueOrdinal: number | null;
  dueProvisional: boolean;
  eventCount: number;
  updatedAt: string;
}

type Row = ApplicationTable & { duplicate_tracking_number?: string | null };

function toStored(row: Row): StoredApplication {
  return {
    record: {
      id: row.id,
      agencyId: row.agency_id,
      trackingNumber: row.tracking_number,
      applicant: {
        type: row.applicant_type as ApplicantType,
        name: row.applicant_name,
        identityKind: row.identity_kind as IdentityKind | null,
        identityNumber: row.identity_number,
        phone: row.phone,
        email: row.email,
        address: row.address,
        contactPerson: row.contact_person,
      },
      request: {
        title: row.request_title,
        documentNumber: row.request_document_number,
        description: row.request_description,
      },
      form: {
        medium: row.form_medium as FormMedium,
        delivery: row.delivery_way as DeliveryWay,
        note: row.form_note,
      },
      channel: row.channel as Channel,
      submittedAt: row.submitted_at,
      duplicateOf:
        row.duplicate_of_id === null
          ? null
          : {
              id: row.duplicate_of_id,
              trackingNumber: row.duplicate_tracking_number ?? '',
              similarityPercent: Number(row.duplicate_percent ?? 0),
            },
      status: row.status as CaseStatus,
      outcome: row.outcome as OutcomeCode | null,
      registeredOn: row.registered_on,
      receivedOn: row.received_on,
      closedOn: row.closed_on,
      dueOn: row.due_on,
      createdBy: row.created_by,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    },
    year: Number(row.year),
    seq: Number(row.seq),
    queryCodeHash: row.query_code_hash,
    idempotencyHash: row.idempotency_hash,
    applicantKey: row.applicant_key,
    eventCount: Number(row.event_count),
    dueOrdinal: row.due_ordinal === null ? null : Number(row.due_ordinal),
    dueProvisional: Number(row.due_provisional) === 1,
  };
}

function toRow(s: StoredApplication): ApplicationTable {
  const r = s.record;
  return {
    id: r.id,
    agency_id: r.agencyId,
    tracking_number: r.trackingNumber,
    year: s.year,
    seq: s.seq,
    query_code_hash: s.queryCodeHash,
    idempotency_hash: s.idempotencyHash,
    applicant_type: r.applicant.type,
    applicant_name: r.applicant.name,
    identity_kind: r.applicant.identityKind,
    identity_number: r.applicant.identityNumber,
    phone: r.applicant.phone,
    email: r.applicant.email,
    address: r.applicant.address,
    contact_person: r.applicant.contactPerson,
    applicant_key: s.applicantKey,
    request_title: r.request.title,
    request_document_number: r.request.documentNumber,
    request_description: r.request.description,
    form_medium: r.form.medium,
    delivery_way: r.form.delivery,
    form_note: r.form.note,
    channel: r.channel,
    submitted_at: r.submittedAt,
    duplicate_of_id: r.duplicateOf?.id ?? null,
    duplicate_percent: r.duplicateOf?.similarityPercent ?? null,
    status: r.status,
    outcome: r.outcome,
    registered_on: r.registeredOn,
    received_on: r.receivedOn,
    closed_on: r.closedOn,
    due_on: r.dueOn,
    due_ordinal: s.dueOrdinal,
    due_provisional: s.dueProvisional ? 1 : 0,
    event_count: s.eventCount,
    created_by: r.createdBy,
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

/** The facts table 三 and 四 need, per case (compile-report.ts). */
export interface CaseFactsRow {
  id: string;
  trackingNumber: string;
  agencyId: string;
  applicantType: ApplicantType;
  registeredOn: string;
  receivedOn: string | null;
  closedOn: string | null;
  outcome: OutcomeCode | null;
}

/** The counting facts of one case as the report query reads them; `id` is the tracking number. */
export type ReportFactsRow = Omit<CaseFactsRow, 'trackingNumber' | 'agencyId'>;

/** Filters of a case list. */
export interface ApplicationListFilter {
  agencyIds: string[];
  open?: boolean;
  /** Open cases due on or before this date. */
  dueOnOrBefore?: string;
  status?: CaseStatus;
  limit: number;
  offset?: number;
}

/** One agency's part of a case list, with what its calendar says about today. */
export interface CaseListPart {
  agencyId: string;
  /** Today's working-day ordinal in the agency's calendar: days left = due_ordinal − this. */
  todayOrdinal: number;
  /**
   * Deadline lists: the open cases with due_ordinal ≤ `maxOrdinal`, which are exactly those due on or before
   * `onOrBefore` (ordinals never decrease with the date), so the list is one range of its index.
   */
  due?: { maxOrdinal: number; onOrBefore: string };
}

/** A page of a case list: the agencies' parts, filters, where the page starts and how many rows to take. */
export interface CaseListQuery {
  parts: CaseListPart[];
  order: KeysetOrder;
  open?: boolean;
  status?: CaseStatus;
  after?: readonly KeyValue[];
  take: number;
}

/** A case of a list and its working days left as of the parts' today (null when closed or no clock runs). */
export interface CaseListRow {
  stored: StoredApplication;
  daysLeft: number | null;
}

/** The orders of the case lists: newest registration first, or earliest due date first (deadline lists). */
export function caseListOrder(name: string, by: 'registered' | 'due'): KeysetOrder {
  return by === 'registered'
    ? { name, columns: ['applications.registered_on', 'applications.tracking_number'], direction: 'desc' }
    : { name, columns: ['applications.due_on', 'applications.tracking_number'], direction: 'asc' };
}

/** Parts per statement: SQLite allows at most 500 terms in a compound SELECT. */
const PARTS_PER_QUERY = 400;

interface ListKeyRow {
  id: string;
  registered_on: string;
  due_on: string | null;
  tracking_number: string;
  days_left: number | null;
}

const factColumns = [
  'id',
  'tracking_number',
  'agency_id',
  'applicant_type',
  'registered_on',
  'received_on',
  'closed_on',
  'outcome',
] as const;

function toFacts(r: Pick<ApplicationTable, (typeof factColumns)[number]>): CaseFactsRow {
  return {
    id: r.id,
    trackingNumber: r.tracking_number,
    agencyId: r.agency_id,
    applicantType: r.applicant_type as ApplicantType,
    registeredOn: r.registered_on,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    outcome: r.outcome as OutcomeCode | null,
  };
}

function selectWithDuplicate(db: Executor) {
  return db
    .selectFrom('applications')
    .leftJoin('applications as dup', 'dup.id', 'applications.duplicate_of_id')
    .selectAll('applications')
    .select('dup.tracking_number as duplicate_tracking_number');
}

/** Disclosure applications, their event histories and the tracking-number counters. */
export const applicationsRepository = {
  /** The next sequence number of an agency's year; atomic on both dialects (row lock / single writer). */
  async nextSeq(db: Executor, agencyId: string, year: number): Promise<number> {
    const row = await db
      .insertInto('application_counters')
      .values({ agency_id: agencyId, year, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'year'])
          .doUpdateSet((eb) => ({ last_seq: eb('application_counters.last_seq', '+', 1) })),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return Number(row.last_seq);
  },
  async insert(db: Executor, stored: StoredApplication): Promise<void> {
    await db.insertInto('applications').values(toRow(stored)).execute();
  },
  /** Bulk load (imports, generated data): cases with their histories, in batches. */
  async insertMany(
    db: Executor,
    items: { stored: StoredApplication; events: StoredCaseEvent[] }[],
  ): Promise<void> {
    for (let i = 0; i < items.length; i += 400) {
      const batch = items.slice(i, i + 400);
      await db
        .insertInto('applications')
        .values(batch.map((b) => toRow(b.stored)))
        .execute();
      const events = batch.flatMap((b) =>
        b.events.map((e) => {
          const { type, date, ...data } = e.event;
          return {
            application_id: b.stored.record.id,
            seq: e.seq,
            type,
            date,
            data_json: JSON.stringify(data),
            actor_user_id: e.actorUserId,
            actor: e.actor,
            recorded_at: e.recordedAt,
          };
        }),
      );
      for (let j = 0; j < events.length; j += 1000) {
        await db
          .insertInto('application_events')
          .values(events.slice(j, j + 1000))
          .execute();
      }
    }
  },
  async updateProjection(db: Executor, id: string, p: ApplicationProjection): Promise<void> {
    await db
      .updateTable('applications')
      .set({
        status: p.status,
        outcome: p.outcome,
        received_on: p.receivedOn,
        closed_on: p.closedOn,
        due_on: p.dueOn,
        due_ordinal: p.dueOrdinal,
        due_provisional: p.dueProvisional ? 1 : 0,
        event_count: p.eventCount,
        updated_at: p.updatedAt,
      })
      .where('id', '=', id)
      .execute();
  },
  async findById(db: Executor, id: string): Promise<StoredApplication | undefined> {
    const row = await selectWithDuplicate(db).where('applications.id', '=', id).executeTakeFirst();
    return row && toStored(row);
  },
  async findByTrackingNumber(db: Executor, trackingNumber: string): Promise<StoredApplication | undefined> {
    const row = await selectWithDuplicate(db)
      .where('applications.tracking_number', '=', trackingNumber)
      .executeTakeFirst();
    return row && toStored(row);
  },
  async findByIdempotency(
    db: Executor,
    agencyId: string,
    hash: string,
  ): Promise<StoredApplication | undefined> {
    const row = await selectWithDuplicate(db)
      .where('applications.agency_id', '=', agencyId)
      .where('applications.idempotency_hash', '=', hash)
      .executeTakeFirst();
    return row && toStored(row);
  },
  /** The applicant's cases at an agency registered on or after `since`, newest first. */
  async listOfApplicant(
    db: Executor,
    agencyId: string,
    applicantKey: string,
    since: string,
  ): Promise<StoredApplication[]> {
    const rows = await selectWithDuplicate(db)
      .where('applications.agency_id', '=', agencyId)
      .where('applications.applicant_key', '=', applicantKey)
      .where('applications.registered_on', '>=', since)
      .orderBy('applications.registered_on', 'desc')
      .orderBy('applications.seq', 'desc')
      .execute();
    return rows.map(toStored);
  },
  /** How many applications the applicant registered at the agency in [from, to]. */
  async countOfApplicant(
    db: Executor,
    agencyId: string,
    applicantKey: string,
    from: string,
    to: string,
  ): Promise<number> {
    const row = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('agency_id', '=', agencyId)
      .where('applicant_key', '=', applicantKey)
      .where('registered_on', '>=', from)
      .where('registered_on', '<=', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
  async list(db: Executor, filter: ApplicationListFilter): Promise<StoredApplication[]> {
    if (filter.agencyIds.length === 0) return [];
    let query = selectWithDuplicate(db).where('applications.agency_id', 'in', filter.agencyIds);
    if (filter.open === true) query = query.where('applications.closed_on', 'is', null);
    if (filter.open === false) query = query.where('applications.closed_on', 'is not', null);
    if (filter.status) query = query.where('applications.status', '=', filter.status);
    if (filter.dueOnOrBefore) {
      query = query
        .where('applications.closed_on', 'is', null)
        .where('applications.due_on', 'is not', null)
        .where('applications.due_on', '<=', filter.dueOnOrBefore)
        .orderBy('applications.due_on');
    }
    const rows = await query
      .orderBy('applications.registered_on', 'desc')
      .orderBy('applications.tracking_number', 'desc')
      .limit(filter.limit)
      .offset(filter.offset ?? 0)
      .execute();
    return rows.map(toStored);
  },
  /**
   * One page of a case list, ordered and filtered in the database. Each agency's part is its own index range
   * (its filter's index in the list's order, cut at the cursor and the page size); several parts are merged by a
   * UNION ALL of those ranges, so no query sorts more than `take` rows per agency. The wide rows are read last,
   * for the page only.
   */
  async listPage(db: Executor, query: CaseListQuery): Promise<CaseListRow[]> {
    if (query.parts.length === 0) return [];
    const [first, second] = query.order.columns as [string, string];
    const firstName = first.slice('applications.'.length) as 'registered_on' | 'due_on';
    const direction = query.order.direction;
    const part = (p: CaseListPart) => {
      let q = db
        .selectFrom('applications')
        .select([
          'applications.id',
          'applications.registered_on',
          'applications.due_on',
          'applications.tracking_number',
          sql<number | null>`applications.due_ordinal - ${p.todayOrdinal}`.as('days_left'),
        ])
        .where('applications.agency_id', '=', p.agencyId);
      if (p.due) {
        q = q
          .where('applications.due_ordinal', 'is not', null)
          .where('applications.due_on', '<=', p.due.onOrBefore)
          .where('applications.due_ordinal', '<=', p.due.maxOrdinal);
      } else if (query.open === true) {
        q = q.where('applications.closed_on', 'is', null);
      } else if (query.open === false) {
        q = q.where('applications.closed_on', 'is not', null);
      }
      if (query.status) q = q.where('applications.status', '=', query.status);
      if (query.after) q = q.where(afterKey(query.order, query.after));
      return q.orderBy(sql.ref(first), direction).orderBy(sql.ref(second), direction).limit(query.take);
    };
    const keys: ListKeyRow[] = [];
    for (let i = 0; i < query.parts.length; i += PARTS_PER_QUERY) {
      const chunk = query.parts.slice(i, i + PARTS_PER_QUERY);
      if (chunk.length === 1) {
        keys.push(...((await part(chunk[0]!).execute()) as ListKeyRow[]));
        continue;
      }
      const members = chunk.map((p, k) => db.selectFrom(part(p).as(`p${k}`)).selectAll());
      let union = members[0]! as SelectQueryBuilder<Database, never, ListKeyRow>;
      for (const m of members.slice(1)) union = union.unionAll(m as typeof union);
      const rows = await db
        .selectFrom(union.as('u'))
        .selectAll()
        .orderBy(sql.ref(`u.${firstName}`), direction)
        .orderBy(sql.ref('u.tracking_number'), direction)
        .limit(query.take)
        .execute();
      keys.push(...(rows as ListKeyRow[]));
    }
    if (query.parts.length > PARTS_PER_QUERY) {
      // Chunks merged here; their keys are ASCII (dates, tracking numbers), ordered alike by both engines.
      const sign = direction === 'asc' ? 1 : -1;
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
      keys.sort(
        (a, b) =>
          sign *
          (cmp(String(a[firstName]), String(b[firstName])) || cmp(a.tracking_number, b.tracking_number)),
      );
    }
    const page = keys.slice(0, query.take);
    if (page.length === 0) return [];
    const rows = await selectWithDuplicate(db)
      .where(
        'applications.id',
        'in',
        page.map((k) => k.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.id, toStored(r)]));
    return page.map((k) => ({
      stored: byId.get(k.id)!,
      daysLeft: k.days_left === null ? null : Number(k.days_left),
    }));
  },
  /** Ids of an agency's open cases after `afterId` (by id), for recomputing their due dates. */
  async openIdsOf(db: Executor, agencyId: string, afterId: string, limit: number): Promise<string[]> {
    const rows = await db
      .selectFrom('applications')
      .select('id')
      .where('agency_id', '=', agencyId)
      .where('closed_on', 'is', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => r.id);
  },
  /** The due date and its basis of one case (after its calendar changed). */
  async setDue(
    db: Executor,
    id: string,
    due: { dueOn: string | null; dueOrdinal: number | null; dueProvisional: boolean },
  ): Promise<void> {
    await db
      .updateTable('applications')
      .set({ due_on: due.dueOn, due_ordinal: due.dueOrdinal, due_provisional: due.dueProvisional ? 1 : 0 })
      .where('id', '=', id)
      .execute();
  },
  /** The event histories of several cases, in order. */
  async listEventsOfMany(db: Executor, ids: string[]): Promise<Map<string, CaseEvent[]>> {
    const out = new Map<string, CaseEvent[]>(ids.map((id) => [id, []]));
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('application_events')
        .select(['application_id', 'type', 'date', 'data_json'])
        .where('application_id', 'in', ids.slice(i, i + 500))
        .orderBy('application_id')
        .orderBy('seq')
        .execute();
      for (const row of rows) {
        out
          .get(row.application_id)!
          .push({ type: row.type, date: row.date, ...JSON.parse(row.data_json) } as CaseEvent);
      }
    }
    return out;
  },
  /** The calendar key each agency's stored due ordinals were computed with. */
  async clockBases(db: Executor): Promise<Map<string, string>> {
    const rows = await db.selectFrom('case_clock_basis').select(['agency_id', 'calendar_key']).execute();
    return new Map(rows.map((r) => [r.agency_id, r.calendar_key]));
  },
  async setClockBasis(db: Executor, agencyId: string, calendarKey: string, at: string): Promise<void> {
    await db
      .insertInto('case_clock_basis')
      .values({ agency_id: agencyId, calendar_key: calendarKey, refreshed_at: at })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet({ calendar_key: calendarKey, refreshed_at: at }))
      .execute();
  },
  /** The report facts of every case of the agencies that may count in `year` (received by its end). */
  async reportFacts(db: Executor, agencyIds: string[], year: number): Promise<ReportFactsRow[]> {
    if (agencyIds.length === 0) return [];
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    // Only what counting needs, already named as the core's CaseFacts: this query reads a whole year of cases.
    const rows = await db
      .selectFrom('applications')
      .select([
        'tracking_number as id',
        'applicant_type as applicantType',
        'registered_on as registeredOn',
        'received_on as receivedOn',
        'closed_on as closedOn',
        'outcome',
      ])
      .where('agency_id', 'in', agencyIds)
      .where('registered_on', '<=', last)
      .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', first)]))
      .execute();
    return rows as ReportFactsRow[];
  },
  /** The report facts of the given cases (those an appeal of the year refers to). */
  async factsByIds(db: Executor, ids: string[]): Promise<CaseFactsRow[]> {
    const out: CaseFactsRow[] = [];
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await db
        .selectFrom('applications')
        .select(factColumns)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
      out.push(...rows.map(toFacts));
    }
    return out;
  },

  async appendEvent(
    db: Executor,
    applicationId: string,
    seq: number,
    event: CaseEvent,
    actor: { label: string; userId: string | null },
    recordedAt: string,
  ): Promise<void> {
    const { type, date, ...data } = event;
    await db
      .insertInto('application_events')
      .values({
        application_id: applicationId,
        seq,
        type,
        date,
        data_json: JSON.stringify(data),
        actor_user_id: actor.userId,
        actor: actor.label,
        recorded_at: recordedAt,
      })
      .execute();
  },
  async listEvents(db: Executor, applicationId: string): Promise<StoredCaseEvent[]> {
    const rows = await db
      .selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', applicationId)
      .orderBy('seq')
      .execute();
    return rows.map((row) => ({
      seq: Number(row.seq),
      event: { type: row.type, date: row.date, ...JSON.parse(row.data_json) } as CaseEvent,
      actor: row.actor,
      actorUserId: row.actor_user_id,
      recordedAt: row.recorded_at,
    }));
  },
};
