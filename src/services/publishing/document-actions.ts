import { randomUUID } from 'node:crypto';
import type { Agency } from '../../core/agency.js';
import { DomainError } from '../../core/errors.js';
import type { DocumentEvent, ReviewChecklist } from '../../core/publishing/events.js';
import { policyItems } from '../../core/publishing/genres.js';
import { disclosureLabels } from '../../core/publishing/record.js';
import { mayDecideStep } from '../../core/publishing/settings.js';
import {
  applyDocumentEvent,
  isSelfApproval,
  replayDocument,
  type DocumentState,
} from '../../core/publishing/workflow.js';
import type { Role } from '../../core/roles.js';
import type { AuditEvent } from '../../core/audit.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import type { Executor } from '../../storage/executor.js';
import { documentAttachmentsRepository } from '../../storage/publishing/document-attachments-repository.js';
import { documentLinksRepository } from '../../storage/publishing/document-links-repository.js';
import { documentsRepository, type StoredDocument } from '../../storage/publishing/documents-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import {
  authorDocumentRoles,
  inScope,
  publishDocumentRoles,
  readDocumentRoles,
  scopeOf,
  withdrawDocumentRoles,
} from '../policies/access.js';
import { validate } from '../platform/validate.js';
import { checkDocumentMetadata } from './create-document.js';
import { documentActionInput, type DocumentActionInput } from './document-input.js';
import {
  actorIdOf,
  documentView,
  dueOnOf,
  loadDocument,
  todayOf,
  type DocumentView,
} from './document-view.js';
import { settingsOf } from './publishing-settings.js';
import { documentChanged } from './update-document.js';
import { beijingDate } from '../applications/case-calendar.js';

type Action = ReturnType<typeof documentActionInput.parse>;

/** The roles a principal holds over an agency (every role when operator). */
function rolesOver(principal: Principal, tree: readonly Agency[], agencyId: string): Role[] {
  if (principal.kind === 'operator')
    return ['admin', 'registrar', 'reviewer', 'approver', 'supervisor', 'auditor'];
  return (['admin', 'registrar', 'reviewer', 'approver', 'supervisor', 'auditor'] as const).filter((role) =>
    inScope(scopeOf(principal, tree, [role]), agencyId),
  );
}

function forbidden(zh: string, en: string): DomainError {
  return new DomainError('FORBIDDEN', zh, en);
}

function requireRoles(held: readonly Role[], anyOf: readonly Role[], zh: string, en: string): void {
  if (!anyOf.some((r) => held.includes(r))) throw forbidden(zh, en);
}

/** Attachments of the version that intake flagged and no reviewer has overridden. */
async function blockingAttachments(db: Executor, doc: StoredDocument): Promise<string[]> {
  const list = await documentAttachmentsRepository.list(db, doc.record.id, doc.record.currentVersion);
  return list.filter((a) => a.details.blocksApproval === true).map((a) => a.name);
}

/** Who performs a step: the events to append and any documents published with it (三同步). */
interface Step {
  document: StoredDocument;
  agency: Agency;
  state: DocumentState;
  events: DocumentEvent[];
}

async function historyOf(db: Executor, doc: StoredDocument): Promise<DocumentState> {
  return replayDocument((await documentsRepository.listEvents(db, doc.record.id)).map((e) => e.event));
}

/** Appends events to a document, refreshes its row, freezes a published version; returns the new stored record. */
async function commit(
  db: Executor,
  principal: Principal,
  step: Step,
  at: string,
  record: (event: AuditEvent) => void,
): Promise<StoredDocument> {
  let state = step.state;
  let stored = step.document;
  const settings = await settingsOf(db, step.agency);
  for (const event of step.events) {
    state = applyDocumentEvent(state, event, { allowSelfApproval: settings.allowSelfApproval });
    const seq = stored.eventCount + 1;
    await documentsRepository.appendEvent(db, stored.record.id, {
      seq,
      event,
      actor: auditActorOf(principal).label,
      actorUserId: principal.kind === 'staff' ? principal.userId : null,
      recordedAt: at,
    });
    let doc = { ...stored.record, status: state.status, scheduledAt: state.scheduledAt, updatedAt: at };
    if (event.type === 'published') {
      await documentsRepository.freezeVersion(db, doc.id, event.version);
      doc = {
        ...doc,
        publishedVersion: event.version,
        publishedOn: doc.publishedOn ?? event.publishedOn,
        publishedAt: event.at,
        dueOn: null,
      };
    }
    if (event.type === 'revisionStarted') {
      const base = (await documentsRepository.getVersion(db, doc.id, doc.currentVersion))!;
      // The revision is a change (变更): its Art 26 period runs from today.
      const metadata = { ...base.metadata, formedOn: beijingDate(new Date(at)) };
      await documentsRepository.insertVersion(db, {
        ...base,
        version: event.version,
        metadata,
        frozen: false,
        createdAt: at,
        createdBy: event.by,
        updatedAt: at,
      });
      await documentAttachmentsRepository.copyToVersion(
        db,
        doc.id,
        doc.currentVersion,
        event.version,
        randomUUID,
        at,
        event.by,
      );
      doc = { ...doc, currentVersion: event.version, metadata, dueOn: dueOnOf(step.agency, metadata) };
    }
    if (event.type === 'withdrawn') doc = { ...doc, dueOn: null };
    stored = { ...stored, record: doc, eventCount: seq };
    await documentsRepository.update(db, stored);
    record({
      action: 'document.event',
      entityType: 'document',
      entityId: doc.id,
      agencyId: doc.agencyId,
      before: { status: step.state.status },
      after: { seq, event, status: state.status },
    });
  }
  return stored;
}

/**
 * The linked 解读 that go out with a policy (三同步): a policy needing one publishes only when at least one linked
 * 解读 is approved, scheduled or already published; approved or scheduled ones are published in the same step.
 */
async function interpretationsToPublish(
  db: Executor,
  doc: StoredDocument,
  state: DocumentState,
): Promise<StoredDocument[]> {
  const links = (await documentLinksRepository.of(db, doc.record.id)).filter(
    (l) => l.kind === 'interprets' && l.toId === doc.record.id,
  );
  const interpretations = await documentsRepository.findManyByIds(
    db,
    links.map((l) => l.fromId),
  );
  const needs =
    (state.needsInterpretation || doc.record.metadata.needsInterpretation) &&
    policyItems.includes(doc.record.metadata.art20Item);
  const ready = interpretations.filter((i) =>
    ['approved', 'scheduled', 'published'].includes(i.record.status),
  );
  if (needs && ready.length === 0) {
    throw new DomainError(
      'DOCUMENT_BLOCKED',
      '此政策文件需要解读，须与解读同步发布（三同步）：请先关联一份审核通过的解读',
      'this policy needs an interpretation published with it: link an approved interpretation first',
    );
  }
  return ready.filter((i) => i.record.status !== 'published');
}

/** A 解读 goes out with its policy: alone only once the policy it explains is published. */
async function checkInterpretationAlone(db: Executor, doc: StoredDocument): Promise<void> {
  const links = (await documentLinksRepository.of(db, doc.record.id)).filter(
    (l) => l.kind === 'interprets' && l.fromId === doc.record.id,
  );
  const policies = await documentsRepository.findManyByIds(
    db,
    links.map((l) => l.toId),
  );
  const unpublished = policies.filter((p) => p.record.publishedVersion === null);
  if (unpublished.length > 0) {
    throw new DomainError(
      'DOCUMENT_BLOCKED',
      `解读应与政策文件同步发布：请发布政策文件${unpublished.map((p) => `《${p.record.metadata.title}》`).join('、')}，解读随之发布`,
      'an interpretation is published with its policy: publish the policy and the interpretation goes out with it',
    );
  }
}

/** Checks shared by publishing now and by the timer. */
async function publishChecks(
  db: Executor,
  doc: StoredDocument,
  agency: Agency,
  publishedOn: string,
): Promise<void> {
  const attribute = doc.record.metadata.disclosure.attribute;
  if (attribute !== 'proactive') {
    throw new DomainError(
      'DOCUMENT_BLOCKED',
      `公开属性为「${disclosureLabels[attribute].zh}」的信息不主动发布`,
      `information marked "${disclosureLabels[attribute].en}" is not published proactively`,
    );
  }
  await checkDocumentMetadata(
    db,
    agency,
    await settingsOf(db, agency),
    structuredClone(doc.record.metadata),
    publishedOn,
  );
}

/** Publishes `doc` (and the 解读 that go with it) in the current transaction. */
async function publishNow(
  db: Executor,
  principal: Principal,
  doc: StoredDocument,
  agency: Agency,
  state: DocumentState,
  at: string,
  record: (event: AuditEvent) => void,
): Promise<StoredDocument> {
  const publishedOn = beijingDate(new Date(at));
  await publishChecks(db, doc, agency, publishedOn);
  if (doc.record.metadata.art20Item === 'interpretation') await checkInterpretationAlone(db, doc);
  const together = await interpretationsToPublish(db, doc, state);
  const by = actorIdOf(principal);
  for (const other of together) {
    const otherAgency =
      agency.id === other.record.agencyId
        ? agency
        : (await loadDocument(db, principal, other.record.id)).agency;
    await publishChecks(db, other, otherAgency, publishedOn);
    await commit(
      db,
      principal,
      {
        document: other,
        agency: otherAgency,
        state: await historyOf(db, other),
        events: [
          {
            type: 'published',
            at,
            by,
            version: other.record.currentVersion,
            publishedOn,
            together: [doc.record.id],
          },
        ],
      },
      at,
      record,
    );
  }
  return commit(
    db,
    principal,
    {
      document: doc,
      agency,
      state,
      events: [
        {
          type: 'published',
          at,
          by,
          version: doc.record.currentVersion,
          publishedOn,
          together: together.map((t) => t.record.id),
        },
      ],
    },
    at,
    record,
  );
}

/**
 * One workflow action on a document (submit, review, refer, answer a referral, schedule, publish, revise,
 * withdraw), checked by the state machine and by who may take it, appended with its audit entry in one transaction.
 */
export async function recordDocumentAction(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: DocumentActionInput,
): Promise<DocumentView> {
  const input: Action = validate(documentActionInput, raw);
  try {
    return await withAudit(deps, principal, async (trx, record) => {
      const { stored, agency, tree } = await loadDocument(trx, principal, ref, readDocumentRoles);
      const held = rolesOver(principal, tree, agency.id);
      const state = await historyOf(trx, stored);
      const at = deps.clock().toISOString();
      const by = actorIdOf(principal);
      const settings = await settingsOf(trx, agency);
      const author = () =>
        requireRoles(
          held,
          authorDocumentRoles,
          '只有经办人、审核人或负责人可以办理文件',
          'only authors may do this',
        );
      const stepOf = (n: number) => {
        const chain = state.chain ?? [];
        const step = chain[n - 1];
        if (!step) {
          throw new DomainError(
            'TRANSITION_NOT_ALLOWED',
            `审核流程没有第 ${n} 步`,
            `the review chain has no step ${n}`,
          );
        }
        if (!mayDecideStep(step, held)) {
          throw forbidden(
            `您没有「${step.name}」环节的审核权限`,
            `you may not decide the step "${step.name}"`,
          );
        }
        return step;
      };
      let events: DocumentEvent[];
      switch (input.type) {
        case 'submit': {
          author();
          await checkDocumentMetadata(trx, agency, settings, structuredClone(stored.record.metadata), null);
          events = [
            { type: 'submitted', at, by, version: stored.record.currentVersion, chain: settings.reviewChain },
          ];
          break;
        }
        case 'review': {
          stepOf(input.step);
          const self = state.status === 'inReview' && isSelfApproval(state, by);
          const warnings: string[] = [];
          if (self && settings.allowSelfApproval) {
            warnings.push(
              by === state.authorId
                ? '自我审核：审核人即起草人（本机关已允许）/ self-approval: the reviewer is the author (enabled by the agency)'
                : '同一人审核了本轮的两个步骤（本机关已允许）/ one person decided two steps of this round (enabled by the agency)',
            );
          }
          if (input.decision === 'approve') {
            const blocking = await blockingAttachments(trx, stored);
            if (blocking.length > 0 && !input.overrideReason) {
              throw new DomainError(
                'DOCUMENT_BLOCKED',
                `附件中发现个人信息等问题，须替换附件或由审核人说明理由后放行：${blocking.join('、')}`,
                `attachments were flagged at intake; replace them or override with a reason: ${blocking.join(', ')}`,
                { attachments: blocking },
              );
            }
            if (blocking.length > 0)
              warnings.push(`审核人放行了被标记的附件（${blocking.join('、')}）：${input.overrideReason}`);
          }
          events = [
            {
              type: 'reviewed',
              at,
              by,
              step: input.step - 1,
              decision: input.decision,
              checklist: input.checklist as ReviewChecklist,
              comment: input.comment,
              selfApproval: self && settings.allowSelfApproval,
              warnings,
            },
          ];
          break;
        }
        case 'refer':
          stepOf(input.step);
          events = [
            {
              type: 'referred',
              at,
              by,
              step: input.step - 1,
              authority: input.authority,
              authorityName: input.authorityName,
              question: input.question,
            },
          ];
          break;
        case 'answerReferral':
          stepOf(state.step + 1);
          events = [
            {
              type: 'referralAnswered',
              at,
              by,
              decision: input.decision,
              reference: input.reference,
              note: input.note,
            },
          ];
          break;
        case 'schedule': {
          requireRoles(
            held,
            publishDocumentRoles,
            '只有经办人或负责人可以发布',
            'only registrars or approvers may publish',
          );
          const publishAt = new Date(input.publishAt).toISOString();
          await publishChecks(trx, stored, agency, beijingDate(new Date(publishAt)));
          events = [{ type: 'scheduled', at, by, publishAt }];
          break;
        }
        case 'cancelSchedule':
          requireRoles(
            held,
            publishDocumentRoles,
            '只有经办人或负责人可以发布',
            'only registrars or approvers may publish',
          );
          events = [{ type: 'scheduleCancelled', at, by }];
          break;
        case 'publish': {
          requireRoles(
            held,
            publishDocumentRoles,
            '只有经办人或负责人可以发布',
            'only registrars or approvers may publish',
          );
          // The state machine refuses anything but an approved or scheduled version (先审查、后公开).
          applyDocumentEvent(state, {
            type: 'published',
            at,
            by,
            version: stored.record.currentVersion,
            publishedOn: '',
            together: [],
          });
          const published = await publishNow(trx, principal, stored, agency, state, at, record);
          return documentView(trx, published, agency, todayOf(deps.clock));
        }
        case 'startRevision':
          author();
          events = [
            {
              type: 'revisionStarted',
              at,
              by,
              version: stored.record.currentVersion + 1,
              reason: input.reason,
            },
          ];
          break;
        case 'withdraw':
          requireRoles(
            held,
            withdrawDocumentRoles,
            '撤回须由负责人决定',
            'only an approver may withdraw a document',
          );
          events = [{ type: 'withdrawn', at, by, reason: input.reason }];
          break;
      }
      const updated = await commit(trx, principal, { document: stored, agency, state, events }, at, record);
      return documentView(trx, updated, agency, todayOf(deps.clock));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw documentChanged();
    throw error;
  }
}

/** The outcome of one scheduled publication the timer tried. */
export interface DuePublication {
  id: string;
  published: boolean;
  error: { code: string; message: string } | null;
}

/**
 * Publishes every scheduled document whose time has come, each in its own transaction as the system; one that
 * cannot go out (a 解读 missing, the metadata no longer valid) stays scheduled and is reported.
 */
export async function publishDueDocuments(
  deps: PlatformDeps,
  principal: Principal,
  limit = 500,
): Promise<DuePublication[]> {
  const now = deps.clock().toISOString();
  const ids = await documentsRepository.scheduledDue(deps.db, now, limit);
  const out: DuePublication[] = [];
  for (const id of ids) {
    try {
      await withAudit(deps, principal, async (trx, record) => {
        const stored = await documentsRepository.findById(trx, id);
        if (!stored || stored.record.status !== 'scheduled' || (stored.record.scheduledAt ?? '') > now)
          return;
        const tree = await agenciesRepository.listAll(trx);
        const agency = tree.find((a) => a.id === stored.record.agencyId)!;
        await publishNow(
          trx,
          principal,
          stored,
          agency,
          await historyOf(trx, stored),
          deps.clock().toISOString(),
          record,
        );
      });
      out.push({ id, published: true, error: null });
    } catch (error) {
      const e =
        error instanceof DomainError
          ? { code: error.code, message: error.messageZh }
          : { code: 'INTERNAL_ERROR', message: String(error) };
      out.push({ id, published: false, error: e });
    }
  }
  return out;
}
