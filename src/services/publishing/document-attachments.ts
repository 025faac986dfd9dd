import { createHash, randomUUID } from 'node:crypto';
import { DomainError } from '../../core/errors.js';
import { replayDocument } from '../../core/publishing/workflow.js';
import { applyDocumentEvent } from '../../core/publishing/workflow.js';
import {
  documentAttachmentsRepository,
  type StoredAttachment,
} from '../../storage/publishing/document-attachments-repository.js';
import { documentsRepository } from '../../storage/publishing/documents-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { authorDocumentRoles } from '../policies/access.js';
import {
  ATTACHMENTS_PER_VERSION_MAX,
  cleanAttachmentName,
  opaqueIntake,
  type AttachmentIntake,
} from './attachment-intake.js';
import { actorIdOf, loadDocument } from './document-view.js';

/** The intake in use (opaque until content checks and text extraction land). */
let intake: AttachmentIntake = opaqueIntake;

/** Replaces the attachment intake (content type by bytes, text extraction, personal-data findings). */
export function useAttachmentIntake(next: AttachmentIntake): void {
  intake = next;
}

function attachmentNotFound(id: string): DomainError {
  return new DomainError('ATTACHMENT_NOT_FOUND', `找不到附件：${id}`, `attachment not found: ${id}`);
}

/**
 * Adds an attachment to the working draft (an `edited` event: a published version is never changed in place).
 * The bytes are stored once per content; intake decides the media type and extracts text.
 */
export async function addAttachment(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  file: { name: string; bytes: Uint8Array },
): Promise<StoredAttachment> {
  const name = cleanAttachmentName(file.name);
  const inspected = await intake.inspect(name, file.bytes);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
    const doc = stored.record;
    const state = replayDocument((await documentsRepository.listEvents(trx, doc.id)).map((e) => e.event));
    const at = deps.clock().toISOString();
    const event = {
      type: 'edited' as const,
      at,
      by: actorIdOf(principal),
      version: doc.currentVersion,
      fields: ['attachments'],
    };
    applyDocumentEvent(state, event);
    const existing = await documentAttachmentsRepository.list(trx, doc.id, doc.currentVersion);
    if (existing.length >= ATTACHMENTS_PER_VERSION_MAX) {
      throw new DomainError(
        'ATTACHMENT_INVALID',
        `每个版本最多 ${ATTACHMENTS_PER_VERSION_MAX} 个附件`,
        `at most ${ATTACHMENTS_PER_VERSION_MAX} attachments per version`,
      );
    }
    await documentAttachmentsRepository.putBlob(trx, sha256, file.bytes);
    const attachment: StoredAttachment = {
      id: randomUUID(),
      documentId: doc.id,
      version: doc.currentVersion,
      position: existing.reduce((max, a) => Math.max(max, a.position), 0) + 1,
      name,
      mediaType: inspected.mediaType,
      sizeBytes: file.bytes.byteLength,
      sha256,
      textContent: inspected.text,
      details: inspected.details,
      createdAt: at,
      createdBy: actorIdOf(principal),
    };
    await documentAttachmentsRepository.insert(trx, attachment);
    const seq = stored.eventCount + 1;
    await documentsRepository.appendEvent(trx, doc.id, {
      seq,
      event,
      actor: auditActorOf(principal).label,
      actorUserId: principal.kind === 'staff' ? principal.userId : null,
      recordedAt: at,
    });
    await documentsRepository.update(trx, { ...stored, record: { ...doc, updatedAt: at }, eventCount: seq });
    record({
      action: 'document.attachment-add',
      entityType: 'document',
      entityId: doc.id,
      agencyId: agency.id,
      before: null,
      after: {
        attachmentId: attachment.id,
        name,
        mediaType: attachment.mediaType,
        sizeBytes: attachment.sizeBytes,
        sha256,
      },
    });
    return attachment;
  });
}

/** Removes an attachment from the working draft. */
export async function removeAttachment(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  attachmentId: string,
): Promise<void> {
  await withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
    const doc = stored.record;
    const attachment = await documentAttachmentsRepository.findById(trx, attachmentId);
    if (!attachment || attachment.documentId !== doc.id || attachment.version !== doc.currentVersion) {
      throw attachmentNotFound(attachmentId);
    }
    const state = replayDocument((await documentsRepository.listEvents(trx, doc.id)).map((e) => e.event));
    const at = deps.clock().toISOString();
    const event = {
      type: 'edited' as const,
      at,
      by: actorIdOf(principal),
      version: doc.currentVersion,
      fields: ['attachments'],
    };
    applyDocumentEvent(state, event);
    await documentAttachmentsRepository.remove(trx, attachmentId);
    const seq = stored.eventCount + 1;
    await documentsRepository.appendEvent(trx, doc.id, {
      seq,
      event,
      actor: auditActorOf(principal).label,
      actorUserId: principal.kind === 'staff' ? principal.userId : null,
      recordedAt: at,
    });
    await documentsRepository.update(trx, { ...stored, record: { ...doc, updatedAt: at }, eventCount: seq });
    record({
      action: 'document.attachment-remove',
      entityType: 'document',
      entityId: doc.id,
      agencyId: agency.id,
      before: { attachmentId, name: attachment.name, sha256: attachment.sha256 },
      after: null,
    });
  });
}

/** An attachment's bytes (any version the principal may read). */
export async function getAttachmentContent(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  attachmentId: string,
): Promise<{ attachment: StoredAttachment; bytes: Uint8Array }> {
  const { stored } = await loadDocument(deps.db, principal, ref);
  const attachment = await documentAttachmentsRepository.findById(deps.db, attachmentId);
  if (!attachment || attachment.documentId !== stored.record.id) throw attachmentNotFound(attachmentId);
  const bytes = await documentAttachmentsRepository.getBlob(deps.db, attachment.sha256);
  if (!bytes) throw attachmentNotFound(attachmentId);
  return { attachment, bytes };
}

export type { StoredAttachment };
