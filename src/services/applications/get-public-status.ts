import { timingSafeEqual } from 'node:crypto';
import type { OutcomeCode } from '../../core/applications/outcomes.js';
import type { CaseStatus } from '../../core/applications/state-machine.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { hashQueryCode } from './register-application.js';

/** What an applicant sees with tracking number and query code: the process, never personal data. */
export interface PublicStatus {
  trackingNumber: string;
  agencyName: string;
  status: CaseStatus;
  registeredOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  outcome: OutcomeCode | null;
  /** Dates and kinds of the events (no notes, names or amounts). */
  history: { type: string; date: string }[];
}

/** The status of an application by tracking number and query code; a wrong code is “not found”, like a wrong number. */
export async function getPublicStatus(
  deps: PlatformDeps,
  trackingNumber: string,
  queryCode: string,
): Promise<PublicStatus> {
  const stored = await applicationsRepository.findByTrackingNumber(
    deps.db,
    trackingNumber.trim().toUpperCase(),
  );
  const expected = Buffer.from(stored?.queryCodeHash ?? '0'.repeat(64));
  const given = Buffer.from(hashQueryCode(queryCode));
  if (!stored || !timingSafeEqual(expected, given)) throw errors.applicationNotFound(trackingNumber);
  const agency = await agenciesRepository.findById(deps.db, stored.record.agencyId);
  const events = await applicationsRepository.listEvents(deps.db, stored.record.id);
  const r = stored.record;
  return {
    trackingNumber: r.trackingNumber,
    agencyName: agency?.name ?? '',
    status: r.status,
    registeredOn: r.registeredOn,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    outcome: r.outcome,
    history: events.map((e) => ({ type: e.event.type, date: e.event.date })),
  };
}
