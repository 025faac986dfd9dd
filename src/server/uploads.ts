/**
 * Reads a multipart form into memory under the upload limits. Nothing is written to disk; an upload that breaks a
 * limit becomes a coded UPLOAD_TOO_LARGE error (HTTP 413) with a Chinese and an English message.
 */
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../core/errors.js';
import { limits } from '../core/limits.js';

export interface UploadLimits {
  /** Largest single file. */
  fileBytes: number;
  /** Most files. */
  files: number;
  /** All files together. */
  totalBytes: number;
  /** Largest text field (the pasted report). */
  fieldBytes: number;
}

export interface ReadForm {
  fields: Record<string, string>;
  files: { field: string; name: string; bytes: Uint8Array }[];
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** The refusal for a file over the size limit. */
export function fileTooLarge(maxBytes: number = limits.reportUploadMaxBytes): DomainError {
  return new DomainError(
    'UPLOAD_TOO_LARGE',
    `文件太大：单个文件不能超过 ${mb(maxBytes)} MB。请上传较小的文件，或只粘贴报告中的文字和表格。`,
    `The file is too large: at most ${mb(maxBytes)} MB per file. Upload a smaller file, or paste the report's text and tables.`,
  );
}

function tooManyFiles(max: number): DomainError {
  return new DomainError(
    'UPLOAD_TOO_LARGE',
    `文件太多：一次最多上传 ${max} 个文件（也可以打包成一个 ZIP）。`,
    `Too many files: at most ${max} per upload (or one ZIP archive).`,
  );
}

export function totalTooLarge(max: number): DomainError {
  return new DomainError(
    'UPLOAD_TOO_LARGE',
    `上传的文件合计超过 ${mb(max)} MB，请分批上传。`,
    `The files together exceed ${mb(max)} MB; upload them in smaller batches.`,
  );
}

function textTooLong(max: number): DomainError {
  return new DomainError(
    'UPLOAD_TOO_LARGE',
    `粘贴的文字太长：不能超过 ${mb(max)} MB。`,
    `The pasted text is too long: at most ${mb(max)} MB.`,
  );
}

/**
 * Refuses a request whose declared length is already over `maxBytes`, before reading any of it; the message
 * names the per-file limit a person can act on.
 */
export function refuseDeclaredLength(
  request: FastifyRequest,
  maxBytes: number,
  refusal: () => DomainError = () => fileTooLarge(),
): void {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw refusal();
}

function isMultipartLimit(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === code;
}

/** Reads every part of a multipart form into memory, enforcing the limits. */
export async function readForm(request: FastifyRequest, uploadLimits: UploadLimits): Promise<ReadForm> {
  const form: ReadForm = { fields: {}, files: [] };
  let total = 0;
  try {
    for await (const part of request.parts({
      limits: {
        fileSize: uploadLimits.fileBytes,
        files: uploadLimits.files,
        fieldSize: uploadLimits.fieldBytes,
        fields: 20,
        parts: uploadLimits.files + 20,
      },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.filename === '' && bytes.length === 0) continue; // an empty file input
        total += bytes.length;
        if (total > uploadLimits.totalBytes) throw totalTooLarge(uploadLimits.totalBytes);
        form.files.push({ field: part.fieldname, name: part.filename, bytes: new Uint8Array(bytes) });
      } else {
        if (part.valueTruncated) throw textTooLong(uploadLimits.fieldBytes);
        form.fields[part.fieldname] = String(part.value ?? '');
      }
    }
  } catch (error) {
    if (isMultipartLimit(error, 'FST_REQ_FILE_TOO_LARGE')) throw fileTooLarge(uploadLimits.fileBytes);
    if (isMultipartLimit(error, 'FST_FILES_LIMIT')) throw tooManyFiles(uploadLimits.files);
    if (isMultipartLimit(error, 'FST_PARTS_LIMIT') || isMultipartLimit(error, 'FST_FIELDS_LIMIT')) {
      throw tooManyFiles(uploadLimits.files);
    }
    throw error;
  }
  return form;
}
