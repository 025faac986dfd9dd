import { applyDocumentEvent, replayDocument } from '../../core/publishing/workflow.js';
import type { DocumentMetadata } from '../../core/publishing/record.js';
import { DomainError } from '../../core/errors.js';
import { documentNumberKey } from '../../core/publishing/validate-record.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import { documentsRepository } from '../../storage/publishing/documents-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { authorDocumentRoles } from '../policies/access.js';
import { validate } from '../platform/validate.js';
import { bodyFromText } from './body.js';
import { checkDocumentMetadata, completeMetadata } from './create-document.js';
import { documentMetadataInput, updateDocumentInput, type UpdateDocumentInput } from './document-input.js';
import {
  actorIdOf,
  documentView,
  dueOnOf,
  loadDocument,
  todayOf,
  type DocumentView,
} from './document-view.js';
import { settingsOf } from './publishing-settings.js';

export function documentChanged(): DomainError {
  return new DomainError(
    'DOCUMENT_CHANGED',
    '文件刚被他人更新，请刷新后重试',
    'the document was just changed by someone else; reload and try again',
  );
}

/**
 * Edits the working draft. Only a draft can be edited (the state machine refuses a version in review, approved or
 * published: DOCUMENT_NOT_EDITABLE); the change is an `edited` event naming the fields, with its audit entry.
 */
export async function updateDocument(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: UpdateDocumentInput,
): Promise<DocumentView> {
  const parsed = validate(updateDocumentInput, raw);
  // Only the fields given replace the old ones (the schema's defaults must not reset the others).
  const given = new Set(Object.keys(raw.metadata ?? {}));
  const input = {
    ...parsed,
    metadata: Object.fromEntries(Object.entries(parsed.metadata).filter(([k]) => given.has(k))),
  };
  try {
    return await withAudit(deps, principal, async (trx, record) => {
      const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
      const doc = stored.record;
      const history = await documentsRepository.listEvents(trx, doc.id);
      const state = replayDocument(history.map((e) => e.event));
      const at = deps.clock().toISOString();
      const today = todayOf(deps.clock);
      if (input.version !== doc.currentVersion) throw documentChanged();
      const merged = documentMetadataInput.parse({ ...doc.metadata, ...input.metadata });
      const metadata: DocumentMetadata = completeMetadata(merged, agency, today);
      const fields = [
        ...Object.keys(input.metadata).filter(
          (k) =>
            JSON.stringify(doc.metadata[k as keyof DocumentMetadata]) !==
            JSON.stringify(metadata[k as keyof DocumentMetadata]),
        ),
        ...(input.body !== undefined ? ['body'] : []),
      ];
      const event = {
        type: 'edited' as const,
        at,
        by: actorIdOf(principal),
        version: doc.currentVersion,
        fields,
      };
      const after = applyDocumentEvent(state, event);
      const settings = await settingsOf(trx, agency);
      await checkDocumentMetadata(trx, agency, settings, metadata, null);
      const version = (await documentsRepository.getVersion(trx, doc.id, doc.currentVersion))!;
      const body =
        input.body !== undefined
          ? bodyFromText(input.body)
          : { html: version.bodyHtml, text: version.bodyText };
      await documentsRepository.updateVersion(trx, {
        ...version,
        metadata,
        bodyHtml: body.html,
        bodyText: body.text,
        updatedAt: at,
      });
      const seq = stored.eventCount + 1;
      await documentsRepository.appendEvent(trx, doc.id, {
        seq,
        event,
        actor: auditActorOf(principal).label,
        actorUserId: principal.kind === 'staff' ? principal.userId : null,
        recordedAt: at,
      });
      const updated = {
        ...stored,
        record: {
          ...doc,
          metadata,
          status: after.status,
          dueOn:
            doc.publishedVersion === null || doc.currentVersion !== doc.publishedVersion
              ? dueOnOf(agency, metadata)
              : null,
          updatedAt: at,
        },
        documentNumberKey: documentNumberKey(metadata.documentNumber),
        eventCount: seq,
      };
      await documentsRepository.update(trx, updated);
      record({
        action: 'document.update',
        entityType: 'document',
        entityId: doc.id,
        agencyId: agency.id,
        before: { metadata: doc.metadata },
        after: { version: doc.currentVersion, fields, metadata },
      });
      return documentView(trx, updated, agency, today);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw documentChanged();
    throw error;
  }
}
