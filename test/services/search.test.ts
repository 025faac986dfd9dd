import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../src/core/search/model.js';
import { indexDocument, indexDocuments, removeDocument } from '../../src/services/search/index-document.js';
import { searchDocuments } from '../../src/services/search/search-documents.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { corpus, judgements, CIV, FIN, GOV } from '../fixtures/search/corpus.js';
import { databases, freshPlatform } from '../helpers/databases.js';

const ask = (overrides: Partial<SearchRequest>): SearchRequest => ({
  text: '',
  filters: {},
  order: 'relevance',
  cursor: null,
  limit: 20,
  ...overrides,
});

describe.each(databases)('search index on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await freshPlatform(fresh);
    platform = opened.platform;
    close = opened.close;
    // One by one (publish), then in bulk (an import) with one already indexed, which is replaced.
    for (const doc of corpus.slice(0, 6)) await indexDocument(platform, doc);
    await indexDocuments(platform, [{ ...corpus[0]!, title: '旧标题' }]);
    await indexDocuments(platform, [corpus[0]!, ...corpus.slice(6)]);
  }, 120_000);
  afterAll(async () => close());

  it.each(judgements)('finds what a person expects for “$query”', async (j) => {
    const result = await searchDocuments(platform, ask({ text: j.query, limit: 50 }));
    const ids = result.hits.map((h) => h.id);
    if (j.first) expect(ids[0]).toBe(j.first);
    for (const id of j.includes) expect(ids).toContain(id);
    for (const id of j.excludes ?? []) expect(ids).not.toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts documents with the word in the title before those with it only in the body', async () => {
    const result = await searchDocuments(platform, ask({ text: '预算' }));
    const ids = result.hits.map((h) => h.id);
    const titled = ids.filter((id) => corpus.find((d) => d.id === id)!.title.match(/预算|預算/));
    expect(ids.slice(0, titled.length)).toEqual(titled);
    expect(ids.indexOf('fin-final-2023')).toBeGreaterThanOrEqual(titled.length);
  });

  it('orders by date, newest first, when asked', async () => {
    const result = await searchDocuments(platform, ask({ text: '预算', order: 'date' }));
    const dates = result.hits.map((h) => h.publishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(result.total).toBe(result.hits.length);
  });

  it('marks the words in titles and snippets, from an attachment too', async () => {
    const result = await searchDocuments(platform, ask({ text: '残疾人两项补贴' }));
    const hit = result.hits[0]!;
    expect(hit.snippet).not.toBeNull();
    const marked = hit.snippet!.marks.map((m) => hit.snippet!.text.slice(m.start, m.end));
    expect(marked.join('')).toContain('残疾人');
    const traditional = await searchDocuments(platform, ask({ text: '预算公开' }));
    const trad = traditional.hits.find((h) => h.id === 'gov-traditional')!;
    expect(trad.title.text).toBe('關於做好２０２４年度預算公開工作的通知');
    expect(trad.title.marks.map((m) => trad.title.text.slice(m.start, m.end))).toEqual(['預算', '公開']);
  });

  it('counts facets, each applying the other filters', async () => {
    const all = await searchDocuments(platform, ask({ text: '预算' }));
    const byAgency = Object.fromEntries(all.facets.agency.map((f) => [f.value, f.count]));
    expect(byAgency[FIN]).toBe(2);
    expect(byAgency[GOV]).toBe(2);
    const narrowed = await searchDocuments(platform, ask({ text: '预算', filters: { agency: FIN } }));
    expect(narrowed.total).toBe(2);
    expect(narrowed.hits.every((h) => h.agencyId === FIN)).toBe(true);
    // The agency facet still offers the other agencies with their counts.
    expect(narrowed.facets.agency.find((f) => f.value === GOV)?.count).toBe(2);
    expect(narrowed.facets.year.map((f) => f.value)).toEqual(['2024']);
    // Counted alone (no facets), the totals agree.
    expect((await searchDocuments(platform, ask({ text: '预算', facets: false }))).total).toBe(all.total);
    const alone = await searchDocuments(
      platform,
      ask({ text: '预算', filters: { agency: FIN }, facets: false }),
    );
    expect(alone.total).toBe(2);
    expect(alone.facets.agency).toEqual([]);
    const valid = await searchDocuments(platform, ask({ text: '', filters: { validity: 'repealed' } }));
    expect(valid.hits.map((h) => h.id)).toEqual(['gov-normative-repealed']);
  });

  it('searches within one agency', async () => {
    const result = await searchDocuments(platform, ask({ text: '低保', agencyIds: [CIV] }));
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits.every((h) => h.agencyId === CIV)).toBe(true);
  });

  it('walks every page by cursor without repeats, in both orders', async () => {
    for (const order of ['relevance', 'date'] as const) {
      const whole = await searchDocuments(platform, ask({ text: '', order, limit: 50 }));
      expect(whole.total).toBe(corpus.length);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await searchDocuments(platform, ask({ text: '', order, limit: 5, cursor }));
        seen.push(...page.hits.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(whole.hits.map((h) => h.id));
      const pagedWords: string[] = [];
      cursor = null;
      do {
        const page = await searchDocuments(platform, ask({ text: '示范区', order, limit: 2, cursor }));
        pagedWords.push(...page.hits.map((h) => h.id));
        cursor = page.nextCursor;
      } while (cursor);
      const wholeWords = await searchDocuments(platform, ask({ text: '示范区', order, limit: 50 }));
      expect(pagedWords).toEqual(wholeWords.hits.map((h) => h.id));
      expect(new Set(pagedWords).size).toBe(pagedWords.length);
    }
  });

  it('takes hostile text as words, never as query syntax', async () => {
    for (const text of [
      '"',
      '" OR 1=1 --',
      '<script>alert(1)</script>',
      'NEAR(预算 低保)',
      '*',
      "预算' AND '",
    ]) {
      const result = await searchDocuments(platform, ask({ text }));
      expect(Array.isArray(result.hits)).toBe(true);
    }
    await expect(searchDocuments(platform, ask({ text: '预'.repeat(500) }))).rejects.toMatchObject({
      code: 'SEARCH_QUERY_TOO_LONG',
    });
    await expect(
      searchDocuments(platform, ask({ text: '预算', cursor: 'bm90LWEtY3Vyc29y' })),
    ).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
  });

  it('keeps one entry per document after a bulk import replaced one', async () => {
    const all = await searchDocuments(platform, ask({ text: '', limit: 50 }));
    expect(all.hits.map((h) => h.id).sort()).toEqual(corpus.map((d) => d.id).sort());
    expect(all.hits.find((h) => h.id === corpus[0]!.id)!.title.text).toBe(corpus[0]!.title);
  });

  it('re-indexes a revised document and forgets a withdrawn one', async () => {
    const doc = corpus.find((d) => d.id === 'gov-emergency')!;
    await indexDocument(platform, {
      ...doc,
      title: '示范区突发事件总体应急预案（2024年修订）',
      publishedOn: '2024-10-08',
    });
    const revised = await searchDocuments(platform, ask({ text: '应急预案' }));
    expect(revised.hits.filter((h) => h.id === 'gov-emergency')).toHaveLength(1);
    expect(revised.hits[0]!.publishedOn).toBe('2024-10-08');
    expect(await removeDocument(platform, 'gov-emergency')).toBe(true);
    expect(await removeDocument(platform, 'gov-emergency')).toBe(false);
    const gone = await searchDocuments(platform, ask({ text: '应急预案' }));
    expect(gone.hits.map((h) => h.id)).not.toContain('gov-emergency');
    await indexDocument(platform, doc);
  });
});
