import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { looksLikeNumber, numberKey } from '../../core/search/fold.js';
import {
  facetNames,
  type FacetCount,
  type FacetName,
  type SearchFilters,
  type SearchHit,
  type SearchRequest,
  type SearchResult,
} from '../../core/search/model.js';
import { makeSnippet, markAll } from '../../core/search/snippet.js';
import type { Executor } from '../../storage/executor.js';
import { decodeCursor, encodeCursor, type KeysetOrder } from '../../storage/keyset.js';
import {
  searchRepository,
  type FacetComboRow,
  type IndexScope,
  type ListedRow,
  type WordMatch,
} from '../../storage/search-repository.js';
import { validate } from '../platform/validate.js';
import { foldText, queryWords } from './text.js';

/** The longest query accepted (a pasted paragraph is refused with a message, not searched). */
export const QUERY_MAX = 100;
export const PAGE_MAX = 50;

const filterValue = z.string().trim().min(1).max(64);
const searchRequest = z.object({
  text: z.string().max(QUERY_MAX * 4),
  agencyIds: z.array(z.string()).max(1000).optional(),
  filters: z
    .object({
      agency: filterValue.optional(),
      item: filterValue.optional(),
      year: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
      genre: filterValue.optional(),
      validity: filterValue.optional(),
      subject: filterValue.optional(),
    })
    .strict(),
  order: z.enum(['relevance', 'date']),
  cursor: z.string().max(1024).nullable(),
  limit: z.number().int().min(1).max(PAGE_MAX),
  facets: z.boolean().optional(),
});

/** Both orders page by (tier, doc_key): relevance puts title hits (tier 1) before body hits (tier 2). */
const ORDER: KeysetOrder = { name: 'search', columns: ['tier', 'doc_key'], direction: 'asc' };

function queryTooLong(): DomainError {
  return new DomainError(
    'SEARCH_QUERY_TOO_LONG',
    `检索词太长：最多 ${QUERY_MAX} 个字，请换用更短的关键词。`,
    `The search is too long: at most ${QUERY_MAX} characters; use fewer words.`,
  );
}

function scopeOf(request: SearchRequest, filters: SearchFilters): IndexScope {
  return {
    ...(request.agencyIds ? { agencyIds: request.agencyIds } : {}),
    ...(filters.agency ? { agency: filters.agency } : {}),
    ...(filters.item ? { item: filters.item } : {}),
    ...(filters.year ? { year: Number(filters.year) } : {}),
    ...(filters.genre ? { genre: filters.genre } : {}),
    ...(filters.validity ? { validity: filters.validity } : {}),
    ...(filters.subject ? { subject: filters.subject } : {}),
  };
}

const comboValue: Record<FacetName, (row: FacetComboRow) => string | null> = {
  agency: (r) => r.agency_id,
  item: (r) => r.item,
  year: (r) => String(r.year),
  genre: (r) => r.genre,
  validity: (r) => r.validity,
  subject: (r) => r.subject,
};

/**
 * Facet counts from one grouped query: the count of a value of one facet applies the filters of the others (so a
 * person sees how many each other choice would give), and the total applies them all.
 */
export function facetCounts(
  combos: readonly FacetComboRow[],
  filters: SearchFilters,
): { total: number; facets: Record<FacetName, FacetCount[]> } {
  const passes = (row: FacetComboRow, except: FacetName | null) =>
    facetNames.every((f) => f === except || filters[f] === undefined || comboValue[f](row) === filters[f]);
  const facets = {} as Record<FacetName, FacetCount[]>;
  for (const name of facetNames) {
    const counts = new Map<string, number>();
    for (const row of combos) {
      const value = comboValue[name](row);
      if (value === null || !passes(row, name)) continue;
      counts.set(value, (counts.get(value) ?? 0) + row.n);
    }
    facets[name] = [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => (name === 'year' ? b.value.localeCompare(a.value) : b.count - a.count));
  }
  const total = combos.reduce((sum, row) => sum + (passes(row, null) ? row.n : 0), 0);
  return { total, facets };
}

function toHit(row: ListedRow, terms: readonly string[], exact: boolean): SearchHit {
  const text = [row.body_text ?? '', row.attachment_text ?? ''].filter((t) => t.length > 0).join('\n');
  return {
    id: row.id,
    agencyId: row.agency_id,
    title: markAll(row.title, foldText(row.title), terms),
    documentNumber: row.document_number,
    indexNumber: row.index_number,
    item: row.item,
    genre: row.genre,
    subject: row.subject,
    catalog: row.catalog,
    validity: row.validity,
    publishedOn: row.published_on,
    snippet: terms.length > 0 && text ? makeSnippet(text, foldText(text), terms, 120) : null,
    exact,
  };
}

/**
 * Searches the index (or lists it, when the text is empty): exact 文号/索引号 hits first, then documents with all
 * the words — newest first, or by relevance (all words in the title before words only in the body or the
 * attachments, newest first within each) — a keyset page at any depth, with facet counts and marked snippets.
 */
export async function searchDocuments(deps: { db: Executor }, raw: SearchRequest): Promise<SearchResult> {
  if (typeof raw.text === 'string' && raw.text.length > QUERY_MAX) throw queryTooLong();
  const request = validate(searchRequest, raw) as SearchRequest;
  const filters: SearchFilters = request.filters;
  const text = request.text.trim();
  const terms = text ? queryWords(text) : [];
  const empty = { agency: [], item: [], year: [], genre: [], validity: [], subject: [] };
  if (text && terms.length === 0) return { terms, total: 0, hits: [], nextCursor: null, facets: empty };

  const filtered = scopeOf(request, filters);
  const baseScope: IndexScope = request.agencyIds ? { agencyIds: request.agencyIds } : {};
  const any: WordMatch | null = terms.length > 0 ? { words: terms, where: 'any' } : null;

  const [tier0, key0] = request.cursor ? decodeCursor(ORDER, request.cursor) : [1, Number.MAX_SAFE_INTEGER];
  if (typeof tier0 !== 'number' || typeof key0 !== 'number' || (tier0 !== 1 && tier0 !== 2)) {
    throw new DomainError('CURSOR_INVALID', 'cursor 无效', 'invalid cursor');
  }
  const exactRows =
    !request.cursor && text && looksLikeNumber(text)
      ? await searchRepository.findByNumberKey(deps.db, numberKey(text), filtered, 10)
      : [];
  const exactIds = new Set(exactRows.map((r) => r.id));

  const rows: { row: ListedRow; tier: number }[] = [];
  const limit = request.limit;
  const tiers: { tier: number; match: WordMatch | null }[] =
    request.order === 'relevance' && any
      ? [
          { tier: 1, match: { words: terms, where: 'title' } },
          { tier: 2, match: { words: terms, where: 'bodyOnly' } },
        ]
      : [{ tier: 1, match: any }];
  for (const { tier, match } of tiers) {
    if (tier < tier0) continue;
    const before = tier === tier0 ? key0 : null;
    const want = limit + 1 - rows.length;
    if (want <= 0) break;
    const got = await searchRepository.page(deps.db, match, filtered, before, want);
    for (const row of got) rows.push({ row, tier });
  }
  let nextCursor: string | null = null;
  if (rows.length > limit) {
    rows.length = limit;
    const last = rows[rows.length - 1]!;
    nextCursor = encodeCursor(ORDER, [last.tier, last.row.doc_key]);
  }
  const { total, facets } =
    request.facets === false
      ? { total: await searchRepository.count(deps.db, any, filtered), facets: empty }
      : facetCounts(await searchRepository.facetCombos(deps.db, any, baseScope), filters);
  return {
    terms,
    total,
    hits: [
      ...exactRows.map((r) => toHit(r, terms, true)),
      ...rows.filter((r) => !exactIds.has(r.row.id)).map((r) => toHit(r.row, terms, false)),
    ],
    nextCursor,
    facets,
  };
}
