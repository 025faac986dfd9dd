/**
 * Keeps the search index equal to what is published: a document's published version (title, numbers, metadata,
 * body text, attachments' text) is indexed; a withdrawn or unpublished one is removed. Publishing calls
 * `syncSearchIndex` in the same transaction as every workflow step (document-actions.ts); `rebuildSearchIndex`
 * indexes every published document (after a bulk load such as the demo seed, or to repair an index).
 */
import type { IndexableDocument } from '../../core/search/model.js';
import type { Executor } from '../../storage/executor.js';
import { portalRepository } from '../../storage/portal-repository.js';
import { documentAttachmentsRepository } from '../../storage/publishing/document-attachments-repository.js';
import { documentsRepository } from '../../storage/publishing/documents-repository.js';
import { indexDocument, indexDocuments, removeDocument, type IndexDeps } from './index-document.js';

async function indexableOf(db: Executor, documentId: string): Promise<IndexableDocument | null> {
  const stored = await documentsRepository.findById(db, documentId);
  const doc = stored?.record;
  if (!doc || doc.status === 'withdrawn' || doc.publishedVersion === null || doc.publishedOn === null)
    return null;
  const version = await documentsRepository.getVersion(db, doc.id, doc.publishedVersion);
  if (!version) return null;
  const attachments = await documentAttachmentsRepository.list(db, doc.id, doc.publishedVersion);
  const m = version.metadata;
  return {
    id: doc.id,
    agencyId: doc.agencyId,
    title: m.title,
    documentNumber: m.documentNumber,
    indexNumber: doc.indexNumber,
    item: m.art20Item,
    genre: m.genre,
    subject: m.subjectId,
    catalog: m.catalogueNodeId,
    // The validity is the record's own (a later repeal changes it without a new version).
    validity: doc.metadata.validity.status === 'notApplicable' ? null : doc.metadata.validity.status,
    publishedOn: doc.publishedOn,
    bodyText: version.bodyText,
    attachmentText: attachments
      .map((a) => a.textContent ?? '')
      .filter((t) => t.length > 0)
      .join('\n'),
  };
}

/** Indexes the published version of a document, or removes it from the index when nothing of it is public. */
export async function syncSearchIndex(deps: IndexDeps, documentId: string): Promise<void> {
  const indexable = await indexableOf(deps.db, documentId);
  if (indexable) await indexDocument(deps, indexable);
  else await removeDocument(deps, documentId);
}

/** Indexes every published document, 500 at a time; returns how many. */
export async function rebuildSearchIndex(deps: IndexDeps): Promise<number> {
  const ids = await portalRepository.publishedDocumentIds(deps.db);
  for (let i = 0; i < ids.length; i += 500) {
    const batch: IndexableDocument[] = [];
    for (const id of ids.slice(i, i + 500)) {
      const indexable = await indexableOf(deps.db, id);
      if (indexable) batch.push(indexable);
    }
    await indexDocuments(deps, batch);
  }
  return ids.length;
}
