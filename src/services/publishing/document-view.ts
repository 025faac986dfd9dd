import type { Agency } from '../../core/agency.js';
import { hasYear } from '../../core/calendar/calendar.js';
import { yearOf, type IsoDate } from '../../core/calendar/date.js';
import { proactivePublicationDue } from '../../core/clock/proactive.js';
import { workingDaysLeft } from '../../core/clock/working-days.js';
import { DomainError } from '../../core/errors.js';
import type {
  DocumentMetadata,
  DocumentRecord,
  LinkKind,
  ChannelPublication,
} from '../../core/publishing/record.js';
import type { PublishingSettings, ReviewStep } from '../../core/publishing/settings.js';
import { catalogueLeafIds } from '../../core/publishing/settings.js';
import { checkMetadata, documentNumberKey, type Issue } from '../../core/publishing/validate-record.js';
import { replayDocument, type DocumentState, type RevisionEntry } from '../../core/publishing/workflow.js';
import type { Role } from '../../core/roles.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import type { Executor } from '../../storage/executor.js';
import {
  documentAttachmentsRepository,
  type StoredAttachment,
} from '../../storage/publishing/document-attachments-repository.js';
import { documentLinksRepository } from '../../storage/publishing/document-links-repository.js';
import {
  documentsRepository,
  type StoredDocument,
  type StoredDocumentEvent,
  type StoredVersion,
} from '../../storage/publishing/documents-repository.js';
import type { Principal } from '../accounts/principal.js';
import { beijingDate, calendarOf } from '../applications/case-calendar.js';
import { inScope, readDocumentRoles, scopeOf } from '../policies/access.js';
import { settingsOf } from './publishing-settings.js';

/** The 条例第二十六条 deadline of an unpublished proactive version, as shown on every draft. */
export interface PublicationDeadline {
  formedOn: IsoDate;
  due: IsoDate | null;
  /** Working days left as of today; negative when overdue. */
  daysLeft: number | null;
  overdue: boolean;
  /** The due date lies in a year without a working-day notice: it may still move. */
  provisional: boolean;
}

/** A linked document as seen from this one. */
export interface LinkView {
  kind: LinkKind;
  /** `from`: this document interprets / responds to the other; `to`: the other interprets / responds to this. */
  direction: 'from' | 'to';
  document: { id: string; indexNumber: string; title: string; status: DocumentRecord['status'] };
}

/** One document as staff see it. */
export interface DocumentView {
  record: DocumentRecord;
  agency: Pick<Agency, 'id' | 'code' | 'name'>;
  /** The working version (body and metadata). */
  version: StoredVersion;
  /** The version the public sees, when it differs from the working one (during a revision). */
  publishedVersion: StoredVersion | null;
  attachments: StoredAttachment[];
  events: StoredDocumentEvent[];
  state: DocumentState;
  deadline: PublicationDeadline | null;
  links: LinkView[];
  channels: ChannelPublication[];
  /** 修订记录. */
  revisions: RevisionEntry[];
  /** Warnings about the metadata (duplicate 文号 in the agency and year, …). */
  warnings: Issue[];
  /** The step awaiting a decision (1-based), while in review or referred. */
  pendingStep: { step: number; name: string; roles: Role[] } | null;
}

/** Who did it, as events record it: the user id, or the operator's label. */
export function actorIdOf(principal: Principal): string {
  return principal.kind === 'staff'
    ? principal.userId
    : principal.osUser
      ? `${principal.label}:${principal.osUser}`
      : principal.label;
}

export function documentNotFound(ref: string): DomainError {
  return new DomainError('DOCUMENT_NOT_FOUND', `找不到文件：${ref}`, `document not found: ${ref}`);
}

/** Loads a document by id or 索引号 if the principal holds one of `roles` over its agency (else not found). */
export async function loadDocument(
  db: Executor,
  principal: Principal,
  ref: string,
  roles: readonly Role[] = readDocumentRoles,
): Promise<{ stored: StoredDocument; agency: Agency; tree: Agency[] }> {
  const stored =
    (await documentsRepository.findById(db, ref)) ?? (await documentsRepository.findByIndexNumber(db, ref));
  if (!stored) throw documentNotFound(ref);
  const tree = await agenciesRepository.listAll(db);
  if (!inScope(scopeOf(principal, tree, readDocumentRoles), stored.record.agencyId))
    throw documentNotFound(ref);
  if (!inScope(scopeOf(principal, tree, roles), stored.record.agencyId)) {
    throw new DomainError('FORBIDDEN', '无权对此文件执行此操作', 'you may not do this to this document');
  }
  const agency = tree.find((a) => a.id === stored.record.agencyId)!;
  return { stored, agency, tree };
}

/** The Art 26 due date of formed-on date (null for information not proactively disclosed). */
export function dueOnOf(agency: Agency, metadata: DocumentMetadata): IsoDate | null {
  if (metadata.disclosure.attribute !== 'proactive') return null;
  return proactivePublicationDue(calendarOf(agency), metadata.formedOn).due;
}

export function deadlineOf(
  agency: Agency,
  record: DocumentRecord,
  today: IsoDate,
): PublicationDeadline | null {
  if (record.dueOn === null) return null;
  const calendar = calendarOf(agency);
  const daysLeft = workingDaysLeft(calendar, record.dueOn, today);
  return {
    formedOn: record.metadata.formedOn,
    due: record.dueOn,
    daysLeft,
    overdue: daysLeft !== null && daysLeft < 0,
    provisional: !hasYear(calendar, yearOf(record.dueOn)),
  };
}

/** Metadata warnings, including other documents of the agency with the same 文号 in the same year. */
export async function metadataWarnings(
  db: Executor,
  agencyId: string,
  documentId: string | null,
  m: DocumentMetadata,
  settings: PublishingSettings,
  publishedOn: IsoDate | null,
): Promise<Issue[]> {
  const { warnings } = checkMetadata(m, {
    catalogueLeafIds: catalogueLeafIds(settings.catalogue),
    publishedOn,
  });
  const key = documentNumberKey(m.documentNumber);
  if (key !== null) {
    // A standard 文号 carries its year, so the same key is the same number in the same year; 令 are numbered on.
    const same = await documentsRepository.withDocumentNumber(db, agencyId, key, documentId);
    if (same.length > 0) {
      warnings.push({
        field: 'documentNumber',
        zh: `本机关已有相同发文字号的文件：${same.map((d) => `${d.indexNumber}《${d.title}》`).join('、')}`,
        en: `the agency already has a document with this number: ${same.map((d) => d.indexNumber).join(', ')}`,
      });
    }
  }
  return warnings;
}

/** Builds the staff view of a document. */
export async function documentView(
  db: Executor,
  stored: StoredDocument,
  agency: Agency,
  today: IsoDate,
): Promise<DocumentView> {
  const record = stored.record;
  const [version, events, attachments, linkRows, channels, settings] = await Promise.all([
    documentsRepository.getVersion(db, record.id, record.currentVersion),
    documentsRepository.listEvents(db, record.id),
    documentAttachmentsRepository.list(db, record.id, record.currentVersion),
    documentLinksRepository.of(db, record.id),
    documentLinksRepository.channels(db, record.id),
    settingsOf(db, agency),
  ]);
  const publishedVersion =
    record.publishedVersion !== null && record.publishedVersion !== record.currentVersion
      ? ((await documentsRepository.getVersion(db, record.id, record.publishedVersion)) ?? null)
      : null;
  const others = await documentsRepository.findManyByIds(
    db,
    linkRows.map((l) => (l.fromId === record.id ? l.toId : l.fromId)),
  );
  const byId = new Map(others.map((o) => [o.record.id, o.record]));
  const links: LinkView[] = linkRows.flatMap((l) => {
    const direction = l.fromId === record.id ? ('from' as const) : ('to' as const);
    const other = byId.get(direction === 'from' ? l.toId : l.fromId);
    return other
      ? [
          {
            kind: l.kind,
            direction,
            document: {
              id: other.id,
              indexNumber: other.indexNumber,
              title: other.metadata.title,
              status: other.status,
            },
          },
        ]
      : [];
  });
  const state = replayDocument(events.map((e) => e.event));
  const chain: ReviewStep[] | null = state.chain;
  const pending =
    (state.status === 'inReview' || state.status === 'referred') && chain && chain[state.step]
      ? { step: state.step + 1, name: chain[state.step]!.name, roles: chain[state.step]!.roles }
      : null;
  return {
    record,
    agency: { id: agency.id, code: agency.code, name: agency.name },
    version: version!,
    publishedVersion,
    attachments,
    events,
    state,
    deadline: deadlineOf(agency, record, today),
    links,
    channels,
    revisions: state.revisions,
    warnings: await metadataWarnings(db, agency.id, record.id, record.metadata, settings, record.publishedOn),
    pendingStep: pending,
  };
}

/** Today in Beijing. */
export function todayOf(clock: () => Date): IsoDate {
  return beijingDate(clock());
}
