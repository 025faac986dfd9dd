/**
 * Reads a published report in any supported form into the contract. Each format's reader registers here;
 * a format without a reader yet is refused with a clear message, never guessed.
 */
import { DomainError } from '../core/errors.js';
import { readDocx } from './docx/index.js';
import { readHtml } from './html/index.js';
import { readJson } from './json.js';
import { readPdf } from './pdf/index.js';
import { sniffFormat } from './sniff.js';
import { readText } from './text/index.js';
import type { ReadResult, ReportFormat, ReportReader } from './types.js';

const readers: Partial<Record<ReportFormat, ReportReader>> = {
  json: readJson,
  text: readText,
  html: readHtml,
  docx: readDocx,
  pdf: readPdf,
};

const FORMAT_NAMES: Record<ReportFormat, string> = {
  json: 'JSON',
  text: '文本 / text',
  html: 'HTML',
  docx: 'DOCX',
  pdf: 'PDF',
};

/** Reads one file; throws a DomainError (REPORT_*) when it cannot be read as a report. */
export async function readReport(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const format = sniffFormat(bytes, name);
  if (format === null) {
    throw new DomainError(
      'REPORT_FORMAT_UNSUPPORTED',
      `${name} 不是可识别的年度报告文件（支持 JSON、文本、HTML、DOCX、PDF）`,
      `${name} is not a recognised report file (JSON, text, HTML, DOCX or PDF)`,
    );
  }
  const reader = readers[format];
  if (reader === undefined) {
    throw new DomainError(
      'REPORT_FORMAT_UNSUPPORTED',
      `暂不支持读取 ${FORMAT_NAMES[format]} 格式的报告：${name}`,
      `Reading ${FORMAT_NAMES[format]} reports is not supported yet: ${name}`,
    );
  }
  // A Node Buffer is a Uint8Array whose slice() shares memory and which pdf.js refuses: every reader gets a
  // plain Uint8Array of its own, so none can alter the caller's bytes (or a pooled Buffer's neighbours).
  return reader(bytes.constructor === Uint8Array ? bytes : new Uint8Array(bytes), name);
}
