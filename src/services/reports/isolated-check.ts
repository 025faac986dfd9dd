/**
 * Use case: read and check one report file in a worker thread, under a time limit, for the web checker. The
 * readers (pdf.js, HTML, DOCX, text) never run on the server's own thread, so a hostile upload that makes one
 * spin or swell costs only its worker (terminated and replaced) and its own request (REPORT_TIMEOUT or
 * REPORT_READER_FAILED), while the server goes on answering everyone else. The bytes are transferred to the
 * worker in memory; nothing is written to disk.
 *
 * The pool (the bulk scan's `ScanPool`) is started on first use, stays up between requests (a worker loads the
 * readers, pdf.js among them, once) and is closed with the server.
 */
import { DomainError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import type { CheckedReportFile, ReportFile } from './check-report.js';
import {
  defaultZipLimits,
  expandReportFilesWith,
  type UploadedFile,
  type ZipLimits,
} from './expand-report-files.js';
import { ScanPool } from '../scan/pool.js';

export interface IsolatedCheckOptions {
  /** Worker threads (default 1). */
  workers?: number;
  /** The time one file may take once its worker has it (default 20 s). */
  timeoutMs?: number;
  /** The heap one worker may use (default 512 MB, at least 64 MB). */
  workerMemoryMb?: number;
  /** The environment of the worker threads (default: this process's). */
  env?: Record<string, string | undefined>;
  /**
   * Checks that may wait for a worker beyond those running (default `limits.checkWaitingPerWorker` per worker).
   * One more is refused at once with REPORT_CHECKER_BUSY, so a burst of uploads cannot pile up in memory.
   */
  maxWaiting?: number;
}

export const ISOLATED_CHECK_DEFAULTS = { workers: 1, timeoutMs: 20_000, workerMemoryMb: 512 } as const;
const MIN_WORKER_MEMORY_MB = 64;

/** Checks report files in worker threads; `close` ends them (the server calls it when it shuts down). */
export class IsolatedChecker {
  private pool: ScanPool | null = null;
  private closed = false;
  private readonly workers: number;
  private readonly timeoutMs: number;
  private readonly workerMemoryMb: number;
  private readonly maxWaiting: number;
  /** Checks running or waiting for a worker now. */
  private inFlight = 0;

  constructor(private readonly options: IsolatedCheckOptions = {}) {
    this.workers = Math.max(1, Math.floor(options.workers ?? ISOLATED_CHECK_DEFAULTS.workers));
    this.timeoutMs = Math.max(1, options.timeoutMs ?? ISOLATED_CHECK_DEFAULTS.timeoutMs);
    this.workerMemoryMb = Math.max(
      MIN_WORKER_MEMORY_MB,
      options.workerMemoryMb ?? ISOLATED_CHECK_DEFAULTS.workerMemoryMb,
    );
    this.maxWaiting = Math.max(
      0,
      Math.floor(options.maxWaiting ?? limits.checkWaitingPerWorker * this.workers),
    );
  }

  /** Checks running or waiting for a worker now (for the tests and the health of the server). */
  get pending(): number {
    return this.inFlight;
  }

  /** Worker threads running now (0 before the first check and after `close`). */
  get running(): number {
    return this.pool?.workers ?? 0;
  }

  /**
   * Reads and checks one report file, as `readAndCheckReport` does; throws a coded error when it cannot be read
   * as a report, REPORT_TIMEOUT when reading it takes too long, REPORT_CHECKER_BUSY when too many checks already
   * wait for a worker, and REPORT_CHECKER_UNAVAILABLE when no worker can run (the pool cannot start, or the server
   * is shutting down).
   */
  async check(input: ReportFile): Promise<CheckedReportFile> {
    if (this.inFlight >= this.workers + this.maxWaiting) throw busy();
    this.inFlight += 1;
    try {
      return await this.checkInWorker(input);
    } finally {
      this.inFlight -= 1;
    }
  }

  /**
   * Expands the zip archives of a batch upload into their files, each archive in a worker thread under the zip
   * limits (entries and bytes once decompressed, for all archives together) and the per-file time limit, so a
   * zip bomb is refused without holding up the server. Other files pass through. Throws the coded refusal
   * (UPLOAD_TOO_LARGE, UPLOAD_INVALID), REPORT_TIMEOUT, REPORT_CHECKER_BUSY or REPORT_CHECKER_UNAVAILABLE.
   */
  async expand(
    files: readonly UploadedFile[],
    zipLimits: ZipLimits = defaultZipLimits,
  ): Promise<UploadedFile[]> {
    return expandReportFilesWith(files, (archive, left) => this.expandArchive(archive, left), zipLimits);
  }

  private async expandArchive(archive: UploadedFile, left: ZipLimits): Promise<UploadedFile[]> {
    if (this.inFlight >= this.workers + this.maxWaiting) throw busy();
    this.inFlight += 1;
    try {
      const answer = await this.inWorker((pool) =>
        pool.expand({ bytes: new Uint8Array(archive.bytes), file: archive.name, expand: left }),
      );
      if ('failure' in answer) {
        throw answer.failure.code === 'REPORT_TIMEOUT' ? this.timedOut(archive.name) : answer.failure;
      }
      if ('error' in answer) {
        throw new DomainError(answer.error.code, answer.error.messageZh, answer.error.messageEn);
      }
      return answer.files;
    } finally {
      this.inFlight -= 1;
    }
  }

  /** Runs one job on the pool (started on first use); a pool that cannot start is dropped for the next request. */
  private async inWorker<T>(job: (pool: ScanPool) => Promise<T>): Promise<T> {
    const pool = this.start();
    try {
      return await job(pool);
    } catch (error) {
      // The workers cannot start (or the pool was closed): the next request tries a fresh pool.
      if (this.pool === pool && !this.closed) {
        this.pool = null;
        void pool.close();
      }
      throw unavailable(error);
    }
  }

  private async checkInWorker(input: ReportFile): Promise<CheckedReportFile> {
    // A copy of our own to transfer: the caller keeps its bytes, and a Node Buffer's memory may be a shared slab.
    const bytes = new Uint8Array(input.bytes);
    const answer = await this.inWorker((pool) => pool.check({ bytes, file: input.source }));
    if ('failure' in answer) {
      throw answer.failure.code === 'REPORT_TIMEOUT' ? this.timedOut(input.source) : answer.failure;
    }
    if ('error' in answer) {
      throw new DomainError(answer.error.code, answer.error.messageZh, answer.error.messageEn);
    }
    return answer;
  }

  /** Terminates the workers; checks still running end with REPORT_CHECKER_UNAVAILABLE. */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.pool;
    this.pool = null;
    await pool?.close();
  }

  private start(): ScanPool {
    if (this.closed) throw unavailable(new Error('the server is shutting down'));
    this.pool ??= new ScanPool({
      size: this.workers,
      timeoutMs: this.timeoutMs,
      settings: { maxFileBytes: limits.reportUploadMaxBytes + limits.reportTextMaxBytes, preloadPdf: true },
      env: this.options.env,
      maxOldGenerationSizeMb: this.workerMemoryMb,
    });
    return this.pool;
  }

  private timedOut(source: string): DomainError {
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    return new DomainError(
      'REPORT_TIMEOUT',
      `读取“${source}”超过 ${seconds} 秒的时限，已中止。文件可能已损坏或结构异常；可换用其他格式（如 DOCX 或复制的文字）再试。`,
      `Reading “${source}” took longer than the ${seconds} s limit and was stopped. The file may be damaged or unusually built; try another format (such as DOCX, or the copied text).`,
    );
  }
}

function unavailable(error: unknown): DomainError {
  const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  return new DomainError(
    'REPORT_CHECKER_UNAVAILABLE',
    '报告检查暂时无法使用，请稍后再试。',
    'The report checker is unavailable right now; please try again later.',
    { cause: detail },
  );
}

function busy(): DomainError {
  return new DomainError(
    'REPORT_CHECKER_BUSY',
    '报告检查正忙，排队的文件已满，请稍后再试。',
    'The report checker is busy (its queue is full); please try again in a moment.',
  );
}
