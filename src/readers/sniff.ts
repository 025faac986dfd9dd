/** Tells a report file's format from its first bytes, then its name. */
import { isUtf8 } from 'node:buffer';
import { byteHead } from './bytes.js';
import { hasEmbeddedMarkup } from './html/embedded.js';
import type { ReportFormat } from './types.js';

const UTF8 = new TextDecoder('utf-8', { fatal: false });
const GB18030 = new TextDecoder('gb18030', { fatal: false });

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** True when the text holds control characters other than tab, line ends and form feed (binary data). */
function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) return true;
  }
  return false;
}

/** A page's first tag, after any comments (a comment's body cannot hold `-->`, so the match is linear). */
const HTML_START =
  /^(?:<!--(?:(?!-->)[\s\S])*-->\s*)*<(?:!doctype html|html|head|body|meta|title|table|div|p|h[1-6])\b/i;

/** The format of a file, or null when it is binary and of no known kind. */
export function sniffFormat(bytes: Uint8Array, name: string): ReportFormat | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'; // %PDF
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return /\.docx$/i.test(name) || !/\.(zip|xlsx|pptx)$/i.test(name) ? 'docx' : null; // PK zip
  }
  // Markup is ASCII whatever the page's charset, so HTML is told before the UTF-8 test: a GBK page is not binary.
  const ascii = byteHead(bytes, 4096);
  const markup = ascii.replace(/^\u00ef\u00bb\u00bf/, '').trimStart();
  if (!ascii.includes('\u0000') && (HTML_START.test(markup) || /\.(html?|xhtml)$/i.test(name))) return 'html';
  const headBytes = bytes.subarray(0, utf8Boundary(bytes, 4096));
  if (headBytes.includes(0)) return null;
  // A page carried inside other text (a JavaScript or JSON data file, an escaped string): read as HTML, unless
  // it is the contract's own JSON (whose narrative may quote markup).
  if (hasEmbeddedMarkup(bytes) && !isContractJson(bytes)) return 'html';
  // Valid UTF-8 (most files): only its start is decoded, to tell JSON from text.
  if (isUtf8(headBytes)) return jsonOrText(UTF8.decode(headBytes.subarray(0, 256)));
  let head = UTF8.decode(bytes.subarray(0, 4096));
  if (head.includes('\ufffd\ufffd\ufffd')) {
    // Not UTF-8: GB18030/GBK text (common for Chinese reports) decodes cleanly but for a character cut at 4 KiB.
    head = GB18030.decode(bytes.subarray(0, 4096));
    if (head.slice(0, -1).includes('\ufffd') || hasControl(head)) return null;
  }
  return jsonOrText(head);
}

/** True for a file in the contract's JSON (its schema id near the start). */
function isContractJson(bytes: Uint8Array): boolean {
  const head = byteHead(bytes, 512);
  return head.trimStart().startsWith('{') && head.includes('gongkai.annual-report');
}

function jsonOrText(head: string): 'json' | 'text' {
  return head
    .replace(/^\ufeff/, '')
    .trimStart()
    .startsWith('{')
    ? 'json'
    : 'text';
}

/** `length`, or less so that the bytes before it do not end inside a UTF-8 character. */
function utf8Boundary(bytes: Uint8Array, length: number): number {
  if (bytes.byteLength <= length) return bytes.byteLength;
  let end = length;
  // Back over continuation bytes (10xxxxxx) to the lead byte, which then starts the cut-off character.
  while (end > length - 4 && end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return end;
}
