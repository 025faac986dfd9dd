import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Agency } from '../../core/agency.js';
import type { AuditActor, AuditEvent } from '../../core/audit.js';
import { addDays, type IsoDate } from '../../core/calendar/date.js';
import { canonicalJson } from '../../core/canonical-json.js';
import type { Channel } from '../../core/clock/events.js';
import type { CaseEvent } from '../../core/applications/events.js';
import { formatTrackingNumber, type ApplicationRecord } from '../../core/applications/record.js';
import { DUPLICATE_THRESHOLD, requestSimilarity } from '../../core/applications/similarity.js';
import { caseClock, replay } from '../../core/applications/state-machine.js';
import { normaliseIdentityNumber } from '../../core/identity.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import type { Database } from '../../storage/schema.js';
import {
  registerApplicationInput,
  type PublicApplicationInput,
  type RegisterApplicationInput,
} from './application-input.js';
import { withAuditAs } from '../audit/audit-trail.js';
import { beijingDate, calendarOf, clockPolicyOf, dueBasisOf } from './case-calendar.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles, inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { validate, validationError } from '../platform/validate.js';
import { regulationsInForceSince, submittedAtSkewMs } from '../../core/input-rules.js';

/** What intake returns: the case, its query code (only when it can be shown), and what intake noticed. */
export interface RegisteredApplication {
  record: ApplicationRecord;
  /** For the applicant's status look-up; shown once (null when a replayed form cannot show it again). */
  queryCode: string | null;
  /** True when the same form had already been submitted: no new case was created. */
  replayed: boolean;
  /** This applicant's applications at the agency in the calendar month of this one, itself included. */
  applicantMonthCount: number;
}

type Parsed = Omit<ReturnType<typeof registerApplicationInput.parse>, 'agency'>;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function codeFrom(bytes: Uint8Array): string {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += CODE_ALPHABET[bytes[i]! % CODE_ALPHABET.length];
  return code;
}

/**
 * The query code. With a form key it is derived from the key and the case id, so a resubmitted form can show it
 * again; the database stores only hashes of both, so neither can be recovered from a copy of it.
 */
function queryCodeFor(idempotencyKey: string | undefined, caseId: string): string {
  if (!idempotencyKey) return codeFrom(randomBytes(10));
  return codeFrom(createHash('sha256').update(`gongkai-query\0${idempotencyKey}\0${caseId}`).digest());
}

/** Hashes a query code for storage and comparison. */
export function hashQueryCode(code: string): string {
  return sha256(`query-code:${code.trim().toUpperCase()}`);
}

/** Who the applicant is, for counting and duplicate checks: a hash of the identity kind and number. */
export function applicantKeyOf(applicant: Parsed['applicant']): string {
  const id = normaliseIdentityNumber(applicant.identityNumber);
  return sha256(`${applicant.identityKind}:${id}`);
}

/** The text compared for duplicates: name, 文号 and description of what is requested. */
export function requestText(request: ApplicationRecord['request']): string {
  return [request.title, request.documentNumber, request.description].filter(Boolean).join(' ');
}

function monthBounds(date: IsoDate): [IsoDate, IsoDate] {
  const first = `${date.slice(0, 7)}-01`;
  const next = addDays(first, 32);
  return [first, addDays(`${next.slice(0, 7)}-01`, -1)];
}

/** What a form says, as it is stored: applicant, request, form and channel (not the time it was sent). */
type FormContent = Pick<ApplicationRecord, 'applicant' | 'request' | 'form' | 'channel'>;

function recordContent(input: Parsed): FormContent {
  return {
    applicant: {
      type: input.applicant.type,
      name: input.applicant.name,
      identityKind: input.applicant.identityKind,
      identityNumber: normaliseIdentityNumber(input.applicant.identityNumber),
      phone: input.applicant.phone ?? null,
      email: input.applicant.email ?? null,
      address: input.applicant.address ?? null,
      contactPerson: input.applicant.contactPerson ?? null,
    },
    request: {
      title: input.request.title ?? null,
      documentNumber: input.request.documentNumber ?? null,
      description: input.request.description,
    },
    form: { medium: input.form.medium, delivery: input.form.delivery, note: input.form.note ?? null },
    channel: input.channel,
  };
}

/** A hash of a form's content, compared when a key comes again. */
function contentOf(content: FormContent): string {
  const { applicant, request, form, channel } = content;
  return sha256(`content:${canonicalJson({ applicant, request, form, channel })}`);
}

/** The earliest submission time accepted: the day the 条例 took effect, in Beijing. */
const earliestSubmission = new Date(`${regulationsInForceSince}T00:00:00+08:00`);

/**
 * A submission time staff enter must be a moment that can have happened: not later than now (beyond a small
 * clock skew) and not before the 政府信息公开条例 took effect (2008-05-01), which no application can predate.
 */
function checkSubmittedAt(submittedAt: Date, now: Date): Date {
  if (submittedAt.getTime() > now.getTime() + submittedAtSkewMs) {
    throw validationError([
      {
        path: 'submittedAt',
        message: '提交时间不能晚于当前时间',
        messageEn: 'the submission time cannot be in the future',
      },
    ]);
  }
  if (submittedAt < earliestSubmission) {
    throw validationError([
      {
        path: 'submittedAt',
        message: `提交时间不能早于《政府信息公开条例》施行之日（${regulationsInForceSince}）`,
        messageEn: `the submission time cannot be before the Regulations took effect (${regulationsInForceSince})`,
      },
    ]);
  }
  return submittedAt;
}

/**
 * Registers an application inside an open transaction (staff intake and the public channel share it): allocates
 * the tracking number, flags a likely duplicate, appends the `registered` event and projects the state.
 */
export async function registerInTransaction(
  trx: Kysely<Database>,
  deps: PlatformDeps,
  agency: Agency,
  input: Parsed,
  actor: AuditActor,
  record: (event: AuditEvent) => void,
): Promise<RegisteredApplication> {
  const now = deps.clock();
  const submittedAt = input.submittedAt ? checkSubmittedAt(new Date(input.submittedAt), now) : now;
  const registeredOn = beijingDate(submittedAt);
  const applicantKey = applicantKeyOf(input.applicant);
  // A form submitted twice is one case: its key, or failing that its content on the same day.
  const idempotencyHash = input.idempotencyKey
    ? sha256(`key:${input.idempotencyKey}`)
    : sha256(
        `form:${canonicalJson({ applicant: input.applicant, request: input.request, form: input.form, channel: input.channel, registeredOn })}`,
      );
  const [monthFirst, monthLast] = monthBounds(registeredOn);
  const existing = await applicationsRepository.findByIdempotency(trx, agency.id, idempotencyHash);
  if (existing) {
    // A key names one form's content: another content under the same key is someone else's form (or a copied
    // key), refused without a word about the first case.
    if (input.idempotencyKey && contentOf(existing.record) !== contentOf(recordContent(input))) {
      throw errors.idempotencyKeyReused();
    }
    return {
      record: existing.record,
      queryCode: input.idempotencyKey ? queryCodeFor(input.idempotencyKey, existing.record.id) : null,
      replayed: true,
      applicantMonthCount: await applicationsRepository.countOfApplicant(
        trx,
        agency.id,
        applicantKey,
        monthFirst,
        monthLast,
      ),
    };
  }

  const content = recordContent(input);
  const requestRecord = content.request;
  // 条例第三十六条第六项: a repeated request of the same applicant is flagged with the earlier case.
  const text = requestText(requestRecord);
  let duplicateOf: ApplicationRecord['duplicateOf'] = null;
  for (const earlier of await applicationsRepository.listOfApplicant(
    trx,
    agency.id,
    applicantKey,
    addDays(registeredOn, -366),
  )) {
    const score = requestSimilarity(text, requestText(earlier.record.request));
    if (score >= DUPLICATE_THRESHOLD && score * 100 > (duplicateOf?.similarityPercent ?? 0)) {
      duplicateOf = {
        id: earlier.record.id,
        trackingNumber: earlier.record.trackingNumber,
        similarityPercent: Math.round(score * 100),
      };
    }
  }

  const year = Number(registeredOn.slice(0, 4));
  const seq = await applicationsRepository.nextSeq(trx, agency.id, year);
  const id = randomUUID();
  const queryCode = queryCodeFor(input.idempotencyKey, id);
  const channel: Channel = input.channel;
  const event: CaseEvent = { type: 'registered', date: registeredOn, channel };
  const state = replay([event]);
  const clock = caseClock(calendarOf(agency), [event], clockPolicyOf(agency));
  const at = now.toISOString();
  const applicationRecord: ApplicationRecord = {
    id,
    agencyId: agency.id,
    trackingNumber: formatTrackingNumber(agency.code, year, seq),
    applicant: content.applicant,
    request: requestRecord,
    form: content.form,
    channel,
    submittedAt: submittedAt.toISOString(),
    duplicateOf,
    status: state.status,
    outcome: null,
    registeredOn,
    receivedOn: state.receivedOn,
    closedOn: null,
    dueOn: clock.due,
    createdBy: actor.label,
    createdAt: at,
    updatedAt: at,
  };
  await applicationsRepository.insert(trx, {
    record: applicationRecord,
    year,
    seq,
    queryCodeHash: hashQueryCode(queryCode),
    idempotencyHash,
    applicantKey,
    eventCount: 1,
    ...dueBasisOf(agency, clock.due, false),
  });
  await applicationsRepository.appendEvent(trx, id, 1, event, actor, at);
  // The audit entry names the case, never the applicant's personal data.
  record({
    action: 'application.register',
    entityType: 'application',
    entityId: id,
    agencyId: agency.id,
    before: null,
    after: {
      trackingNumber: applicationRecord.trackingNumber,
      applicantType: applicationRecord.applicant.type,
      channel,
      registeredOn,
      duplicateOf: duplicateOf?.trackingNumber ?? null,
    },
  });
  return {
    record: applicationRecord,
    queryCode,
    replayed: false,
    applicantMonthCount: await applicationsRepository.countOfApplicant(
      trx,
      agency.id,
      applicantKey,
      monthFirst,
      monthLast,
    ),
  };
}

/**
 * Registers an application the principal may handle; a repeated form returns the first case. Concurrent
 * duplicates that both pass the check lose to the unique index and are answered with the winner's case.
 */
export async function runRegistration(
  deps: PlatformDeps,
  actor: AuditActor,
  agency: Agency,
  input: Parsed,
): Promise<RegisteredApplication> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await withAuditAs(deps, actor, (trx, record) =>
        registerInTransaction(trx, deps, agency, input, actor, record),
      );
    } catch (error) {
      if (attempt < 2 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

/** Registers an application at an agency the principal handles (any channel, 条例第三十一条). */
export async function registerApplication(
  deps: PlatformDeps,
  principal: Principal,
  raw: RegisterApplicationInput,
): Promise<RegisteredApplication> {
  const { agency: ref, ...input } = validate(registerApplicationInput, raw);
  const agency = await findAgencyByRef(deps.db, ref);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id)) throw errors.agencyNotFound(ref);
  if (!inScope(scopeOf(principal, tree, handleApplicationRoles), agency.id)) throw errors.forbidden();
  return runRegistration(deps, auditActorOf(principal), agency, input);
}

export type { PublicApplicationInput };
