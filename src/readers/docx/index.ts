/** The DOCX reader: the main document part of a Word package, its paragraphs and tables, through the grid mapper. */
import { DomainError } from '../../core/errors.js';
import type { Grid } from '../grid.js';
import { readGrid } from '../text/index.js';
import type { ReadResult } from '../types.js';
import { documentXmlToGrid } from './grid.js';
import { readZipEntry, zipEntries } from './zip.js';

const DEFAULT_MAIN_PART = 'word/document.xml';

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** The grid of a .docx file's bytes; throws REPORT_UNREADABLE for a broken package or one with no document. */
export function docxBytesToGrid(bytes: Uint8Array, name: string): Grid {
  const entries = zipEntries(bytes, name);
  // The package relationships name the main part; Word always calls it word/document.xml, others may not.
  let main = DEFAULT_MAIN_PART;
  const rels = entries.get('_rels/.rels');
  if (rels !== undefined) {
    const xml = decodeXml(readZipEntry(bytes, rels, name));
    const target =
      /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"/.exec(xml)?.[1] ??
      /<Relationship\b[^>]*Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(xml)?.[1];
    if (target !== undefined && entries.has(target)) main = target;
  }
  const entry = entries.get(main);
  if (entry === undefined) {
    throw new DomainError(
      'REPORT_UNREADABLE',
      `${name} 不是 Word 文档：找不到 ${DEFAULT_MAIN_PART}`,
      `${name} is not a Word document: ${DEFAULT_MAIN_PART} is missing`,
    );
  }
  return documentXmlToGrid(decodeXml(readZipEntry(bytes, entry, name)));
}

/** The reader for DOCX files. */
export async function readDocx(bytes: Uint8Array, name: string): Promise<ReadResult> {
  return readGrid(docxBytesToGrid(bytes, name), name, 'docx');
}
