/**
 * A notice's body as an author hands it in (pasted from Word, a CMS, the console's editor) made safe to keep and
 * to publish: sanitize-html with an allow-list of what a government notice needs — headings, paragraphs, lists,
 * tables with merged cells, links with safe schemes, images from the agency's own attachments — and nothing else.
 * Scripts, event handlers, `javascript:`/`data:` URLs, styles beyond alignment and indent (so no CSS expressions
 * or `url(…)`), SVG, MathML, frames, forms and `<base>` are removed; their text goes with them where it is code.
 *
 * Interface: `sanitizeBodyHtml(html, options)` → `{ html, text }`; `text` is what a reader sees (for search and
 * the personal-data check), lines kept, spaces collapsed. Throws BODY_TOO_LARGE past `BODY_HTML_MAX_BYTES`.
 */
import sanitizeHtml from 'sanitize-html';
import { DomainError } from '../../core/errors.js';
import { BODY_HTML_MAX_BYTES } from '../../core/publishing/intake-limits.js';
import { htmlText } from '../../core/publishing/personal-data/index.js';

export interface BodyHtmlOptions {
  /**
   * True for an image address that is one of the agency's own attachments; any other image is removed. The
   * default accepts site-relative attachment addresses: `/attachments/<id>` or `/api/v1/attachments/<id>` (an id
   * of letters, digits, `-` and `_`), optionally under `/publishing/` and with a file name after the id.
   */
  isOwnAttachment?: (src: string) => boolean;
  /** Largest body before sanitising (UTF-8 bytes; default `BODY_HTML_MAX_BYTES`). */
  maxBytes?: number;
}

export interface SanitizedBody {
  html: string;
  text: string;
}

const OWN_ATTACHMENT =
  /^\/(?:api\/v1\/)?(?:publishing\/)?attachments\/[A-Za-z0-9_-]{1,64}(?:\/[^/?#\s\\<>"']{1,200})?$/;

export function defaultIsOwnAttachment(src: string): boolean {
  return OWN_ATTACHMENT.test(src) && !src.split('/').includes('..');
}

const TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre',
  'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup',
  'ol', 'ul', 'li', 'dl', 'dt', 'dd',
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'a', 'img',
]; // prettier-ignore

/** Alignment and 首行缩进, the only styles a notice needs; values matched whole, so no expression() or url(). */
const ALIGN = [/^(?:left|right|center|justify)$/];
const INDENT = [/^\d{1,2}(?:\.\d{1,2})?(?:em|px|pt)$/];
const BLOCK_STYLES = { 'text-align': ALIGN, 'text-indent': INDENT };

const SPAN = /^[1-9]\d{0,2}$/;

function integerAttribute(value: string | undefined): boolean {
  return value !== undefined && SPAN.test(value.trim());
}

/** The sanitize-html settings for a notice body. */
function settings(isOwnAttachment: (src: string) => boolean): sanitizeHtml.IOptions {
  return {
    allowedTags: TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan', 'style'],
      th: ['colspan', 'rowspan', 'scope', 'style'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'type'],
      p: ['style'],
      div: ['style'],
      h1: ['style'],
      h2: ['style'],
      h3: ['style'],
      h4: ['style'],
      h5: ['style'],
      h6: ['style'], // prettier-ignore
    },
    allowedStyles: {
      p: BLOCK_STYLES,
      div: BLOCK_STYLES,
      td: BLOCK_STYLES,
      th: BLOCK_STYLES,
      h1: BLOCK_STYLES,
      h2: BLOCK_STYLES,
      h3: BLOCK_STYLES,
      h4: BLOCK_STYLES,
      h5: BLOCK_STYLES,
      h6: BLOCK_STYLES, // prettier-ignore
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedClasses: {},
    disallowedTagsMode: 'discard',
    // Code, and markup whose text is not part of the notice: dropped with everything inside.
    nonTextTags: [
      'script',
      'style',
      'textarea',
      'option',
      'noscript',
      'svg',
      'math',
      'template',
      'iframe',
      'object',
      'title',
      'head',
    ],
    enforceHtmlBoundary: true,
    nestingLimit: 60,
    transformTags: {
      // Links leave the portal without telling where they came from or a handle on the page.
      a: (tagName, attribs) => {
        const { rel: _ignored, ...rest } = attribs;
        return { tagName, attribs: rest.href ? { ...rest, rel: 'noopener noreferrer' } : rest };
      },
      td: cellTransform,
      th: cellTransform,
    },
    exclusiveFilter: (frame) => {
      if (frame.tag === 'img') return !(frame.attribs.src && isOwnAttachment(frame.attribs.src));
      return false;
    },
  };
}

function cellTransform(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const out: sanitizeHtml.Attributes = { ...attribs };
  for (const name of ['colspan', 'rowspan']) {
    if (name in out && !integerAttribute(out[name])) delete out[name];
  }
  return { tagName, attribs: out };
}

/** The text a reader sees: lines kept, cells apart by a tab, runs of spaces and blank lines collapsed. */
export function bodyText(html: string): string {
  return htmlText(html)
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) =>
      line
        .replace(/[ \f\r\v]+/g, ' ')
        .replace(/\t+/g, '\t')
        .trim(),
    )
    .filter((line, i, lines) => line !== '' || (i > 0 && lines[i - 1] !== ''))
    .join('\n')
    .trim();
}

/** Sanitises a notice body; `{ html, text }`. */
export function sanitizeBodyHtml(html: string, options: BodyHtmlOptions = {}): SanitizedBody {
  const maxBytes = options.maxBytes ?? BODY_HTML_MAX_BYTES;
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > maxBytes) {
    const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
    throw new DomainError(
      'BODY_TOO_LARGE',
      `正文过长（${mb(bytes)}），不能超过 ${mb(maxBytes)}；大段表格或文件请作为附件上传。`,
      `The body is too large (${mb(bytes)}); the limit is ${mb(maxBytes)}. Upload long tables or documents as attachments.`,
      { bytes, maxBytes },
    );
  }
  const clean = sanitizeHtml(html, settings(options.isOwnAttachment ?? defaultIsOwnAttachment)).trim();
  return { html: clean, text: bodyText(clean) };
}
