/** Use case: check a report file (and optionally the previous year's) and return its findings. */
import { DomainError } from '../../core/errors.js';
import { checkReport } from '../../core/report/check.js';
import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport } from '../../core/report/model.js';
import { readReport } from '../../readers/index.js';
import type { ReadResult } from '../../readers/types.js';

export interface ReportFile {
  bytes: Uint8Array;
  /** The name shown in messages (a path, or 标准输入 for standard input). */
  source: string;
}

export interface CheckedReport {
  report: AnnualReport;
  findings: Finding[];
}

/**
 * Reads a report file in any supported form; throws a coded error when it cannot be read as a report.
 * A reader that fails in an unforeseen way (a bug met on a hostile file, a stack overflow on deep nesting)
 * is reported as REPORT_READER_FAILED for that file, so one bad file never reads as a crash of the tool.
 */
export async function loadReportFile(input: ReportFile): Promise<ReadResult> {
  try {
    return await readReport(input.bytes, input.source);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw readerFailed(input.source, error);
  }
}

/** The coded error for a reader that failed in an unforeseen way on one file. */
export function readerFailed(source: string, error: unknown): DomainError {
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split('\n')[0];
  return new DomainError(
    'REPORT_READER_FAILED',
    `读取 ${source} 时读取器出错：${detail}`,
    `The reader failed on ${source}: ${detail}`,
  );
}

/** Reads and checks a report; throws a coded error only when a file cannot be read as a report. */
export async function checkReportFile(input: ReportFile, previous?: ReportFile): Promise<CheckedReport> {
  const { report } = await loadReportFile(input);
  const previousReport = previous ? (await loadReportFile(previous)).report : undefined;
  const findings = checkReport(report, previousReport ? { previous: previousReport } : {});
  return { report, findings };
}

/** A checked report with what the reader knew about it: its format and its doubts. */
export interface CheckedReportFile extends CheckedReport {
  format: ReadResult['format'];
  doubts: ReadResult['doubts'];
}

/** Reads and checks one report file, keeping the reader's format and doubts (for the web checker). */
export async function readAndCheckReport(input: ReportFile): Promise<CheckedReportFile> {
  const { report, format, doubts } = await loadReportFile(input);
  return { report, findings: checkReport(report), format, doubts };
}
