/**
 * The portal's Atom feeds and sitemap over HTTP: valid XML a reader parses, hostile titles escaped, only what is
 * published (drafts and withdrawn documents absent), the agency pages linking their feeds, ETags, and the
 * sitemap index once the URLs pass the per-file limit.
 */
import { sql } from 'kysely';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { listPortalAgencies } from '../../src/services/portal/portal-directory.js';
import { recordDocumentAction } from '../../src/services/publishing/document-actions.js';
import { indexDocument } from '../../src/services/search/index-document.js';
import { databases, freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  isArray: (name) => ['entry', 'url', 'sitemap', 'link'].includes(name),
});

interface AtomEntry {
  id: string;
  title: { '#text': string; '@_type': string };
  link: { '@_href': string }[];
  published: string;
}

function parsed(body: string): Record<string, unknown> {
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body) as Record<string, unknown>;
}

const HOSTILE = '<script>alert("x")</script> & 关于预算公开的通知 ]]> \'引号\'';

const plainDoc = (id: string, agencyId: string, title: string, item: string, publishedOn: string) => ({
  id,
  agencyId,
  title,
  documentNumber: null,
  indexNumber: null,
  item,
  genre: null,
  subject: null,
  catalog: null,
  validity: null,
  publishedOn,
  bodyText: '正文',
  attachmentText: '',
});

describe.each(databases)('the portal feeds and sitemap (HTTP) on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers });
  let agencyId: string;
  let code: string;

  beforeAll(async () => {
    server = await freshServer(fresh, { portal: { publicOrigin: 'https://gk.example.gov.cn' } });
    const busiest = await sql<{ agency_id: string }>`select agency_id, count(*) as n from documents
      where status = 'published' group by agency_id order by n desc limit 1`.execute(server.platform.db);
    agencyId = busiest.rows[0]!.agency_id;
    code = (await listPortalAgencies(server.platform)).find((a) => a.id === agencyId)!.code;
    await indexDocument(server.platform, plainDoc('hostile-1', agencyId, HOSTILE, 'item7', '2030-01-02'));
    await indexDocument(
      server.platform,
      plainDoc('other-item-1', agencyId, '第二项的信息', 'item2', '2030-01-01'),
    );
  }, 180_000);
  afterAll(async () => server.close());

  it('gives an agency feed as Atom: escaped titles, newest first, absolute links', async () => {
    const res = await get(`/gk/a/${code}/feed.xml`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(res.body).not.toContain('<script>');
    const feed = parsed(res.body).feed as {
      entry: AtomEntry[];
      link: { '@_rel': string; '@_href': string }[];
    };
    expect(feed.link.find((l) => l['@_rel'] === 'self')!['@_href']).toBe(
      `https://gk.example.gov.cn/gk/a/${code}/feed.xml`,
    );
    expect(feed.entry.length).toBe(20);
    const first = feed.entry[0]!;
    // Markup, ampersands, quotes and a CDATA end come back exactly as written.
    expect(first.title['#text']).toBe(HOSTILE);
    expect(first.link[0]!['@_href']).toBe('https://gk.example.gov.cn/gk/d/hostile-1');
    expect(first.published).toBe('2030-01-02T00:00:00+08:00');
    const dates = feed.entry.map((e) => e.published);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('gives a feed per 第二十条 item with only that item', async () => {
    const res = await get(`/gk/a/${code}/feeds/item7.xml`);
    expect(res.statusCode).toBe(200);
    const ids = (parsed(res.body).feed as { entry: AtomEntry[] }).entry.map((e) => e.id);
    expect(ids).toContain('https://gk.example.gov.cn/gk/d/hostile-1');
    expect(ids).not.toContain('https://gk.example.gov.cn/gk/d/other-item-1');
    const other = await get(`/gk/a/${code}/feeds/item2.xml`);
    expect(other.body).toContain('/gk/d/other-item-1');
    expect(other.body).not.toContain('/gk/d/hostile-1');
    expect((await get(`/gk/a/${code}/feeds/nonsense.xml`)).statusCode).toBe(404);
    expect((await get(`/gk/a/no-such-agency/feed.xml`)).statusCode).toBe(404);
  });

  it('links the feed from the agency page (head and a visible link) and the sitemap from the footer', async () => {
    const page = await get(`/gk/a/${code}`);
    expect(page.body).toMatch(
      new RegExp(
        `<link\\s+rel="alternate"\\s+type="application/atom\\+xml"[^>]*href="/gk/a/${code}/feed.xml"`,
      ),
    );
    expect(page.body).toMatch(new RegExp(`<a href="/gk/a/${code}/feed.xml"[^>]*>订阅最新公开`));
    expect(page.body).toContain('<a href="/sitemap.xml">网站地图</a>');
    const content = await get(`/gk/a/${code}/content?item=item7`);
    expect(content.body).toContain(`href="/gk/a/${code}/feeds/item7.xml"`);
    expect(content.body).toMatch(new RegExp(`<a href="/gk/a/${code}/feeds/item7.xml"[^>]*>订阅“财政预决算”`));
  });

  it('carries an ETag and the portal cache life, 304 when unchanged', async () => {
    for (const url of [`/gk/a/${code}/feed.xml`, '/sitemap.xml']) {
      const res = await get(url);
      expect(res.headers['cache-control']).toBe('public, max-age=60');
      const again = await get(url, { 'if-none-match': String(res.headers.etag) });
      expect(again.statusCode).toBe(304);
    }
  });

  it('lists the portal pages and every published document in the sitemap, never a draft', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const locs = (parsed(res.body).urlset as { url: { loc: string }[] }).url.map((u) => u.loc);
    expect(locs).toContain('https://gk.example.gov.cn/gk');
    expect(locs).toContain(`https://gk.example.gov.cn/gk/a/${code}/guide`);
    const published = await sql<{ id: string }>`select id from documents where status = 'published'`.execute(
      server.platform.db,
    );
    expect(published.rows.length).toBeGreaterThan(10);
    for (const row of published.rows) expect(locs).toContain(`https://gk.example.gov.cn/gk/d/${row.id}`);
    const drafts = await sql<{ id: string }>`select id from documents where status <> 'published'`.execute(
      server.platform.db,
    );
    expect(drafts.rows.length).toBeGreaterThan(0);
    for (const row of drafts.rows) expect(locs).not.toContain(`https://gk.example.gov.cn/gk/d/${row.id}`);
  });

  it('drops a withdrawn document from the feed and the sitemap', async () => {
    const newest = await sql<{ id: string }>`select id from documents where status = 'published'
      and agency_id = ${agencyId} order by published_on desc, id limit 1`.execute(server.platform.db);
    const id = newest.rows[0]!.id;
    const url = `https://gk.example.gov.cn/gk/d/${id}`;
    expect((await get(`/gk/a/${code}/feed.xml`)).body).toContain(`<id>${url}</id>`);
    expect((await get('/sitemap.xml')).body).toContain(`<loc>${url}</loc>`);
    await recordDocumentAction(server.platform, cliOperator, id, {
      type: 'withdraw',
      reason: '内容有误，撤回更正',
    });
    expect((await get(`/gk/a/${code}/feed.xml`)).body).not.toContain(url);
    expect((await get('/sitemap.xml')).body).not.toContain(url);
  });
});

describe('the sitemap index over the per-file limit', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  const get = (url: string) => server.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    server = await freshServer(freshSqlite, {
      portal: { publicOrigin: 'https://gk.example.gov.cn', sitemapMaxUrls: 10 },
    });
  }, 180_000);
  afterAll(async () => server.close());

  it('answers an index whose files together list every page and document once', async () => {
    const res = await get('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    const files = (parsed(res.body).sitemapindex as { sitemap: { loc: string }[] }).sitemap.map((s) => s.loc);
    expect(files[0]).toBe('https://gk.example.gov.cn/sitemaps/pages.xml');
    const all: string[] = [];
    for (const file of files) {
      const part = await get(new URL(file).pathname);
      expect(part.statusCode).toBe(200);
      const locs = (parsed(part.body).urlset as { url: { loc: string }[] }).url.map((u) => u.loc);
      if (file.includes('documents-')) expect(locs.length).toBeLessThanOrEqual(10);
      all.push(...locs);
    }
    expect(new Set(all).size).toBe(all.length);
    const published = await sql<{ id: string }>`select id from documents where status = 'published'`.execute(
      server.platform.db,
    );
    const documents = all.filter((l) => l.includes('/gk/d/'));
    expect(documents.length).toBe(published.rows.length);
    expect(all).toContain('https://gk.example.gov.cn/gk/status');
    const past = files.length; // one past the last documents file
    expect((await get(`/sitemaps/documents-${past}.xml`)).statusCode).toBe(404);
  });
});
