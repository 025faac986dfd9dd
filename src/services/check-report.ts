/** Use case: check a report file (and optionally the previous year's) and return its findings. */
import { checkReport } from '../core/report/check.js';
import type { Finding } from '../core/report/findings.js';
import type { AnnualReport } from '../core/report/model.js';
import { loadReport } from './load-report.js';

export interface ReportFile {
  bytes: Uint8Array;
  /** The name shown in messages (a path, or 标准输入 for standard input). */
  source: string;
}

export interface CheckedReport {
  report: AnnualReport;
  findings: Finding[];
}

/** Reads and checks a report; throws a coded error only when a file cannot be read as a report. */
export function checkReportFile(input: ReportFile, previous?: ReportFile): CheckedReport {
  const report = loadReport(input.bytes, input.source);
  const previousReport = previous ? loadReport(previous.bytes, previous.source) : undefined;
  const findings = checkReport(report, previousReport ? { previous: previousReport } : {});
  return { report, findings };
}
