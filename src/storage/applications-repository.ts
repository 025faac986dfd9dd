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
import type { Executor } from './executor.js';
import type { ApplicationTable } from './schema.js';

/** What the repository stores beyond the record: sequence, hashes and the applicant key used for look-ups. */
export interface StoredApplication {
  record: ApplicationRecord;
  year: number;
  seq: number;
  queryCodeHash: string;
  idempotencyHash: string | null;
  applicantKey: string;
  eventCount: number;
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
