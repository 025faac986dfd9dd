import type { Agency } from '../../core/agency.js';
import { subtreeIds } from '../../core/agency.js';
import { addDays, isIsoDate } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import type { DocumentRecord, DocumentStatus } from '../../core/publishing/record.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { decodeCursor } from '../../storage/keyset.js';
import { documentListOrder, documentsRepository } from '../../storage/publishing/documents-repository.js';
import type { Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readDocumentRoles, scopeOf } from '../policies/access.js';
import { deadlineOf, todayOf, type PublicationDeadline } from './document-view.js';
import { settingsOf } from './publishing-settings.js';

export interface ListDocumentsQuery {
  /** Agency id or code; with `subtree`, every agency below it the principal may read. */
  agency: string;
  subtree?: boolean;
  status?: DocumentStatus;
  art20Item?: string;
  subjectId?: string;
  genre?: string;
  validity?: string;
  disclosure?: string;
  catalogueNodeId?: string;
  from?: string;
  to?: string;
  limit?: number;
  cursor?: string;
}

export interface DocumentListItem {
  record: DocumentRecord;
  deadline: PublicationDeadline | null;
}

export interface DocumentPage {
  items: DocumentListItem[];
  nextCursor: string | null;
}

async function agenciesOf(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  subtree: boolean,
): Promise<{ ids: string[]; byId: Map<string, Agency> }> {
  const agency = await findAgencyByRef(deps.db, ref);
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readDocumentRoles);
  if (!inScope(scope, agency.id)) throw errors.agencyNotFound(ref);
  const ids = subtree ? [...subtreeIds(tree, agency.id)].filter((id) => inScope(scope, id)) : [agency.id];
  return { ids, byId: new Map(tree.map((a) => [a.id, a])) };
}

function checkDate(value: string | undefined, field: string): void {
  if (value !== undefined && !isIsoDate(value)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${field} 应为 YYYY-MM-DD 日期：${value}`,
      `${field} must be a YYYY-MM-DD date: ${value}`,
    );
  }
}

/** A page of an agency's (or subtree's) documents, newest first, with any filter, by keyset cursor. */
export async function listDocuments(
  deps: PlatformDeps,
  principal: Principal,
  query: ListDocumentsQuery,
): Promise<DocumentPage> {
  const limit = query.limit === undefined ? 50 : query.limit;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new DomainError('VALIDATION_FAILED', 'limit 应为 1 至 200', 'limit must be 1 to 200');
  }
  checkDate(query.from, 'from');
  checkDate(query.to, 'to');
  const cursor = query.cursor ? decodeCursor(documentListOrder, query.cursor) : undefined;
  const { ids, byId } = await agenciesOf(deps, principal, query.agency, query.subtree ?? false);
  const page = await documentsRepository.list(deps.db, {
    agencyIds: ids,
    status: query.status,
    art20Item: query.art20Item,
    subjectId: query.subjectId,
    genre: query.genre,
    validity: query.validity,
    disclosure: query.disclosure,
    catalogueNodeId: query.catalogueNodeId,
    from: query.from,
    to: query.to,
    limit,
    cursor,
  });
  const today = todayOf(deps.clock);
  return {
    items: page.items.map((s) => ({
      record: s.record,
      deadline: deadlineOf(byId.get(s.record.agencyId)!, s.record, today),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * 条例第二十六条 lists: unpublished proactive documents overdue, or due within the agency's due-soon working days
 * (overdue included), earliest first.
 */
export async function listDocumentDeadlines(
  deps: PlatformDeps,
  principal: Principal,
  query: { agency: string; subtree?: boolean; filter: 'dueSoon' | 'overdue'; withinDays?: number },
): Promise<DocumentListItem[]> {
  const { ids, byId } = await agenciesOf(deps, principal, query.agency, query.subtree ?? false);
  const root = byId.get(ids[0]!) ?? (await findAgencyByRef(deps.db, query.agency));
  const within = query.withinDays ?? (await settingsOf(deps.db, root)).dueSoonWorkingDays;
  if (!Number.isInteger(within) || within < 0 || within > 60) {
    throw new DomainError('VALIDATION_FAILED', 'withinDays 应为 0 至 60', 'withinDays must be 0 to 60');
  }
  const today = todayOf(deps.clock);
  // A calendar-day bound wide enough for any run of holidays; the working-day test below is exact.
  const bound = addDays(today, query.filter === 'overdue' ? 0 : within * 2 + 14);
  const stored = await documentsRepository.dueList(deps.db, ids, bound, 5000);
  return stored
    .map((s) => ({ record: s.record, deadline: deadlineOf(byId.get(s.record.agencyId)!, s.record, today) }))
    .filter(
      (i) =>
        i.deadline !== null &&
        i.deadline.daysLeft !== null &&
        (query.filter === 'overdue' ? i.deadline.daysLeft < 0 : i.deadline.daysLeft <= within),
    );
}
