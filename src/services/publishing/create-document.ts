import { randomUUID } from 'node:crypto';
import type { Agency } from '../../core/agency.js';
import { yearOf, type IsoDate } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import { normaliseDocumentNumber } from '../../core/publishing/document-number.js';
import { renderIndexNumber } from '../../core/publishing/index-number.js';
import type { DocumentMetadata } from '../../core/publishing/record.js';
import { catalogueLeafIds, type PublishingSettings } from '../../core/publishing/settings.js';
import { assertMetadata, documentNumberKey } from '../../core/publishing/validate-record.js';
import { applyDocumentEvent } from '../../core/publishing/workflow.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import type { Executor } from '../../storage/executor.js';
import { documentsRepository, type StoredDocument } from '../../storage/publishing/documents-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { withAudit } from '../audit/audit-trail.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { authorDocumentRoles, inScope, scopeOf } from '../policies/access.js';
import { validate } from '../platform/validate.js';
import { bodyFromText } from './body.js';
import type { documentMetadataInput } from './document-input.js';
import { createDocumentInput, type CreateDocumentInput } from './document-input.js';
import {
  actorIdOf,
  documentView,
  dueOnOf,
  metadataWarnings,
  todayOf,
  type DocumentView,
} from './document-view.js';
import { indexCodeOf, settingsOf } from './publishing-settings.js';

type ParsedMetadata = ReturnType<typeof documentMetadataInput.parse>;

/** The full metadata from what the author gave: 文号 made canonical, 发布机构 and 形成日期 defaulted. */
export function completeMetadata(input: ParsedMetadata, agency: Agency, today: IsoDate): DocumentMetadata {
  return {
    ...input,
    documentNumber:
      input.documentNumber === null || input.documentNumber === ''
        ? null
        : normaliseDocumentNumber(input.documentNumber),
    issuer: input.issuer ?? agency.name,
    formedOn: input.formedOn ?? input.writtenOn ?? today,
    category: input.category === '' ? null : input.category,
    validity: {
      ...input.validity,
      changedBy:
        input.validity.changedBy &&
        (input.validity.changedBy.documentId || input.validity.changedBy.documentNumber)
          ? {
              documentId: input.validity.changedBy.documentId,
              documentNumber:
                input.validity.changedBy.documentNumber === null
                  ? null
                  : normaliseDocumentNumber(input.validity.changedBy.documentNumber),
            }
          : null,
    },
  };
}

/** Checks the metadata for an agency (its 目录) and that a repealing/amending document named by id exists there. */
export async function checkDocumentMetadata(
  db: Executor,
  agency: Agency,
  settings: PublishingSettings,
  m: DocumentMetadata,
  publishedOn: IsoDate | null,
): Promise<void> {
  assertMetadata(m, { catalogueLeafIds: catalogueLeafIds(settings.catalogue), publishedOn });
  const changedById = m.validity.changedBy?.documentId;
  if (changedById) {
    const other =
      (await documentsRepository.findById(db, changedById)) ??
      (await documentsRepository.findByIndexNumber(db, changedById));
    if (!other || other.record.agencyId !== agency.id) {
      throw new DomainError(
        'DOCUMENT_INVALID',
        `废止或修改它的文件不在本机关的文件中：${changedById}`,
        `the repealing or amending document is not one of the agency's: ${changedById}`,
        { issues: [{ field: 'validity.changedBy.documentId' }] },
      );
    }
    m.validity.changedBy = { ...m.validity.changedBy!, documentId: other.record.id };
  }
}

/**
 * Registers a new document as a draft (version 1): the metadata checked, a 索引号 taken from the agency's
 * gap-free counter, the Art 26 deadline computed, the `drafted` event and the audit entry, in one transaction.
 */
export async function createDocument(
  deps: PlatformDeps,
  principal: Principal,
  raw: CreateDocumentInput,
): Promise<DocumentView> {
  const input = validate(createDocumentInput, raw);
  const body = bodyFromText(input.body);
  try {
    return await withAudit(deps, principal, async (trx, record) => {
      const agency = await findAgencyByRef(trx, input.agency);
      const tree = await agenciesRepository.listAll(trx);
      if (!inScope(scopeOf(principal, tree, authorDocumentRoles), agency.id)) {
        if (!inScope(scopeOf(principal, tree), agency.id)) throw errors.agencyNotFound(input.agency);
        throw errors.forbidden();
      }
      const settings = await settingsOf(trx, agency);
      const today = todayOf(deps.clock);
      const metadata = completeMetadata(input.metadata, agency, today);
      await checkDocumentMetadata(trx, agency, settings, metadata, null);
      const at = deps.clock().toISOString();
      const by = actorIdOf(principal);
      const scope = indexCodeOf(agency, settings);
      const year = yearOf(today);
      const seq = await documentsRepository.nextIndexSeq(trx, scope, year);
      const indexNumber = renderIndexNumber(settings.indexTemplate, { agencyCode: scope, year, seq });
      const id = randomUUID();
      const event = { type: 'drafted' as const, at, by, version: 1 };
      applyDocumentEvent(null, event);
      const stored: StoredDocument = {
        record: {
          id,
          agencyId: agency.id,
          indexNumber,
          metadata,
          status: 'draft',
          currentVersion: 1,
          publishedVersion: null,
          publishedOn: null,
          publishedAt: null,
          scheduledAt: null,
          dueOn: dueOnOf(agency, metadata),
          createdBy: auditActorOf(principal).label,
          createdAt: at,
          updatedAt: at,
        },
        indexScope: scope,
        indexYear: year,
        indexSeq: seq,
        documentNumberKey: documentNumberKey(metadata.documentNumber),
        eventCount: 1,
      };
      const warnings = await metadataWarnings(trx, agency.id, null, metadata, settings, null);
      await documentsRepository.insert(trx, stored);
      await documentsRepository.insertVersion(trx, {
        documentId: id,
        version: 1,
        metadata,
        bodyHtml: body.html,
        bodyText: body.text,
        frozen: false,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
      });
      await documentsRepository.appendEvent(trx, id, {
        seq: 1,
        event,
        actor: auditActorOf(principal).label,
        actorUserId: principal.kind === 'staff' ? principal.userId : null,
        recordedAt: at,
      });
      record({
        action: 'document.create',
        entityType: 'document',
        entityId: id,
        agencyId: agency.id,
        before: null,
        after: { indexNumber, metadata, warnings: warnings.map((w) => w.zh) },
      });
      return documentView(trx, stored, agency, today);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new DomainError(
        'PUBLISHING_SETTINGS_INVALID',
        '生成的索引号与已有文件重复：请检查索引号模板和机构代码（不同机关应使用不同的机构代码）',
        'the generated index number is already taken: check the template and agency code (each agency needs its own code)',
      );
    }
    throw error;
  }
}
