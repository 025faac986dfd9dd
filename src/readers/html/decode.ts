/**
 * Decodes the bytes of a web page to text: a byte-order mark wins, then a `<meta charset>` (or
 * `http-equiv="Content-Type"`) in the first bytes, then UTF-8 when the bytes are valid UTF-8, else GB18030
 * (the superset of GBK and GB2312 that Chinese government sites saved before UTF-8 was usual).
 */
import { byteHead } from '../bytes.js';

/** How far into the file a charset declaration is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 4096;

/** Labels the WHATWG Encoding standard folds into GBK/GB18030; TextDecoder knows them all. */
const GB_LABELS =
  /^(gb2312|gbk|gb18030|x-gbk|cp936|csgb2312|chinese|iso-ir-58|gb_2312-80|ms936|windows-936)$/i;

function declaredCharset(bytes: Uint8Array): string | null {
  const head = byteHead(bytes, PRESCAN_BYTES);
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return meta?.[1]?.toLowerCase() ?? null;
}

function decoderFor(label: string): InstanceType<typeof TextDecoder> | null {
  try {
    return new TextDecoder(GB_LABELS.test(label) ? 'gb18030' : label);
  } catch {
    return null; // an unknown label: fall back to guessing
  }
}

/** The text of an HTML file, with the encoding it was decoded from. */
export function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const label = declaredCharset(bytes);
  const declared = label === null ? null : decoderFor(label);
  if (declared !== null) return { text: declared.decode(bytes), encoding: declared.encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
