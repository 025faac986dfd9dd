/**
 * Use case: take in one attachment of a piece of government information. Checked by content (./sniff.ts: an
 * executable named .pdf is refused), within the size limits (`AttachmentLimits`, per deployment or agency), its
 * text read in a worker (./pool.ts) for search and scanned for personal data (core/publishing/personal-data).
 * Every refusal is a coded error with a Chinese and an English message; nothing is stored here — the caller
 * (the publishing service or the catalogue import) keeps what this returns.
 *
 * Interface: `intakeAttachment({ name, bytes }, { extractor, limits?, allow?, masks? })` → `IntakenAttachment`.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../../../core/errors.js';
import { attachmentLimits, type AttachmentLimits } from '../../../core/publishing/intake-limits.js';
import {
  findPersonalData,
  type MaskRules,
  type PersonalDataAllowList,
  type PersonalDataFinding,
} from '../../../core/publishing/personal-data/index.js';
import type { AttachmentExtractor } from './pool.js';
import { attachmentKind, isImage, MEDIA_TYPES, type AttachmentKind } from './sniff.js';

export interface AttachmentFile {
  /** The file name as the author's computer had it (a path is cut to its last part). */
  name: string;
  bytes: Uint8Array;
}

export interface IntakeOptions {
  extractor: AttachmentExtractor;
  limits?: Partial<AttachmentLimits>;
  /** The agency's allow list for the personal-data check (its 指南's contacts). */
  allow?: PersonalDataAllowList;
  masks?: Partial<MaskRules>;
}

export interface IntakenAttachment {
  name: string;
  kind: AttachmentKind;
  mediaType: string;
  size: number;
  /** SHA-256 of the bytes, hex: the same file uploaded twice is the same attachment. */
  sha256: string;
  /** The text for search and review (empty for an image or a scan). */
  text: string;
  /** Pages of a PDF, sheets of a workbook. */
  pages: number | null;
  /** False when the text could not be read (an image, a scanned PDF): the personal-data check saw nothing. */
  textLayer: boolean;
  /** True when the text was cut at a limit. */
  truncated: boolean;
  /** Personal data in the text (offsets into `text`). */
  personalData: PersonalDataFinding[];
}

const MAX_NAME_LENGTH = 200;

/** The file's own name: no folders, no control characters, no leading dots, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((char) => char.charCodeAt(0) > 0x1f && char !== '\u007f' && !'<>:"|?*'.includes(char))
    .join('')
    .replace(/^[.\s]+/, '')
    .trim();
  if (clean.length <= MAX_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

function mb(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

function tooLarge(name: string, size: number, limit: number, what: { zh: string; en: string }): DomainError {
  return new DomainError(
    'ATTACHMENT_TOO_LARGE',
    `附件“${name}”有 ${mb(size)}，超过${what.zh}的上限 ${mb(limit)}。请压缩或拆分后上传。`,
    `The attachment “${name}” is ${mb(size)}, more than the ${mb(limit)} limit for ${what.en}. Compress or split it.`,
    { name, size, limit },
  );
}

/** Checks, reads and scans one attachment. */
export async function intakeAttachment(
  file: AttachmentFile,
  options: IntakeOptions,
): Promise<IntakenAttachment> {
  const limits = attachmentLimits(options.limits);
  const name = cleanFileName(file.name);
  if (name === '') {
    throw new DomainError('ATTACHMENT_TYPE_REFUSED', '附件没有文件名。', 'The attachment has no file name.', {
      reason: 'no-name',
    });
  }
  const size = file.bytes.byteLength;
  if (size === 0) {
    throw new DomainError(
      'ATTACHMENT_UNREADABLE',
      `附件“${name}”是空文件。`,
      `The attachment “${name}” is empty.`,
      {
        name,
        reason: 'empty',
      },
    );
  }
  if (size > limits.maxBytes) throw tooLarge(name, size, limits.maxBytes, { zh: '附件', en: 'attachments' });
  const kind = attachmentKind(file.bytes, name);
  if (isImage(kind) && size > limits.maxImageBytes) {
    throw tooLarge(name, size, limits.maxImageBytes, { zh: '图片', en: 'images' });
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const extracted = await options.extractor.extract(kind, file.bytes, name, limits);
  const personalData = extracted.text
    ? findPersonalData(extracted.text, { allow: options.allow, masks: options.masks })
    : [];
  return { name, kind, mediaType: MEDIA_TYPES[kind], size, sha256, ...extracted, personalData };
}
