/**
 * Personal data in an HTML body (a sanitised notice body, see services/publishing/body-html.ts): found in the
 * text the reader sees and masked inside text nodes only — tags, attributes and links are never rewritten, so
 * the markup stays what the sanitiser let through. A number split by inline markup (`<b>138</b>12345678`) is
 * still found: text nodes are joined as the reader sees them, and block boundaries (p, td, br, li…) separate.
 * The attributes a reader can see or follow — `href` (a `mailto:` link), `title`, `alt` — are checked and masked
 * too; their findings are reported apart (`attributes`), with offsets into the attribute's value.
 */
import { applyMasks, findPersonalData, type FindOptions } from './detect.js';
import type { PersonalDataFinding } from './types.js';

interface TextNode {
  /** Where the node's raw (encoded) text is in the HTML. */
  rawStart: number;
  rawEnd: number;
  /** The decoded characters, and for each the raw [start, end) it came from. */
  chars: string[];
  rawSpans: [number, number][];
  /** Offset of the node's first character in the joined text. */
  textStart: number;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The end of a table cell: cells of a row are apart by a tab, as a list is pasted as text. */
const CELL_END = /^<\/t[dh]\s*>/i;

/** Tags after which the reader sees a new line (cells, paragraphs, line breaks…). */
const BLOCK =
  /^<\/?(?:p|div|br|li|ul|ol|\/tr|table|thead|tbody|tfoot|h[1-6]|blockquote|section|article|hr|caption|dd|dt|dl|pre)\b/i;

function decodeEntity(entity: string): string | null {
  if (entity.startsWith('&#x') || entity.startsWith('&#X')) {
    const code = Number.parseInt(entity.slice(3, -1), 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  if (entity.startsWith('&#')) {
    const code = Number.parseInt(entity.slice(2, -1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : null;
  }
  return NAMED[entity.slice(1, -1)] ?? null;
}

function encode(char: string): string {
  return char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char;
}

/** Splits HTML into text nodes (decoded, with their raw spans) and the joined text a reader sees. */
function textNodes(html: string): { nodes: TextNode[]; text: string } {
  const nodes: TextNode[] = [];
  let text = '';
  let at = 0;
  const markup = /<!--[\s\S]*?-->|<(script|style|textarea)\b[\s\S]*?<\/\1\s*>|<[^>]*>?/gi;
  const addText = (from: number, to: number) => {
    if (to <= from) return;
    const node: TextNode = { rawStart: from, rawEnd: to, chars: [], rawSpans: [], textStart: text.length };
    const entity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/y;
    for (let i = from; i < to;) {
      if (html[i] === '&') {
        entity.lastIndex = i;
        const m = entity.exec(html);
        const decoded = m && m.index + m[0].length <= to ? decodeEntity(m[0]) : null;
        if (m && decoded !== null) {
          for (const c of decoded) {
            node.chars.push(c);
            node.rawSpans.push([i, i + m[0].length]);
          }
          i += m[0].length;
          continue;
        }
      }
      const code = html.codePointAt(i)!;
      const c = String.fromCodePoint(code);
      node.chars.push(c);
      node.rawSpans.push([i, i + c.length]);
      i += c.length;
    }
    text += node.chars.join('');
    nodes.push(node);
  };
  for (let m = markup.exec(html); m !== null; m = markup.exec(html)) {
    addText(at, m.index);
    if (CELL_END.test(m[0])) text += '\t';
    else if (BLOCK.test(m[0])) text += '\n';
    at = m.index + m[0].length;
  }
  addText(at, html.length);
  return { nodes, text };
}

/** Personal data in one visible attribute of a tag: `name` is the attribute, offsets are into its value. */
export interface AttributeFindings {
  tag: string;
  name: string;
  findings: PersonalDataFinding[];
}

const TAG = /<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
const VISIBLE_ATTRIBUTE = /(\s(href|title|alt)\s*=\s*)("([^"]*)"|'([^']*)')/gi;

function decodeAttribute(value: string): string {
  return value.replace(
    /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g,
    (entity) => decodeEntity(entity) ?? entity,
  );
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Masks personal data in the visible attributes of every tag; what was found, per attribute. */
function maskAttributes(
  html: string,
  options: FindOptions,
): { html: string; attributes: AttributeFindings[] } {
  const attributes: AttributeFindings[] = [];
  const out = html.replace(TAG, (tag: string, tagName: string) =>
    tag.replace(
      VISIBLE_ATTRIBUTE,
      (whole, prefix: string, name: string, _quoted, double?: string, single?: string) => {
        const value = decodeAttribute(double ?? single ?? '');
        const findings = findPersonalData(value, options);
        if (findings.length === 0) return whole;
        attributes.push({ tag: tagName.toLowerCase(), name: name.toLowerCase(), findings });
        return `${prefix}"${encodeAttribute(applyMasks(value, findings))}"`;
      },
    ),
  );
  return { html: out, attributes };
}

/** Personal data in an HTML body; offsets are in the text a reader sees (`htmlText`). */
export function findPersonalDataInHtml(html: string, options: FindOptions = {}): PersonalDataFinding[] {
  return findPersonalData(textNodes(html).text, options);
}

/** The text of an HTML body as the detector sees it (text nodes joined, a new line at each block). */
export function htmlText(html: string): string {
  return textNodes(html).text;
}

/**
 * The HTML body with personal data masked in its text nodes, and what was masked. Each masked character replaces
 * one character of the reader's text; the markup around it is left exactly as it was.
 */
export function maskPersonalDataInHtml(
  html: string,
  options: FindOptions = {},
): { html: string; findings: PersonalDataFinding[]; attributes: AttributeFindings[] } {
  const text = maskTextNodes(html, options);
  const attributes = maskAttributes(text.html, options);
  return { html: attributes.html, findings: text.findings, attributes: attributes.attributes };
}

function maskTextNodes(
  html: string,
  options: FindOptions,
): { html: string; findings: PersonalDataFinding[] } {
  const { nodes, text } = textNodes(html);
  const findings = findPersonalData(text, options);
  if (findings.length === 0) return { html, findings };
  // The masked character (or none) for each position of the joined text that a finding covers.
  const replaced = new Map<number, string>();
  for (const finding of findings) {
    const masked = [...finding.masked];
    const original = [...finding.text];
    let offset = finding.start;
    original.forEach((char, i) => {
      replaced.set(offset, masked[i] ?? '');
      offset += char.length;
    });
    // A mask longer than the value (never with the built-in masks) goes on the last character.
    if (masked.length > original.length) {
      const last = offset - original.at(-1)!.length;
      replaced.set(last, (replaced.get(last) ?? '') + masked.slice(original.length).join(''));
    }
  }
  let out = '';
  let at = 0;
  for (const node of nodes) {
    let position = node.textStart;
    let changed = false;
    let body = '';
    node.chars.forEach((char, i) => {
      const span = node.rawSpans[i]!;
      const replacement = replaced.get(position);
      if (replacement !== undefined && replacement !== char) {
        body += [...replacement].map(encode).join('');
        changed = true;
      } else {
        body += html.slice(span[0], span[1]);
      }
      position += char.length;
    });
    if (!changed) continue;
    out += html.slice(at, node.rawStart) + body;
    at = node.rawEnd;
  }
  return { html: out + html.slice(at), findings };
}
