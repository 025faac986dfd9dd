/**
 * The portal's XML: Atom feeds (RFC 4287) of an agency's latest documents and the sitemap (sitemaps.org), built
 * with fast-xml-parser's XMLBuilder, which escapes text and attributes. Characters XML 1.0 forbids (controls) are
 * dropped from text first, so a hostile title cannot break the document.
 */
import { XMLBuilder } from 'fast-xml-parser';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  processEntities: true,
  suppressEmptyNode: true,
});

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/g;

/** Text safe for XML 1.0 (the builder escapes <, >, &, quotes). */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '');
}

function xml(root: Record<string, unknown>): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root }) as string;
}

export interface FeedEntry {
  title: string;
  /** Absolute URL of the document page. */
  url: string;
  publishedOn: string;
  summary: string | null;
}

export interface Feed {
  /** Absolute URL of the feed itself (also its id). */
  self: string;
  /** Absolute URL of the page the feed follows. */
  page: string;
  title: string;
  author: string;
  entries: FeedEntry[];
  /** When nothing is published, the feed's updated date (the agency's column has no date). */
  fallbackUpdated: string;
}

const atomDate = (day: string) => `${day}T00:00:00+08:00`;

/** An Atom feed; entries newest first, `updated` the newest publication date. */
export function atomFeed(feed: Feed): string {
  return xml({
    feed: {
      '@_xmlns': 'http://www.w3.org/2005/Atom',
      '@_xml:lang': 'zh-CN',
      id: xmlText(feed.self),
      title: xmlText(feed.title),
      updated: feed.entries[0] ? atomDate(feed.entries[0].publishedOn) : feed.fallbackUpdated,
      author: { name: xmlText(feed.author) },
      link: [
        { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': xmlText(feed.self) },
        { '@_rel': 'alternate', '@_type': 'text/html', '@_href': xmlText(feed.page) },
      ],
      entry: feed.entries.map((e) => ({
        id: xmlText(e.url),
        title: { '@_type': 'text', '#text': xmlText(e.title) },
        link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': xmlText(e.url) },
        published: atomDate(e.publishedOn),
        updated: atomDate(e.publishedOn),
        ...(e.summary ? { summary: { '@_type': 'text', '#text': xmlText(e.summary) } } : {}),
      })),
    },
  });
}

export interface SitemapUrl {
  loc: string;
  lastmod?: string;
}

/** One sitemap file (at most 50,000 URLs). */
export function sitemap(urls: SitemapUrl[]): string {
  return xml({
    urlset: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      url: urls.map((u) => ({ loc: xmlText(u.loc), ...(u.lastmod ? { lastmod: u.lastmod } : {}) })),
    },
  });
}

/** The sitemap index pointing at the sitemap files. */
export function sitemapIndex(locations: string[]): string {
  return xml({
    sitemapindex: {
      '@_xmlns': 'http://www.sitemaps.org/schemas/sitemap/0.9',
      sitemap: locations.map((loc) => ({ loc: xmlText(loc) })),
    },
  });
}
