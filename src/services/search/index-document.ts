import { z } from 'zod';
import type { IndexableDocument } from '../../core/search/model.js';
import { numberKey } from '../../core/search/fold.js';
import type { Executor } from '../../storage/executor.js';
import { searchRepository, type IndexedWords, type SearchRow } from '../../storage/search-repository.js';
import { validate } from '../platform/validate.js';
import { foldText, indexWords } from './text.js';

/** The most text kept per document for words and snippets (a 300-page attachment is cut, not refused). */
export const INDEXED_TEXT_MAX = 200_000;

const short = z.string().trim().max(500).nullable();
const indexableDocument = z
  .object({
    id: z.string().min(1).max(64),
    agencyId: z.string().min(1).max(36),
    title: z.string().trim().min(1).max(2000),
    documentNumber: short,
    indexNumber: short,
    item: short,
    genre: short,
    subject: short,
    catalog: short,
    validity: short,
    publishedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    bodyText: z.string(),
    attachmentText: z.string(),
  })
  .strict();

export interface IndexDeps {
  /** The database, or the transaction of the publish/revise that calls. */
  db: Executor;
  clock: () => Date;
}

/**
 * Puts a published document (or its new version) in the search index: its words folded and segmented, its
 * metadata for facets and lists. Called by publishing in the same transaction as publish and revise.
 */
export async function indexDocument(deps: IndexDeps, input: IndexableDocument): Promise<void> {
  const { row, words } = prepare(deps, input);
  await searchRepository.upsert(deps.db, row, words);
}

/**
 * Indexes many documents at once (a catalogue import, a rebuild): new ones in bulk, ones already indexed replaced
 * one by one. Run it inside a transaction for a batch that lands whole.
 */
export async function indexDocuments(deps: IndexDeps, inputs: readonly IndexableDocument[]): Promise<void> {
  const prepared = inputs.map((input) => prepare(deps, input));
  const existing = await searchRepository.existingIds(
    deps.db,
    prepared.map((p) => p.row.id),
  );
  const fresh = new Map<string, (typeof prepared)[number]>();
  for (const p of prepared) {
    if (existing.has(p.row.id)) await searchRepository.upsert(deps.db, p.row, p.words);
    else fresh.set(p.row.id, p); // the last version of an id given twice wins
  }
  await searchRepository.insertMany(deps.db, [...fresh.values()]);
}

function prepare(deps: IndexDeps, input: IndexableDocument): { row: SearchRow; words: IndexedWords } {
  const doc = validate(indexableDocument, input);
  const body = doc.bodyText.slice(0, INDEXED_TEXT_MAX);
  const attachments = doc.attachmentText.slice(0, INDEXED_TEXT_MAX);
  const titleWords = indexWords(foldText(doc.title));
  const rest = [doc.documentNumber ?? '', doc.indexNumber ?? '', body, attachments].join('\n');
  const allWords = new Set([...titleWords, ...indexWords(foldText(rest))]);
  return {
    row: {
      id: doc.id,
      agency_id: doc.agencyId,
      title: doc.title,
      document_number: doc.documentNumber,
      document_number_key: doc.documentNumber ? numberKey(doc.documentNumber) : null,
      index_number: doc.indexNumber,
      index_number_key: doc.indexNumber ? numberKey(doc.indexNumber) : null,
      item: doc.item,
      genre: doc.genre,
      subject: doc.subject,
      catalog: doc.catalog,
      validity: doc.validity,
      year: Number(doc.publishedOn.slice(0, 4)),
      published_on: doc.publishedOn,
      body_text: body,
      attachment_text: attachments,
      indexed_at: deps.clock().toISOString(),
    },
    words: { title: titleWords.join(' '), all: [...allWords].join(' ') },
  };
}

/** Takes a withdrawn document out of the index; false when it was not in it. */
export async function removeDocument(deps: IndexDeps, id: string): Promise<boolean> {
  return searchRepository.remove(deps.db, id);
}
