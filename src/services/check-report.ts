/** Use case: check a report file (and optionally the previous year's) and return its findings. */
import { checkReport } from '../core/report/check.js';
import type { Finding } from '../core/report/findings.js';
import type { AnnualReport } from '../core/report/model.js';
import { readReport } from '../readers/index.js';
import type { ReadResult } from '../readers/types.js';

export interface ReportFile {
  bytes: Uint8Array;
  /** The name shown in messages (a path, or 标准输入 for standard input). */
  source: string;
}

export interface CheckedReport {
  report: AnnualReport;
  findings: Finding[];
}

/** Reads a report file in any supported form; throws a coded error when it cannot be read as a report. */
export function loadReportFile(input: ReportFile): Promise<ReadResult> {
  return readReport(input.bytes, input.source);
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
