import type { Agency } from '../../core/agency.js';
import type { ApplicationRecord } from '../../core/applications/record.js';
import type { CaseStatus } from '../../core/applications/state-machine.js';
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import {
  applicationsRepository,
  caseListOrder,
  type CaseListPart,
} from '../../storage/applications-repository.js';
import { decodeCursor, keysetPage, type KeyValue } from '../../storage/keyset.js';
import { beijingDate, dayOrdinalOf, lastDateWithOrdinalAtMost } from './case-calendar.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readApplicationRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { recordPersonalDataRead } from '../audit/personal-data-reads.js';

/** Working days ahead that count as “due soon” unless the caller asks otherwise. */
export const DUE_SOON_WORKING_DAYS = 5;

/** The deepest `offset` accepted (kept for old clients; `cursor` pages at any depth for the same cost). */
export const MAX_LIST_OFFSET = 10_000;

export interface ListApplicationsQuery {
  /** Agency id or code; its whole subtree when `subtree`. */
  agency: string;
  subtree?: boolean;
  /** `open`, `closed`, `dueSoon` (due within `withinDays` working days, overdue included), `overdue`. */
  filter?: 'all' | 'open' | 'closed' | 'dueSoon' | 'overdue';
  status?: CaseStatus;
  withinDays?: number;
  limit?: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
  /** Rows to skip (at most MAX_LIST_OFFSET); prefer `cursor`. */
  offset?: number;
}

export interface ApplicationListItem {
  record: ApplicationRecord;
  /** Working days left as of today (negative: overdue); null when closed or the clock is not running. */
  daysLeft: number | null;
  /** The due date falls in a year without a working-day calendar notice: it may still move. */
  provisional: boolean;
}

/** A page of a case list and the cursor of the next one (null on the last page). */
export interface ApplicationListPage {
  items: ApplicationListItem[];
  nextCursor: string | null;
}

/** The cases of an agency (or its subtree) the principal may read; one page (see listApplicationsPage). */
export async function listApplications(
  deps: PlatformDeps,
  principal: Principal,
  query: ListApplicationsQuery,
): Promise<ApplicationListItem[]> {
  return (await listApplicationsPage(deps, principal, query)).items;
}

/**
 * A page of the cases of an agency (or its subtree) the principal may read. Plain lists are newest first;
 * due-soon and overdue lists are by due date. Everything is decided in the database from the columns each event
 * keeps up to date (due date, its working-day ordinal, provisional), and pages follow keyset cursors, so a page
 * costs the same at any depth and with any number of cases.
 */
export async function listApplicationsPage(
  deps: PlatformDeps,
  principal: Principal,
  query: ListApplicationsQuery,
): Promise<ApplicationListPage> {
  const limit = Number.isInteger(query.limit) ? Math.min(Math.max(query.limit!, 1), 1000) : 100;
  const within = query.withinDays ?? DUE_SOON_WORKING_DAYS;
  if (!Number.isInteger(within) || within < 0 || within > 60) {
    throw new DomainError('VALIDATION_FAILED', 'withinDays 应为 0 至 60', 'withinDays must be 0 to 60');
  }
  const offset = query.offset ?? 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_LIST_OFFSET) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `offset 应为 0 至 ${MAX_LIST_OFFSET}；翻到更深的页请用 cursor`,
      `offset must be 0 to ${MAX_LIST_OFFSET}; use cursor for deeper pages`,
    );
  }
  const agency = await findAgencyByRef(deps.db, query.agency);
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readApplicationRoles);
  if (!inScope(scope, agency.id)) throw errors.agencyNotFound(query.agency);
  const agencies = query.subtree
    ? tree.filter((a) => inScope(scope, a.id) && isUnder(tree, a, agency.id))
    : [agency];
  const today = beijingDate(deps.clock());
  const filter = query.filter ?? 'all';
  const deadlineList = filter === 'dueSoon' || filter === 'overdue';
  const order = caseListOrder(`applications:${filter}`, deadlineList ? 'due' : 'registered');
  const after: KeyValue[] | undefined = query.cursor ? decodeCursor(order, query.cursor) : undefined;
  const parts: CaseListPart[] = agencies.map((a) => {
    const todayOrdinal = dayOrdinalOf(a, today);
    if (!deadlineList) return { agencyId: a.id, todayOrdinal };
    // Overdue: fewer than 0 working days left; due soon: at most `within` (overdue included).
    const maxOrdinal = filter === 'overdue' ? todayOrdinal - 1 : todayOrdinal + within;
    return {
      agencyId: a.id,
      todayOrdinal,
      due: { maxOrdinal, onOrBefore: lastDateWithOrdinalAtMost(a, maxOrdinal, today) },
    };
  });
  const rows = await applicationsRepository.listPage(deps.db, {
    parts,
    order,
    open: filter === 'open' ? true : filter === 'closed' ? false : undefined,
    status: query.status,
    after,
    take: offset + limit + 1,
  });
  const page = keysetPage(rows.slice(offset), limit, order, (r) =>
    deadlineList
      ? [r.stored.record.dueOn ?? '', r.stored.record.trackingNumber]
      : [r.stored.record.registeredOn, r.stored.record.trackingNumber],
  );
  // The list shows applicants' names: the read is audited with the cases shown.
  await recordPersonalDataRead(deps, principal, {
    kind: 'case-list',
    agencyId: agency.id,
    cases: page.items.map((r) => r.stored.record),
  });
  return {
    items: page.items.map((r) => ({
      record: r.stored.record,
      daysLeft: r.daysLeft,
      provisional: r.stored.dueProvisional,
    })),
    nextCursor: page.nextCursor,
  };
}

function isUnder(tree: readonly Agency[], agency: Agency, rootId: string): boolean {
  const byId = new Map(tree.map((a) => [a.id, a]));
  for (let a: Agency | undefined = agency; a; a = a.parentId ? byId.get(a.parentId) : undefined) {
    if (a.id === rootId) return true;
  }
  return false;
}
