/**
 * What the portal's feeds and sitemap list: an agency's latest published documents (all, or one 第二十条 item) and
 * every public document for the sitemap. Both read the search index, which holds exactly what is published
 * (drafts never enter it; a withdrawn document leaves it in the same step, sync-published.ts).
 */
import { art20Items } from '../../core/publishing/genres.js';
import type { SearchHit } from '../../core/search/model.js';
import { searchRepository } from '../../storage/search-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { searchDocuments } from '../search/search-documents.js';
import { portalPageNotFound } from './portal-directory.js';

/** Entries in one Atom feed. */
export const FEED_SIZE = 20;
/** URLs in one sitemap file (the sitemaps.org limit). */
export const SITEMAP_MAX_URLS = 50_000;

/** The latest published documents of an agency, newest first; `item` narrows to one 第二十条 item. */
export async function agencyFeedEntries(
  deps: PlatformDeps,
  agencyId: string,
  item: string | null,
): Promise<SearchHit[]> {
  if (item !== null && !(art20Items as readonly string[]).includes(item)) throw portalPageNotFound();
  const result = await searchDocuments(deps, {
    text: '',
    agencyIds: [agencyId],
    filters: item ? { item } : {},
    order: 'date',
    cursor: null,
    limit: FEED_SIZE,
    facets: false,
  });
  return result.hits;
}

/** How many published documents the sitemap lists. */
export async function countSitemapDocuments(deps: PlatformDeps): Promise<number> {
  return searchRepository.countAll(deps.db);
}

/** One page of published documents for the sitemap (`page` from 1; `size` URLs a page). */
export async function sitemapDocuments(
  deps: PlatformDeps,
  page: number,
  size: number,
): Promise<{ id: string; agencyId: string; publishedOn: string }[]> {
  return searchRepository.listPage(deps.db, (page - 1) * size, size);
}
