/**
 * How an attachment's bytes are taken in. The server installs `contentIntake` (./attachments/: type checked by
 * content, size limits, text extracted in worker threads, personal data found in the text); without it
 * (`opaqueIntake`, used where no extractor runs) bytes are kept as they are: size enforced, name cleaned, the media
 * type only what the extension claims, nothing extracted.
 */
import type { Agency } from '../../core/agency.js';
import { DomainError } from '../../core/errors.js';
import type { PersonalDataAllowList } from '../../core/publishing/personal-data/index.js';
import type { AttachmentExtractor } from './attachments/pool.js';
import { intakeAttachment } from './attachments/intake.js';

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
  inspect(name: string, bytes: Uint8Array, context?: { allow: PersonalDataAllowList }): Promise<IntakeResult>;
}

/** The largest attachment accepted without content intake. */
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

/**
 * Content intake: the type by its bytes (an executable named .pdf is refused), the limits, the text, and personal
 * data in it. An attachment with findings blocks approval. The findings are stored without the values found
 * (kind, place, masked form): the values stay only in the extracted text.
 */
export function contentIntake(extractor: AttachmentExtractor): AttachmentIntake {
  return {
    async inspect(name, bytes, context) {
      const taken = await intakeAttachment({ name, bytes }, { extractor, allow: context?.allow });
      return {
        mediaType: taken.mediaType,
        text: taken.text === '' ? null : taken.text,
        details: {
          intake: 'content',
          kind: taken.kind,
          pages: taken.pages,
          textLayer: taken.textLayer,
          truncated: taken.truncated,
          personalData: taken.personalData.map(({ text: _value, ...f }) => f),
          blocksApproval: taken.personalData.length > 0,
        },
      };
    },
  };
}

/** An agency's own public contacts from its 指南: never personal data. */
export function allowListOf(agency: Agency): PersonalDataAllowList {
  const present = (xs: (string | null)[]) => xs.filter((x): x is string => x !== null && x !== '');
  return {
    phones: present([agency.phone, agency.fax]),
    emails: present([agency.email]),
    addresses: present([agency.address]),
  };
}
