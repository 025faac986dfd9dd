/**
 * What an attachment is, told by its content (magic bytes and, for Office files, the parts inside the package),
 * never by its name. Accepted: PDF, DOCX, XLSX, PNG, JPEG, GIF, WebP. Refused with a reason a person can act on:
 * executables and scripts whatever they are called, macro-enabled Office files, old binary Office files, HTML/SVG
 * (they can carry script), archives, and any file whose name says another type than its content.
 */
import { DomainError } from '../../../core/errors.js';
import { zipEntries } from '../../../readers/docx/zip.js';

export const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif', 'webp'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const MEDIA_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** File name extensions each kind may have. */
const EXTENSIONS: Record<AttachmentKind, readonly string[]> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
};

export function isImage(kind: AttachmentKind): boolean {
  return kind === 'png' || kind === 'jpeg' || kind === 'gif' || kind === 'webp';
}

const KIND_NAMES: Record<AttachmentKind, string> = {
  pdf: 'PDF',
  docx: 'Word（DOCX）',
  xlsx: 'Excel（XLSX）',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  gif: 'GIF 图片',
  webp: 'WebP 图片',
};

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

/** What a refused file's content is, for the message (zh, en). */
type Refusal = { reason: string; zh: string; en: string };

function refusedContent(bytes: Uint8Array): Refusal | null {
  if (startsWith(bytes, [0x4d, 0x5a]))
    return { reason: 'executable', zh: 'Windows 可执行程序', en: 'a Windows executable' };
  if (startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]))
    return { reason: 'executable', zh: 'Linux 可执行程序', en: 'a Linux executable' };
  for (const magic of [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ]) {
    if (startsWith(bytes, magic))
      return {
        reason: 'executable',
        zh: 'macOS 可执行程序或 Java 类文件',
        en: 'a macOS executable or Java class',
      };
  }
  if (startsWith(bytes, [0x23, 0x21])) return { reason: 'executable', zh: '脚本程序', en: 'a script' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      reason: 'legacy-office',
      zh: '旧版 Office 文件（DOC/XLS），请另存为 DOCX、XLSX 或 PDF 后上传',
      en: 'an old binary Office file (DOC/XLS); save it as DOCX, XLSX or PDF and upload that',
    };
  }
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21]))
    return { reason: 'archive', zh: 'RAR 压缩包', en: 'a RAR archive' };
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf]))
    return { reason: 'archive', zh: '7z 压缩包', en: 'a 7z archive' };
  if (startsWith(bytes, [0x1f, 0x8b])) return { reason: 'archive', zh: 'gzip 压缩包', en: 'a gzip archive' };
  const head = ascii(bytes, 0, 512)
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(?:!doctype html|html|svg|\?xml[^>]*>\s*<svg|script)/.test(head) || head.startsWith('<?xml')) {
    return {
      reason: 'markup',
      zh: 'HTML、SVG 或 XML 文件（可能带有脚本）',
      en: 'an HTML, SVG or XML file (it may carry script)',
    };
  }
  return null;
}

function officeKind(bytes: Uint8Array, name: string): AttachmentKind | Refusal {
  let entries;
  try {
    entries = zipEntries(bytes, name);
  } catch {
    return { reason: 'damaged', zh: '损坏的 ZIP 或 Office 文件', en: 'a damaged ZIP or Office file' };
  }
  const names = [...entries.keys()];
  if (names.some((n) => /(?:^|\/)vbaProject\.bin$/i.test(n) || (/\.bin$/i.test(n) && /activeX/i.test(n)))) {
    return {
      reason: 'macros',
      zh: '含有宏或 ActiveX 控件的 Office 文件，请另存为不含宏的 DOCX/XLSX 或 PDF',
      en: 'an Office file with macros or ActiveX controls; save it without macros (DOCX/XLSX) or as PDF',
    };
  }
  if (entries.has('[Content_Types].xml') && entries.has('word/document.xml')) return 'docx';
  if (entries.has('[Content_Types].xml') && entries.has('xl/workbook.xml')) return 'xlsx';
  if (entries.has('[Content_Types].xml') && entries.has('ppt/presentation.xml')) {
    return {
      reason: 'unsupported',
      zh: 'PowerPoint 演示文稿，请另存为 PDF 后上传',
      en: 'a PowerPoint file; save it as PDF and upload that',
    };
  }
  return {
    reason: 'archive',
    zh: 'ZIP 压缩包（附件须逐个上传）',
    en: 'a ZIP archive (upload attachments one by one)',
  };
}

/** The kind told by content, or why it is refused. */
export function sniffContent(bytes: Uint8Array, name: string): AttachmentKind | Refusal {
  const refused = refusedContent(bytes);
  if (refused) return refused;
  // %PDF- may follow a little junk; readers accept it within the first kilobyte.
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes, name);
  return { reason: 'unknown', zh: '无法识别的文件类型', en: 'a file type that is not recognised' };
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

const ACCEPTED_ZH = 'PDF、DOCX、XLSX、PNG、JPEG、GIF、WebP';
const ACCEPTED_EN = 'PDF, DOCX, XLSX, PNG, JPEG, GIF or WebP';

/**
 * The kind of an attachment, checked by content and against its name; throws ATTACHMENT_TYPE_REFUSED (415) with
 * the reason in `details.reason`: executable, script, macros, legacy-office, archive, markup, unsupported,
 * damaged, unknown, or name-mismatch.
 */
export function attachmentKind(bytes: Uint8Array, name: string): AttachmentKind {
  const sniffed = sniffContent(bytes, name);
  if (typeof sniffed !== 'string') {
    throw new DomainError(
      'ATTACHMENT_TYPE_REFUSED',
      `附件“${name}”不能接收：它是${sniffed.zh}。可接收的附件类型：${ACCEPTED_ZH}。`,
      `The attachment “${name}” is refused: it is ${sniffed.en}. Accepted types: ${ACCEPTED_EN}.`,
      { reason: sniffed.reason, name },
    );
  }
  const extension = extensionOf(name);
  if (!EXTENSIONS[sniffed].includes(extension)) {
    throw new DomainError(
      'ATTACHMENT_TYPE_REFUSED',
      `附件“${name}”的扩展名${extension ? `“.${extension}”` : '缺失'}与内容不符：内容是${KIND_NAMES[sniffed]}。请改正文件名（.${EXTENSIONS[sniffed][0]}）后重新上传。`,
      `The attachment “${name}” is named ${extension ? `.${extension}` : 'without an extension'} but its content is ${sniffed.toUpperCase()}; rename it (.${EXTENSIONS[sniffed][0]}) and upload it again.`,
      { reason: 'name-mismatch', name, content: sniffed },
    );
  }
  return sniffed;
}
