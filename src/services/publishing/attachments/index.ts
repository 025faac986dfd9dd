/**
 * Attachment intake for 主动公开 (issue 13 item 3). Interface:
 * - `intakeAttachment(file, { extractor, limits, allow, masks })` → kind, media type, size, SHA-256, text, pages,
 *   personal-data findings; coded errors ATTACHMENT_TOO_LARGE (413), ATTACHMENT_TYPE_REFUSED (415, `details.reason`),
 *   ATTACHMENT_UNREADABLE / ATTACHMENT_TIMEOUT (422), ATTACHMENT_EXTRACTOR_UNAVAILABLE (503);
 * - `AttachmentExtractor`: the worker threads that read text (one per process; `close()` at shutdown);
 * - `attachmentKind(bytes, name)`: the content check alone.
 */
export {
  cleanFileName,
  intakeAttachment,
  type AttachmentFile,
  type IntakeOptions,
  type IntakenAttachment,
} from './intake.js';
export { AttachmentExtractor, type ExtractorOptions } from './pool.js';
export { ATTACHMENT_KINDS, MEDIA_TYPES, attachmentKind, type AttachmentKind } from './sniff.js';
export type { ExtractedText } from './extract.js';
