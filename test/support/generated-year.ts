/**
 * A generated year of cases for volume tests and the database benchmark: lawful histories built with the core
 * state machine (every case replays), loaded through the repositories in bulk. Deterministic for a given seed.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CaseEvent } from '../../src/core/applications/events.js';
import { OUTCOMES, type OutcomeCode } from '../../src/core/applications/outcomes.js';
import {
  applicantTypes,
  formatTrackingNumber,
  type AppealRecord,
} from '../../src/core/applications/record.js';
import { replay } from '../../src/core/applications/state-machine.js';
import { addDays } from '../../src/core/calendar/date.js';
import type { Channel } from '../../src/core/clock/events.js';
import { appealsRepository } from '../../src/storage/appeals-repository.js';
import {
  applicationsRepository,
  type StoredApplication,
  type StoredCaseEvent,
} from '../../src/storage/applications-repository.js';
import type { Database } from '../../src/storage/schema.js';
import { writeTransaction } from '../../src/storage/write-transaction.js';

export interface GeneratedYear {
  cases: number;
  appeals: number;
}

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const channels: Channel[] = ['inPerson', 'post', 'ordinaryPost', 'online', 'fax'];
const plainOutcomes = OUTCOMES.map((o) => o.code).filter(
  (c) =>
    ![
      'otherProcessing.correctionOverdue',
      'otherProcessing.feeUnpaid',
      'notProcessed.excessive',
      'unableToProvide.unclearAfterCorrection',
    ].includes(c),
);

/** A lawful history starting on `start`: receipt, maybe 补正/consultation/extension, and (usually) an outcome. */
function history(random: () => number, start: string, channel: Channel): CaseEvent[] {
  const events: CaseEvent[] = [{ type: 'registered', date: start, channel }];
  let day = start;
  const later = (max: number) => (day = addDays(day, 1 + Math.floor(random() * max)));
  if (channel !== 'inPerson') {
    events.push({
      type: 'receiptConfirmed',
      date: later(2),
      how: channel === 'post' ? 'signedFor' : 'confirmed',
    });
  }
  const roll = random();
  if (roll < 0.06) {
    events.push({
      type: 'correctionRequested',
      date: later(5),
      items: '请明确所需信息',
      deadline: addDays(day, 15),
    });
    if (random() < 0.5) {
      events.push({ type: 'correctionLapsed', date: later(20) });
      return events;
    }
    events.push({ type: 'correctionReceived', date: later(10) });
    if (random() < 0.3) {
      events.push({
        type: 'answered',
        date: later(15),
        outcome: 'unableToProvide.unclearAfterCorrection',
        legalGround: '条例第三十条',
        severed: false,
      });
      return events;
    }
  } else if (roll < 0.09) {
    events.push({ type: 'feeNoticeSent', date: later(10), amountFen: 10_000 });
    if (random() < 0.5) {
      events.push({ type: 'feeLapsed', date: later(20) });
      return events;
    }
    events.push({ type: 'feePaid', date: later(10) });
  } else if (roll < 0.11) {
    events.push({ type: 'art35ReasonsRequested', date: later(5) });
    if (random() < 0.5) {
      events.push({ type: 'art35Refused', date: later(10), reason: '条例第三十五条' });
      return events;
    }
    events.push({ type: 'art35DelaySet', date: later(10), until: addDays(day, 60) });
  } else if (roll < 0.2) {
    events.push({
      type: 'consultationStarted',
      date: later(5),
      consultationId: 'c1',
      party: random() < 0.5 ? 'thirdParty' : 'agency',
      name: '第三方',
    });
    events.push({
      type: random() < 0.7 ? 'consultationAnswered' : 'consultationLapsed',
      date: later(20),
      consultationId: 'c1',
      opinion: '同意',
    } as CaseEvent);
  }
  if (random() < 0.1)
    events.push({
      type: 'extensionApproved',
      date: later(15),
      approver: '负责人',
      workingDays: 1 + Math.floor(random() * 20),
    });
  if (random() < 0.02) {
    events.push({ type: 'withdrawn', date: later(10), reason: '申请人撤回' });
    return events;
  }
  const outcome: OutcomeCode = plainOutcomes[Math.floor(random() * plainOutcomes.length)]!;
  events.push({
    type: 'answered',
    date: later(25),
    outcome,
    legalGround: '条例',
    severed: outcome === 'partiallyDisclosed' && random() < 0.5,
  });
  if (random() < 0.8) events.push({ type: 'delivered', date: later(3), method: 'post' });
  return events;
}

/**
 * Generates `count` cases spread over the agencies, registered from 1 Nov of year − 1 to 31 Dec of `year`; events
 * after `asOf` are cut off so some cases stay open across the year end. About 3 % get an appeal.
 */
export async function generateYear(
  db: Kysely<Database>,
  agencies: { id: string; code: string }[],
  year: number,
  count: number,
  seed = 20_260_101,
): Promise<GeneratedYear> {
  const random = rng(seed);
  const asOf = `${year + 1}-01-20`;
  const startDay = `${year - 1}-11-01`;
  const span = Math.round((Date.parse(`${year}-12-31`) - Date.parse(startDay)) / 86_400_000);
  const seqs = new Map<string, number>();
  const items: { stored: StoredApplication; events: StoredCaseEvent[] }[] = [];
  const appeals: AppealRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const agency = agencies[i % agencies.length]!;
    const registeredOn = addDays(startDay, Math.floor(random() * (span + 1)));
    const channel = channels[Math.floor(random() * channels.length)]!;
    const events = history(random, registeredOn, channel).filter((e) => e.date <= asOf);
    const state = replay(events);
    const y = Number(registeredOn.slice(0, 4));
    const key = `${agency.id}/${y}`;
    const seq = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, seq);
    const id = randomUUID();
    const at = `${registeredOn}T02:00:00.000Z`;
    items.push({
      stored: {
        record: {
          id,
          agencyId: agency.id,
          trackingNumber: formatTrackingNumber(`${agency.code}-g`, y, seq),
          applicant: {
            type: applicantTypes[Math.floor(random() * applicantTypes.length)]!,
            name: `申请人${i}`,
            identityKind: 'other',
            identityNumber: `G${i}`,
            phone: null,
            email: `a${i}@example.com`,
            address: null,
            contactPerson: null,
          },
          request: { title: null, documentNumber: null, description: `生成的申请 ${i}` },
          form: { medium: 'electronic', delivery: 'email', note: null },
          channel,
          submittedAt: at,
          duplicateOf: null,
          status: state.status,
          outcome: state.outcome,
          registeredOn,
          receivedOn: state.receivedOn,
          closedOn: state.closedOn,
          dueOn: null,
          createdBy: 'generator',
          createdAt: at,
          updatedAt: at,
        },
        year: y,
        seq,
        queryCodeHash: '0'.repeat(64),
        idempotencyHash: null,
        applicantKey: `g${i % 997}`,
        eventCount: events.length,
        dueOrdinal: null,
        dueProvisional: false,
      },
      events: events.map((event, k) => ({
        seq: k + 1,
        event,
        actor: 'generator',
        actorUserId: null,
        recordedAt: at,
      })),
    });
    if (state.closedOn !== null && random() < 0.03) {
      const filedOn = addDays(state.closedOn, 10 + Math.floor(random() * 50));
      const decided = random() < 0.6;
      const decidedOn = addDays(filedOn, 30 + Math.floor(random() * 60));
      appeals.push({
        id: randomUUID(),
        applicationId: id,
        agencyId: agency.id,
        kind: (['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const)[
          Math.floor(random() * 3)
        ]!,
        filedOn,
        result: decided ? (['upheld', 'corrected', 'other'] as const)[Math.floor(random() * 3)]! : null,
        decidedOn: decided ? decidedOn : null,
        caseNumber: null,
        note: null,
        createdAt: at,
        updatedAt: at,
      });
    }
  }
  await writeTransaction(db, async (trx) => {
    await applicationsRepository.insertMany(trx, items);
    for (const appeal of appeals) await appealsRepository.insert(trx, appeal);
  });
  return { cases: items.length, appeals: appeals.length };
}
