import type { Agency } from '../../core/agency.js';
import type { CaseEvent } from '../../core/applications/events.js';
import type { AppealRecord, ApplicationRecord } from '../../core/applications/record.js';
import { caseClock, replay, type CaseState } from '../../core/applications/state-machine.js';
import { addDays } from '../../core/calendar/date.js';
import { answerDaysLeft, type ApplicationClock } from '../../core/clock/application-clock.js';
import type { Role } from '../../core/roles.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { answerDocumentsRepository } from '../../storage/answer-documents-repository.js';
import { appealsRepository } from '../../storage/appeals-repository.js';
import {
  applicationsRepository,
  type StoredApplication,
  type StoredCaseEvent,
} from '../../storage/applications-repository.js';
import type { Executor } from '../../storage/executor.js';
import { beijingDate, calendarOf, clockPolicyOf } from './case-calendar.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readApplicationRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { recordPersonalDataRead } from '../audit/personal-data-reads.js';

/** One case as staff see it: the record, its history, the state and clock replayed from it, and its appeals. */
export interface ApplicationView {
  record: ApplicationRecord;
  agency: Pick<Agency, 'id' | 'code' | 'name'>;
  events: StoredCaseEvent[];
  state: CaseState;
  /** The statutory clock replayed from the history (条例第三十条至第三十五条). */
  clock: ApplicationClock;
  /** Working days left to the due date as of today; null when closed or the clock is not running. */
  daysLeft: number | null;
  overdue: boolean;
  appeals: AppealRecord[];
  /** This applicant's applications at the agency in the month the case was registered (fees, 第三十五条). */
  applicantMonthCount: number;
  /** The answer document issued for the case (its 文号), if any (issue-answer-document.ts). */
  answerDocument: { documentNumber: string; datedOn: string; issuedAt: string } | null;
}

/** Loads a case by id or tracking number, if the principal holds one of `roles` on its agency (else not found). */
export async function loadCase(
  db: Executor,
  principal: Principal,
  ref: string,
  roles: readonly Role[] = readApplicationRoles,
): Promise<{ stored: StoredApplication; agency: Agency }> {
  const stored =
    (await applicationsRepository.findById(db, ref)) ??
    (await applicationsRepository.findByTrackingNumber(db, ref.toUpperCase()));
  if (!stored) throw errors.applicationNotFound(ref);
  const tree = await agenciesRepository.listAll(db);
  if (!inScope(scopeOf(principal, tree, roles), stored.record.agencyId))
    throw errors.applicationNotFound(ref);
  const agency = tree.find((a) => a.id === stored.record.agencyId)!;
  return { stored, agency };
}

async function answerDocumentOf(
  db: Executor,
  applicationId: string,
): Promise<ApplicationView['answerDocument']> {
  const issued = await answerDocumentsRepository.findByApplication(db, applicationId);
  return issued
    ? { documentNumber: issued.documentNumber, datedOn: issued.datedOn, issuedAt: issued.issuedAt }
    : null;
}

/** Builds the view of a loaded case as of `today`. */
export async function viewOf(
  db: Executor,
  stored: StoredApplication,
  agency: Agency,
  today: string,
): Promise<ApplicationView> {
  const events = await applicationsRepository.listEvents(db, stored.record.id);
  const history: CaseEvent[] = events.map((e) => e.event);
  const state = replay(history);
  const calendar = calendarOf(agency);
  const clock = caseClock(calendar, history, clockPolicyOf(agency));
  const open = state.closedOn === null;
  const daysLeft = open ? answerDaysLeft(calendar, clock, today) : null;
  const month = stored.record.registeredOn.slice(0, 7);
  const monthLast = addDays(`${addDays(`${month}-01`, 32).slice(0, 7)}-01`, -1);
  return {
    record: stored.record,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    events,
    state,
    clock,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    appeals: await appealsRepository.listOfApplication(db, stored.record.id),
    answerDocument: await answerDocumentOf(db, stored.record.id),
    applicantMonthCount: await applicationsRepository.countOfApplicant(
      db,
      agency.id,
      stored.applicantKey,
      `${month}-01`,
      monthLast,
    ),
  };
}

/**
 * One case by id or tracking number, with history, state, clock and appeals; out of scope = not found. The read of
 * the applicant's personal data is audited.
 */
export async function getApplication(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
): Promise<ApplicationView> {
  const { stored, agency } = await loadCase(deps.db, principal, ref);
  const view = await viewOf(deps.db, stored, agency, beijingDate(deps.clock()));
  await recordPersonalDataRead(deps, principal, {
    kind: 'case',
    agencyId: agency.id,
    cases: [stored.record],
  });
  return view;
}
