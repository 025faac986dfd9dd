/**
 * Size limits of what a publishing author hands in (a notice's body, its attachments), in one place like
 * `src/core/limits.ts`, so the server, the CLI, the import and the console agree. An agency may set its own
 * (`attachmentLimits(overrides)`); the defaults suit a notice with scanned annexes.
 */
export interface AttachmentLimits {
  /** The largest attachment accepted, of any type (bytes). */
  maxBytes: number;
  /** The largest image (bytes). */
  maxImageBytes: number;
  /** Attachments on one item. */
  maxPerItem: number;
  /** Pages of a PDF read for its text (search and the personal-data check); pages after it are not read. */
  maxPdfPages: number;
  /** Characters of text kept from one attachment. */
  maxTextChars: number;
  /** DOCX/XLSX: entries in the package, and its size once decompressed (zip-bomb guard). */
  maxZipEntries: number;
  maxUncompressedBytes: number;
  /** XLSX: cells read for text. */
  maxSheetCells: number;
  /** How long reading one attachment's text may take in its worker (ms). */
  extractTimeoutMs: number;
}

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxImageBytes: 10 * 1024 * 1024,
  maxPerItem: 30,
  maxPdfPages: 500,
  maxTextChars: 5_000_000,
  maxZipEntries: 5_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxSheetCells: 2_000_000,
  extractTimeoutMs: 30_000,
};

/** The limits with an agency's or a deployment's overrides. */
export function attachmentLimits(overrides: Partial<AttachmentLimits> = {}): AttachmentLimits {
  return { ...DEFAULT_ATTACHMENT_LIMITS, ...overrides };
}

/** The largest notice body (HTML, UTF-8 bytes) before sanitising. */
export const BODY_HTML_MAX_BYTES = 2 * 1024 * 1024;
