/**
 * Use case: read and check every report file under a folder, in worker threads, writing one JSON line per file
 * (and optionally a CSV row), and return a summary. Memory stays flat whatever the folder's size: the folder is
 * walked as a stream, at most `jobs × 8` files are in flight, and lines are written in walk order with
 * backpressure. Results go to `<out>.partial` and are renamed to `<out>` only when the scan completes, so an
 * interrupted scan never leaves a file that looks complete.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DomainError } from '../../core/errors.js';
import { CSV_BOM, CSV_HEADER, csvRow } from './csv.js';
import { failedFile, fileSystemError, type FileOutcome, type ScannedFile } from './inspect-file.js';
import { ScanPool } from './pool.js';
import { countFiles, walkFiles } from './walk.js';

export interface ScanOptions {
  /** The folder to scan (recursively). */
  dir: string;
  /** Where the JSON Lines go. */
  out: string;
  /** Where the CSV summary goes, if wanted. */
  csv?: string;
  /** Worker threads (default: every core). */
  jobs?: number;
  /** The time one file may take (default 30 s). */
  timeoutMs?: number;
  /** Files larger than this fail with REPORT_TOO_LARGE unread (default 64 MB). */
  maxFileBytes?: number;
  /** The heap one worker may use (default 1 GB, at least 64 MB); a file that needs more fails alone. */
  workerMemoryMb?: number;
  /** The environment of the worker threads. */
  env?: Record<string, string | undefined>;
  /** Stops the scan: no new files start, running ones are abandoned, and the output stays `.partial`. */
  signal?: AbortSignal;
  /** Called after each file's line is written. */
  onProgress?: (progress: ScanProgress) => void;
}

export interface ScanProgress {
  done: number;
  /** Files found by the counting walk; null until it has finished. */
  total: number | null;
  failed: number;
  elapsedMs: number;
}

export interface ScanSummary {
  /** Files scanned (read or failed). */
  files: number;
  read: number;
  failed: number;
  /** Files read whose check found at least one error. */
  withErrors: number;
  /** Error findings by rule: how many findings, in how many reports. */
  errorsByRule: Record<string, { findings: number; reports: number }>;
  /** Failed files by error code. */
  failuresByCode: Record<string, number>;
  /** Worker threads replaced after a timeout or a crash. */
  workersReplaced: number;
  elapsedMs: number;
  interrupted: boolean;
  /** Where the results are (`<out>`, or `<out>.partial` when interrupted). */
  out: string;
  csv: string | null;
}

const DEFAULTS = { timeoutMs: 30_000, maxFileBytes: 64 * 1_048_576, workerMemoryMb: 1024 };
const MIN_WORKER_MEMORY_MB = 64;
/** How much output may wait to be written before the scan waits for the disk (the streams' buffer). */
const OUTPUT_BUFFER_BYTES = 1_048_576;
/** Files in flight per worker: enough to keep every worker busy while lines wait for their turn. */
const WINDOW_PER_JOB = 8;

/** Scans a folder; throws a DomainError when the folder cannot be scanned at all. */
export async function scanReports(options: ScanOptions): Promise<ScanSummary> {
  const started = performance.now();
  const jobs = Math.max(1, Math.floor(options.jobs ?? availableParallelism()));
  await requireDirectory(options.dir);
  const outPath = resolve(options.out);
  const csvPath = options.csv === undefined ? null : resolve(options.csv);
  await requireFileTarget(outPath);
  if (csvPath) await requireFileTarget(csvPath);
  const written = new Set([outPath, `${outPath}.partial`]);
  if (csvPath) written.add(csvPath).add(`${csvPath}.partial`);
  const skip = (path: string) => written.has(resolve(path));

  const out = await openPartial(outPath);
  const csv = csvPath ? await openPartial(csvPath) : null;
  if (csv) await write(csv, CSV_BOM + CSV_HEADER);

  const summary = emptySummary(outPath, csvPath);
  let total: number | null = null;
  // The count for the ETA walks the folder a second time, holding only a number; it stops with the scan.
  const counting = new AbortController();
  countFiles(options.dir, skip, counting.signal).then(
    (count) => (total = count),
    () => undefined,
  );

  const pool = new ScanPool({
    size: jobs,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    settings: { maxFileBytes: options.maxFileBytes ?? DEFAULTS.maxFileBytes },
    env: options.env,
    // Below some tens of megabytes V8 may abort the whole process instead of stopping the one worker.
    maxOldGenerationSizeMb: Math.max(MIN_WORKER_MEMORY_MB, options.workerMemoryMb ?? DEFAULTS.workerMemoryMb),
  });
  const aborted = () => options.signal?.aborted === true;
  const inFlight: Promise<ScannedFile>[] = [];

  const emit = async (scanned: ScannedFile) => {
    await write(out, `${scanned.line}\n`);
    if (csv) await write(csv, csvRow(scanned.outcome));
    tally(summary, scanned.outcome);
    options.onProgress?.({
      done: summary.files,
      total,
      failed: summary.failed,
      elapsedMs: performance.now() - started,
    });
  };
  const emitOldest = async () => {
    const next = inFlight.shift()!;
    const scanned = await next;
    if (!aborted()) await emit(scanned);
  };

  try {
    for await (const entry of walkFiles(options.dir, skip)) {
      if (aborted()) break;
      const scanning = entry.error
        ? Promise.resolve(failedFile(entry.file, fileSystemError(entry.file, entry.error)))
        : pool.scan(entry.path, entry.file);
      scanning.catch(() => undefined); // awaited in order below; a rejection must not go unhandled meanwhile
      inFlight.push(scanning);
      while (inFlight.length >= jobs * WINDOW_PER_JOB && !aborted()) await emitOldest();
    }
    while (inFlight.length > 0 && !aborted()) await emitOldest();
  } catch (error) {
    if (!aborted()) throw error;
  } finally {
    counting.abort();
    await pool.close();
    summary.workersReplaced = pool.replaced;
    await Promise.all([finish(out), csv ? finish(csv) : undefined]);
  }

  summary.interrupted = aborted();
  summary.elapsedMs = performance.now() - started;
  if (summary.interrupted) {
    summary.out = `${outPath}.partial`;
    summary.csv = csvPath && `${csvPath}.partial`;
  } else {
    await rename(`${outPath}.partial`, outPath);
    if (csvPath) await rename(`${csvPath}.partial`, csvPath);
  }
  return summary;
}

async function requireDirectory(dir: string): Promise<void> {
  let isDirectory = false;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch {
    throw new DomainError('REPORT_NOT_FOUND', `找不到目录：${dir}`, `Folder not found: ${dir}`);
  }
  if (!isDirectory) {
    throw new DomainError('REPORT_NOT_FOUND', `不是目录：${dir}`, `Not a folder: ${dir}`);
  }
}

/** The results must go to a file: refuse a folder before scanning, not when renaming at the end. */
async function requireFileTarget(path: string): Promise<void> {
  const existing = await stat(path).catch(() => null);
  if (existing?.isDirectory()) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `输出路径是目录，不是文件：${path}`,
      `The output path is a folder, not a file: ${path}`,
    );
  }
}

async function openPartial(path: string): Promise<WriteStream> {
  await mkdir(dirname(path), { recursive: true });
  // A buffer of 1 MiB: a file's line is often larger than the default 16 KiB, which made every line wait for the
  // write before it (one write in flight at a time); with room for dozens of lines the writes overlap the work.
  const stream = createWriteStream(`${path}.partial`, { flags: 'w', highWaterMark: OUTPUT_BUFFER_BYTES });
  await once(stream, 'open');
  return stream;
}

/** Writes with backpressure: waits for the stream to drain when its buffer is full. */
async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function finish(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  stream.end();
  await once(stream, 'close');
}

function emptySummary(out: string, csv: string | null): ScanSummary {
  return {
    files: 0,
    read: 0,
    failed: 0,
    withErrors: 0,
    errorsByRule: {},
    failuresByCode: {},
    workersReplaced: 0,
    elapsedMs: 0,
    interrupted: false,
    out,
    csv,
  };
}

function tally(summary: ScanSummary, outcome: FileOutcome): void {
  summary.files += 1;
  if (outcome.failure) {
    summary.failed += 1;
    const code = outcome.failure.code;
    summary.failuresByCode[code] = (summary.failuresByCode[code] ?? 0) + 1;
    return;
  }
  summary.read += 1;
  if (outcome.errors > 0) summary.withErrors += 1;
  for (const [rule, findings] of Object.entries(outcome.errorRules)) {
    const entry = (summary.errorsByRule[rule] ??= { findings: 0, reports: 0 });
    entry.findings += findings;
    entry.reports += 1;
  }
}
