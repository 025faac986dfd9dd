/** One file of a scan: read it, check it, and describe it as one JSON line plus the tallies the summary needs. */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { DomainError } from '../../core/errors.js';
import { checkReport } from '../../core/report/check.js';
import { sniffFormat } from '../../readers/sniff.js';
import type { ReportFormat } from '../../readers/types.js';
import { loadReportFile } from '../reports/check-report.js';

/** Why a file could not be read, as it appears in its line (`{"error": {code, message, messageEn}}`). */
export interface FileFailure {
  code: string;
  message: string;
  messageEn: string;
}

/** What the summary and the CSV need to know of one file; the full detail is in its JSON line. */
export interface FileOutcome {
  /** The path relative to the scanned folder, with `/` separators. */
  file: string;
  format: ReportFormat | null;
  agency: string | null;
  year: number | null;
  template: string | null;
  errors: number;
  warnings: number;
  /** Error findings by rule id. */
  errorRules: Record<string, number>;
  failure: FileFailure | null;
}

/** One scanned file: its outcome, and its JSON line (without the newline). */
export interface ScannedFile {
  outcome: FileOutcome;
  line: string;
}

/** The line and outcome of a file that could not be read. */
export function failedFile(
  file: string,
  error: DomainError,
  format: ReportFormat | null = null,
): ScannedFile {
  const failure = { code: error.code, message: error.messageZh, messageEn: error.messageEn };
  return {
    outcome: {
      file,
      format,
      agency: null,
      year: null,
      template: null,
      errors: 0,
      warnings: 0,
      errorRules: {},
      failure,
    },
    line: JSON.stringify({ file, format, error: failure }),
  };
}

/** Reads and checks the bytes of one file; never throws for anything the file holds. */
export async function inspectReportBytes(bytes: Uint8Array, file: string): Promise<ScannedFile> {
  let read;
  try {
    read = await loadReportFile({ bytes, source: file });
  } catch (error) {
    const coded = error instanceof DomainError ? error : unexpected(file, error);
    return failedFile(file, coded, safeSniff(bytes, file));
  }
  const { report, format, doubts } = read;
  const findings = checkReport(report);
  const errorRules: Record<string, number> = {};
  let errors = 0;
  for (const finding of findings) {
    if (finding.severity !== 'error') continue;
    errors += 1;
    errorRules[finding.rule] = (errorRules[finding.rule] ?? 0) + 1;
  }
  return {
    outcome: {
      file,
      format,
      agency: report.agency,
      year: report.year,
      template: report.template,
      errors,
      warnings: findings.length - errors,
      errorRules,
      failure: null,
    },
    line: JSON.stringify({ file, format, report, findings, doubts }),
  };
}

/**
 * Reads one file from disk (refusing files over `maxBytes` before reading them) and inspects it. The reading is
 * synchronous on purpose: this runs in a worker thread of its own, where blocking costs nothing, while four
 * asynchronous calls per file would each wait for a turn on libuv's small shared thread pool.
 */
export async function inspectReportFile(path: string, file: string, maxBytes: number): Promise<ScannedFile> {
  let bytes: Uint8Array;
  try {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (size > maxBytes) return failedFile(file, tooLarge(file, size, maxBytes));
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    return failedFile(file, fileSystemError(file, error));
  }
  // A file that grew between stat and read is still held to the limit.
  if (bytes.byteLength > maxBytes) return failedFile(file, tooLarge(file, bytes.byteLength, maxBytes));
  return inspectReportBytes(bytes, file);
}

function safeSniff(bytes: Uint8Array, file: string): ReportFormat | null {
  try {
    return sniffFormat(bytes, file);
  } catch {
    return null;
  }
}

function unexpected(file: string, error: unknown): DomainError {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new DomainError(
    'REPORT_READER_FAILED',
    `检查 ${file} 时出错：${detail}`,
    `Checking ${file} failed: ${detail}`,
  );
}

function tooLarge(file: string, size: number, maxBytes: number): DomainError {
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  return new DomainError(
    'REPORT_TOO_LARGE',
    `${file} 过大（${mb(size)} MB），超过 ${mb(maxBytes)} MB 的上限`,
    `${file} is too large (${mb(size)} MB; the limit is ${mb(maxBytes)} MB)`,
  );
}

/** A file that vanished or may not be read during the scan. */
export function fileSystemError(file: string, error: unknown): DomainError {
  const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') {
    return new DomainError('REPORT_NOT_FOUND', `找不到文件：${file}`, `File not found: ${file}`);
  }
  return new DomainError('REPORT_UNREADABLE', `无法读取 ${file}（${code}）`, `Cannot read ${file} (${code})`);
}
