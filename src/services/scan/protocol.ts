/** Messages between the scan pool and its worker threads. */
import type { ErrorCode } from '../../core/errors.js';
import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport } from '../../core/report/model.js';
import type { ReadResult } from '../../readers/types.js';
import type { FileOutcome } from './inspect-file.js';

/** Fixed for the life of a worker (its `workerData`). */
export interface WorkerSettings {
  maxFileBytes: number;
  /**
   * Load pdf.js before answering `ready`, so the first PDF's time limit does not pay for it (the web checker's
   * long-lived workers); a scan leaves it to the first PDF, if any.
   */
  preloadPdf?: boolean;
}

/** A file on disk for the scan: `path` to open, `file` as it is named in the results. */
export interface PathJob {
  path: string;
  file: string;
}

/**
 * A file held in memory (a web upload): its bytes, transferred to the worker (never written anywhere), and
 * `file` as it is named in messages. The worker answers with what the checker page needs.
 */
export interface BytesJob {
  bytes: Uint8Array;
  file: string;
}

/**
 * A zip archive of a batch upload, held in memory and transferred like a BytesJob, to be expanded under `expand`
 * (entries and bytes once decompressed) in the worker, so a zip bomb costs a worker, never the server's thread.
 */
export interface ExpandJob extends BytesJob {
  expand: { maxEntries: number; maxUncompressedBytes: number };
}

export type WorkerJob = PathJob | BytesJob | ExpandJob;

/** One file to read. */
export type WorkerTask = WorkerJob & { id: number };

/** A coded error, as it crosses the thread boundary (a DomainError loses its class in a structured clone). */
export interface CodedError {
  code: ErrorCode;
  messageZh: string;
  messageEn: string;
}

/** The answer to a BytesJob: the report read and checked, or why it could not be read. */
export type CheckAnswer =
  | {
      report: AnnualReport;
      findings: Finding[];
      format: ReadResult['format'];
      doubts: ReadResult['doubts'];
    }
  | { error: CodedError };

/** The answer to an ExpandJob: the files inside (their bytes transferred back), or why it was refused. */
export type ExpandAnswer = { files: { name: string; bytes: Uint8Array }[] } | { error: CodedError };

/** The reply to one task: a scan line for a PathJob, a check answer for a BytesJob, files for an ExpandJob. */
export type TaskReply =
  | { id: number; outcome: FileOutcome; line: string }
  | { id: number; check: CheckAnswer }
  | { id: number; expanded: ExpandAnswer };

/** `ready` once the worker has loaded its code; then one reply per task. */
export type WorkerReply = { ready: true } | TaskReply;
