/**
 * The PDF reader: positioned text from the file's own text layer (pdf.js, no rendering, no network), rebuilt
 * into rows and cells (./layout.ts), then the one grid mapper. A PDF without a text layer (a scan) is refused
 * with REPORT_NEEDS_OCR rather than read as nothing.
 *
 * Speed (the scan reads whole folders of PDFs): text extraction never needs the embedded font programs, which
 * pdf.js would otherwise parse and repair for every document, so `/FontFile` keys are renamed in a copy of the
 * bytes (same length, so offsets stay valid) and fonts are described by their widths and ToUnicode maps only.
 * If that leaves the text unreadable (a font with no ToUnicode map), the file is read again with its fonts.
 * Pages after section 五 are not read: the tables end with section 四.
 */
import { DomainError } from '../../core/errors.js';
import type { Grid, GridRow } from '../grid.js';
import { readGrid } from '../text/index.js';
import type { ReadResult } from '../types.js';
import { pageRows, type PositionedText } from './layout.js';
import { loadPdfJs } from './pdfjs.js';

/** Most pages read; the statutory tables come early in every report. */
export const MAX_PDF_PAGES = 60;
/** Fewer readable characters than this in the pages read means the PDF is a scan. */
const MIN_TEXT_CHARS = 20;
/** Share of characters that must be readable (CJK, Latin, digits, punctuation) for the text layer to be trusted. */
const MIN_READABLE_SHARE = 0.8;

/** Kangxi radicals, CJK compatibility ideographs and vertical punctuation that PDF producers emit for plain CJK. */
const COMPATIBILITY = /[\u2e80-\u2fdf\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe4f]/g;
const READABLE = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2000-\u206f\u0020-\u007e\u00a0-\u00ff]/u;

function normaliseText(text: string): string {
  return text.replace(COMPATIBILITY, (char) => char.normalize('NFKC'));
}

/** A plain Uint8Array copy: pdf.js detaches what it is given and refuses a Buffer, whose `slice` is a view. */
function copyOf(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function hideFontPrograms(bytes: Uint8Array): Uint8Array {
  const copy = copyOf(bytes);
  const buffer = Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength);
  for (let at = buffer.indexOf('/FontFile'); at !== -1; at = buffer.indexOf('/FontFile', at + 9)) {
    copy[at + 1] = 0x58; // /FontFile → /XontFile: an unknown key, ignored
  }
  return copy;
}

interface PageText {
  items: PositionedText[];
  chars: number;
  readable: number;
}

function unreadable(name: string, detail: string): DomainError {
  return new DomainError(
    'REPORT_UNREADABLE',
    `${name} 不是可读取的 PDF 文件（${detail}）`,
    `${name} is not a readable PDF file (${detail})`,
  );
}

async function readPages(data: Uint8Array, name: string): Promise<PageText[]> {
  const { pdfjs, worker, cMapUrl, standardFontDataUrl } = await loadPdfJs();
  const task = pdfjs.getDocument({
    data,
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
    const detail = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.name === 'PasswordException') {
      throw new DomainError(
        'REPORT_UNREADABLE',
        `${name} 是加密的 PDF，无法读取`,
        `${name} is an encrypted PDF`,
      );
    }
    throw unreadable(name, detail);
  }
  try {
    const pages: PageText[] = [];
    const last = Math.min(document.numPages, MAX_PDF_PAGES);
    for (let number = 1; number <= last; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      const text: PageText = { items: [], chars: 0, readable: 0 };
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a, b, , d, x, y] = item.transform as number[];
        const str = normaliseText(item.str);
        text.items.push({
          text: str,
          x: x!,
          y: y!,
          width: item.width,
          height: Math.hypot(a!, b!) || Math.abs(d!),
        });
        for (const char of str) {
          if (char.trim() === '') continue;
          text.chars++;
          if (READABLE.test(char)) text.readable++;
        }
      }
      page.cleanup();
      pages.push(text);
    }
    return pages;
  } catch (error) {
    throw unreadable(name, error instanceof Error ? error.message : String(error));
  } finally {
    await document.destroy();
  }
}

function readableShare(pages: readonly PageText[]): { chars: number; share: number } {
  const chars = pages.reduce((n, page) => n + page.chars, 0);
  const readable = pages.reduce((n, page) => n + page.readable, 0);
  return { chars, share: chars === 0 ? 0 : readable / chars };
}

/** The grid of a PDF file's bytes; throws REPORT_NEEDS_OCR for a scan, REPORT_UNREADABLE for a broken file. */
export async function pdfBytesToGrid(bytes: Uint8Array, name: string): Promise<Grid> {
  let pages = await readPages(hideFontPrograms(bytes), name);
  let { chars, share } = readableShare(pages);
  if (chars >= MIN_TEXT_CHARS && share < MIN_READABLE_SHARE) {
    pages = await readPages(copyOf(bytes), name); // some font needs its program to map glyphs to text
    ({ chars, share } = readableShare(pages));
  }
  if (chars < MIN_TEXT_CHARS || share < MIN_READABLE_SHARE) {
    throw new DomainError(
      'REPORT_NEEDS_OCR',
      `${name} 没有可用的文字层（可能是扫描件），需要 OCR 识别后才能读取`,
      `${name} has no usable text layer (a scanned document?); it needs OCR before it can be read`,
      { pages: pages.length, characters: chars },
    );
  }
  const rows: GridRow[] = [];
  pages.forEach((page, index) => rows.push(...pageRows(page.items, index + 1)));
  return { rows };
}

/** The reader for PDF files. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<ReadResult> {
  return readGrid(await pdfBytesToGrid(bytes, name), name, 'pdf');
}
