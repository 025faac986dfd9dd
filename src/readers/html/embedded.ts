/**
 * Report pages that arrive inside other text: stored as a string in a JavaScript or JSON data file
 * (`"content":"\u003ctable\u003e…"`, `\"`, `\/`), or entity-escaped (`&lt;td&gt;`), or inside a page's
 * `<script>`. Sniffing finds the markers in the bytes; the HTML reader unescapes the text and reads the markup.
 */
import { Buffer } from 'node:buffer';

/** Table markup as it stands escaped in a string, or raw inside one (any of these routes a file to HTML). */
const NEEDLES = [
  '\\u003ctable',
  '\\u003Ctable',
  '\\u003ctd',
  '\\u003Ctd',
  '\\u003CTD',
  '\\u003CTABLE',
  '\\x3ctable',
  '\\x3Ctable',
  '&lt;table',
  '&lt;td',
  '&lt;TABLE',
  '&lt;TD',
  '<table',
  '<TABLE',
  '<td',
  '<TD',
].map((needle) => Buffer.from(needle, 'latin1'));

/** True when the bytes hold table markup somewhere (escaped or not), looked for without decoding them. */
export function hasEmbeddedMarkup(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const needle of NEEDLES) if (buffer.indexOf(needle) !== -1) return true;
  return false;
}

const JS_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(["'\\/])|([nrt]))/g;
const ENTITY_MARKUP = /&lt;\s*\/?\s*(?:table|tbody|thead|tr|td|th|p|span|div|br)\b/i;
const ENTITY = /&(lt|gt|quot|#39|#x27|amp);/g;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", amp: '&' };

/** Undoes JavaScript/JSON string escapes (`\u003c`, `\"`, `\/`, `\n`). */
function unescapeJs(text: string): string {
  return text.replace(JS_ESCAPE, (_, hex4: string, hex2: string, literal: string, control: string) => {
    if (hex4 !== undefined) return String.fromCharCode(Number.parseInt(hex4, 16));
    if (hex2 !== undefined) return String.fromCharCode(Number.parseInt(hex2, 16));
    if (literal !== undefined) return literal;
    return control === 'n' ? '\n' : control === 't' ? '\t' : '';
  });
}

/**
 * The markup inside a text, unescaped, or null when there is nothing escaped to undo: JavaScript/JSON escapes
 * (twice at most, for a string escaped again inside JSON), then entities when the markup itself is entity-escaped
 * (`&lt;td&gt;`; `&nbsp;` and other entities in cells are left for the HTML parser). `<script>` tags are dropped,
 * their content kept, since the report is what a script carried.
 */
export function unwrapEmbedded(text: string): string | null {
  let out = text;
  let changed = false;
  for (let pass = 0; pass < 2 && /\\u00[3-4][cCeE]|\\x3[cC]|\\"|\\\//.test(out); pass++) {
    out = unescapeJs(out);
    changed = true;
  }
  if (!/<\s*(?:table|td)\b/i.test(out) && ENTITY_MARKUP.test(out)) {
    out = out.replace(ENTITY, (_, name: string) => ENTITIES[name] ?? '');
    changed = true;
  }
  if (/<script\b/i.test(out)) {
    out = out.replace(/<\/?script\b[^>]*>/gi, '\n');
    changed = true;
  }
  return changed ? out : null;
}
