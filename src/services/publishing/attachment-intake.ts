/**
 * How an attachment's bytes are taken in. Until content-type checking and text extraction land
 * (services/publishing/attachments/), bytes are kept as they are, opaque: the size limit is enforced, the name is
 * cleaned, and the media type is only what the extension claims (nothing is extracted, nothing is trusted).
 */
import { DomainError } from '../../core/errors.js';

export interface IntakeResult {
  /** Media type as decided by intake. */
  mediaType: string;
  /** Text for search and the personal-data check; null when none was extracted. */
  text: string | null;
  /**
   * What intake found, stored with the attachment. `blocksApproval: true` stops a review step from approving the
   * version until the attachment is replaced or a reviewer overrides it with a reason.
   */
  details: Record<string, unknown> & { blocksApproval?: boolean };
}

export interface AttachmentIntake {
  inspect(name: string, bytes: Uint8Array): Promise<IntakeResult>;
}

/** The largest attachment accepted. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;
/** Attachments one version may hold. */
export const ATTACHMENTS_PER_VERSION_MAX = 50;

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanAttachmentName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim()
    .slice(0, 200);
  if (clean === '' || clean === '.' || clean === '..') {
    throw new DomainError(
      'ATTACHMENT_INVALID',
      `附件文件名无效：${name}`,
      `invalid attachment name: ${name}`,
    );
  }
  return clean;
}

export function checkAttachmentSize(bytes: Uint8Array): void {
  if (bytes.byteLength === 0)
    throw new DomainError('ATTACHMENT_INVALID', '附件为空文件', 'the attachment is empty');
  if (bytes.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new DomainError(
      'ATTACHMENT_INVALID',
      `附件超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
      `the attachment is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`,
    );
  }
}

/** Opaque intake: size and name only. */
export const opaqueIntake: AttachmentIntake = {
  async inspect(name, bytes) {
    checkAttachmentSize(bytes);
    const ext = name.toLowerCase().split('.').pop() ?? '';
    return {
      mediaType: BY_EXTENSION[ext] ?? 'application/octet-stream',
      text: null,
      details: { intake: 'opaque' },
    };
  },
};
