/**
 * The text of an attachment, for search and for the personal-data check. Runs inside an extraction worker
 * (./pool.ts), never on the server's thread: PDF through pdf.js (the same loading as the report reader), DOCX
 * through the guarded unzip of the DOCX reader, XLSX through exceljs after the package's directory has been
 * checked against the entry and size limits. Images have no text here (no OCR); neither has a scanned PDF,
 * which is said (`textLayer: false`) so a reviewer knows the check could not read it.
 */
import ExcelJS from 'exceljs';
import { DomainError, isDomainError } from '../../../core/errors.js';
import type { AttachmentLimits } from '../../../core/publishing/intake-limits.js';
import { readZipEntry, zipEntries } from '../../../readers/docx/zip.js';
import { loadPdfJs } from '../../../readers/pdf/pdfjs.js';
import { isImage, type AttachmentKind } from './sniff.js';

export interface ExtractedText {
  text: string;
  /** Pages of a PDF, sheets of a workbook. */
  pages: number | null;
  /** False for an image or a PDF without a text layer: the text could not be read. */
  textLayer: boolean;
  /** True when the text was cut at a limit (pages, cells or characters). */
  truncated: boolean;
}

function unreadable(name: string, zh: string, en: string): DomainError {
  return new DomainError(
    'ATTACHMENT_UNREADABLE',
    `附件“${name}”无法读取：${zh}`,
    `The attachment “${name}” cannot be read: ${en}`,
    { name },
  );
}

function clip(text: string, limits: AttachmentLimits): { text: string; truncated: boolean } {
  return text.length > limits.maxTextChars
    ? { text: text.slice(0, limits.maxTextChars), truncated: true }
    : { text, truncated: false };
}

async function pdfText(bytes: Uint8Array, name: string, limits: AttachmentLimits): Promise<ExtractedText> {
  const { pdfjs, worker, cMapUrl, standardFontDataUrl } = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    worker,
    verbosity: 0,
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if (error instanceof Error && error.name === 'PasswordException') {
      throw unreadable(
        name,
        'PDF 已加密，请上传未加密的版本',
        'the PDF is encrypted; upload an unencrypted copy',
      );
    }
    throw unreadable(
      name,
      '不是有效的 PDF 文件',
      `not a valid PDF (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  try {
    const pages = document.numPages;
    const last = Math.min(pages, limits.maxPdfPages);
    const parts: string[] = [];
    let length = 0;
    for (let number = 1; number <= last && length <= limits.maxTextChars; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line !== '') lines.push(line);
      page.cleanup();
      const text = lines.join('\n');
      parts.push(text);
      length += text.length + 2;
    }
    const joined = parts.join('\n\f\n');
    const { text, truncated } = clip(joined, limits);
    const readable = joined.replace(/\s/g, '').length;
    return { text, pages, textLayer: readable >= 20 || pages === 0, truncated: truncated || last < pages };
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw unreadable(
      name,
      'PDF 内容已损坏',
      `the PDF is damaged (${error instanceof Error ? error.message : String(error)})`,
    );
  } finally {
    await document.destroy();
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(Number.parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number.parseInt(entity.slice(1), 10));
    return XML_ENTITIES[entity]!;
  });
}

/** Guards a package before anything inflates it: entries, and the sizes its directory declares. */
export function checkPackage(bytes: Uint8Array, name: string, limits: AttachmentLimits): void {
  let declared = 0;
  let entries;
  try {
    entries = zipEntries(bytes, name);
  } catch (error) {
    if (isDomainError(error)) throw unreadable(name, error.messageZh, error.messageEn);
    throw error;
  }
  if (entries.size > limits.maxZipEntries) {
    throw unreadable(
      name,
      `文件包含 ${entries.size} 个部件，超过上限 ${limits.maxZipEntries}`,
      `the package holds ${entries.size} parts, more than ${limits.maxZipEntries}`,
    );
  }
  // The central directory's uncompressed sizes (offset 24 of each record), summed.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at -= 1) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && bytes[at + 2] === 0x05 && bytes[at + 3] === 0x06) {
      end = at;
      break;
    }
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = end < 0 ? bytes.length : view.getUint32(end + 16, true);
  for (let i = 0; i < entries.size && at + 46 <= bytes.length; i += 1) {
    declared += view.getUint32(at + 24, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  if (declared > limits.maxUncompressedBytes) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw unreadable(
      name,
      `解压后约 ${mb(declared)}，超过上限 ${mb(limits.maxUncompressedBytes)}（疑似压缩炸弹）`,
      `it would inflate to about ${mb(declared)}, more than ${mb(limits.maxUncompressedBytes)} (a zip bomb?)`,
    );
  }
}

function docxText(bytes: Uint8Array, name: string, limits: AttachmentLimits): ExtractedText {
  checkPackage(bytes, name, limits);
  let xml: string;
  try {
    const entries = zipEntries(bytes, name);
    const entry = entries.get('word/document.xml');
    if (entry === undefined)
      throw unreadable(name, '找不到 word/document.xml', 'word/document.xml is missing');
    xml = new TextDecoder('utf-8').decode(readZipEntry(bytes, entry, name));
  } catch (error) {
    if (isDomainError(error, 'ATTACHMENT_UNREADABLE')) throw error;
    if (isDomainError(error)) throw unreadable(name, error.messageZh, error.messageEn);
    throw error;
  }
  // Paragraphs are lines, cells of a table row are apart by a tab, rows end a line.
  const text = xml
    .replace(/<w:tab\/>|<\/w:tc>/g, '\t')
    .replace(/<w:br[^>]*\/>|<w:cr\/>|<\/w:p>|<\/w:tr>/g, '\n')
    .replace(/<w:delText[^>]*>[\s\S]*?<\/w:delText>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\n\t/g, '\t')
    .replace(/\t\n/g, '\n');
  const clipped = clip(decodeXmlText(text).trim(), limits);
  return { text: clipped.text, pages: null, textLayer: true, truncated: clipped.truncated };
}

async function xlsxText(bytes: Uint8Array, name: string, limits: AttachmentLimits): Promise<ExtractedText> {
  checkPackage(bytes, name, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw unreadable(
      name,
      '不是有效的 XLSX 文件',
      `not a valid XLSX file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const lines: string[] = [];
  let cells = 0;
  let truncated = false;
  let sheets = 0;
  workbook.eachSheet((sheet) => {
    sheets += 1;
    if (truncated) return;
    lines.push(sheet.name);
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (truncated) return;
      const values: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells += 1;
        values.push(cell.text.replace(/[\t\n\r]+/g, ' '));
      });
      lines.push(values.join('\t').replace(/\t+$/, ''));
      if (cells > limits.maxSheetCells) truncated = true;
    });
    lines.push('');
  });
  const clipped = clip(lines.join('\n').trim(), limits);
  return { text: clipped.text, pages: sheets, textLayer: true, truncated: truncated || clipped.truncated };
}

/** The text of an attachment of a known kind (see ./sniff.ts). */
export async function extractText(
  kind: AttachmentKind,
  bytes: Uint8Array,
  name: string,
  limits: AttachmentLimits,
): Promise<ExtractedText> {
  if (isImage(kind)) return { text: '', pages: null, textLayer: false, truncated: false };
  if (kind === 'pdf') return pdfText(bytes, name, limits);
  if (kind === 'docx') return docxText(bytes, name, limits);
  return xlsxText(bytes, name, limits);
}
