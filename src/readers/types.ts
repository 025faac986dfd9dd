/** What every reader returns, and the formats it can tell apart. */
import type { AnnualReport, ReaderDoubt } from '../core/report/model.js';

/** The forms a published report arrives in. */
export type ReportFormat = 'json' | 'text' | 'html' | 'docx' | 'pdf';

/** A report read from a file: the contract (with `provenance` and `doubts` filled where known), and its format. */
export interface ReadResult {
  report: AnnualReport;
  format: ReportFormat;
  /** What the reader was unsure of (also in `report.doubts`). */
  doubts: ReaderDoubt[];
}

/** A reader turns the bytes of one file into a report, or throws a DomainError saying why it cannot. */
export type ReportReader = (bytes: Uint8Array, name: string) => Promise<ReadResult>;
