import type { Agency } from '../../core/agency.js';
import type { ApplicationRecord } from '../../core/applications/record.js';
import type { CaseStatus } from '../../core/applications/state-machine.js';
import { hasYear } from '../../core/calendar/calendar.js';
import { addDays, yearOf } from '../../core/calendar/date.js';
import { workingDaysLeft } from '../../core/clock/working-days.js';
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import { beijingDate, calendarOf } from './case-calendar.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readApplicationRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { recordPersonalDataRead } from '../audit/personal-data-reads.js';

/** Working days ahead that count as “due soon” unless the caller asks otherwise. */
export const DUE_SOON_WORKING_DAYS = 5;

export interface ListApplicationsQuery {
  /** Agency id or code; its whole subtree when `subtree`. */
  agency: string;
  subtree?: boolean;
  /** `open`, `closed`, `dueSoon` (due within `withinDays` working days, overdue included), `overdue`. */
  filter?: 'all' | 'open' | 'closed' | 'dueSoon' | 'overdue';
  status?: CaseStatus;
  withinDays?: number;
  limit?: number;
  offset?: number;
}

export interface ApplicationListItem {
  record: ApplicationRecord;
  /** Working days left as of today (negative: overdue); null when closed or the clock is not running. */
  daysLeft: number | null;
  /** The due date falls in a year without a working-day calendar notice: it may still move. */
  provisional: boolean;
}

/** The cases of an agency (or its subtree) the principal may read; due-soon and overdue lists sorted by due date. */
export async function listApplications(
  deps: PlatformDeps,
  principal: Principal,
  query: ListApplicationsQuery,
): Promise<ApplicationListItem[]> {
  const limit = Number.isInteger(query.limit) ? Math.min(Math.max(query.limit!, 1), 1000) : 100;
  const within = query.withinDays ?? DUE_SOON_WORKING_DAYS;
  if (!Number.isInteger(within) || within < 0 || within > 60) {
    throw new DomainError('VALIDATION_FAILED', 'withinDays 应为 0 至 60', 'withinDays must be 0 to 60');
  }
  const agency = await findAgencyByRef(deps.db, query.agency);
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readApplicationRoles);
  if (!inScope(scope, agency.id)) throw errors.agencyNotFound(query.agency);
  const ids = query.subtree
    ? tree.filter((a) => inScope(scope, a.id) && isUnder(tree, a, agency.id)).map((a) => a.id)
    : [agency.id];
  const byId = new Map(tree.map((a) => [a.id, a]));
  const today = beijingDate(deps.clock());
  const filter = query.filter ?? 'all';
  const deadlineList = filter === 'dueSoon' || filter === 'overdue';
  const stored = await applicationsRepository.list(deps.db, {
    agencyIds: ids,
    status: query.status,
    open: filter === 'open' || deadlineList ? true : filter === 'closed' ? false : undefined,
    // A calendar-day bound wide enough for any run of holidays; the working-day test below is exact.
    dueOnOrBefore: deadlineList ? addDays(today, filter === 'overdue' ? 0 : within * 2 + 14) : undefined,
    limit: deadlineList ? 100_000 : limit,
    offset: deadlineList ? 0 : query.offset,
  });
  const items = stored.map((s) => {
    const a = byId.get(s.record.agencyId)!;
    const daysLeft =
      s.record.closedOn === null && s.record.dueOn !== null
        ? workingDaysLeft(calendarOf(a), s.record.dueOn, today)
        : null;
    const provisional = s.record.dueOn !== null && !hasYear(calendarOf(a), yearOf(s.record.dueOn));
    return { record: s.record, daysLeft, provisional };
  });
  const shown = deadlineList
    ? items
        .filter((i) => i.daysLeft !== null && (filter === 'overdue' ? i.daysLeft < 0 : i.daysLeft <= within))
        .slice(query.offset ?? 0, (query.offset ?? 0) + limit)
    : items;
  // The list shows applicants' names: the read is audited with the cases shown.
  await recordPersonalDataRead(deps, principal, {
    kind: 'case-list',
    agencyId: agency.id,
    cases: shown.map((i) => i.record),
  });
  return shown;
}

function isUnder(tree: readonly Agency[], agency: Agency, rootId: string): boolean {
  const byId = new Map(tree.map((a) => [a.id, a]));
  for (let a: Agency | undefined = agency; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
    if (a.id === rootId) return true;
  }
  return false;
}
