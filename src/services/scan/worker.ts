/**
 * The entry of a scan worker thread: receives one file at a time, reads and checks it, and posts back its
 * JSON line and outcome (a file on disk, for the scan) or the checked report (bytes in memory, for the web
 * checker). The pool in `pool.ts` times each file and terminates a worker that overruns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../core/errors.js';
import { loadPdfJs } from '../../readers/pdf/pdfjs.js';
import { readAndCheckReport, readerFailed } from '../reports/check-report.js';
import { unzipReports } from '../reports/expand-report-files.js';
import { inspectReportFile } from './inspect-file.js';
import type {
  CheckAnswer,
  ExpandAnswer,
  ExpandJob,
  WorkerReply,
  WorkerSettings,
  WorkerTask,
} from './protocol.js';

const settings = workerData as WorkerSettings;
const port = parentPort;
if (port === null) throw new Error('scan worker must run in a worker thread');

// Test seam: a file whose path (or upload name) contains this text blocks its worker, as a reader stuck on a
// hostile file would, so the tests can exercise the real time limit and replacement. Unset outside tests.
const stallOn = process.env.GONGKAI_SCAN_TEST_STALL || null;

// One file at a time, in the order received: the pool times each file from the end of the one before it.
let chain = Promise.resolve();
port.on('message', (task: WorkerTask) => {
  chain = chain.then(() => handle(task));
});

async function handle(task: WorkerTask): Promise<void> {
  if (stallOn !== null && task.file.includes(stallOn)) for (;;);
  let reply: WorkerReply;
  if ('expand' in task) {
    const expanded = expandBytes(task);
    const transfer = 'files' in expanded ? expanded.files.map((f) => f.bytes.buffer as ArrayBuffer) : [];
    port!.postMessage({ id: task.id, expanded } satisfies WorkerReply, transfer);
    return;
  }
  if ('bytes' in task) {
    reply = { id: task.id, check: await checkBytes(task.bytes, task.file) };
  } else {
    reply = { id: task.id, ...(await inspectReportFile(task.path, task.file, settings.maxFileBytes)) };
  }
  port!.postMessage(reply);
}

/** Expands a zip archive under its limits; a refusal (bomb, broken archive) comes back as a coded error. */
function expandBytes(task: ExpandJob): ExpandAnswer {
  try {
    const files = unzipReports({ name: task.file, bytes: task.bytes }, task.expand);
    // Each file's bytes own their buffer (the unzip concatenates into a fresh one), so they can be transferred.
    return { files: files.map((f) => ({ name: f.name, bytes: f.bytes })) };
  } catch (error) {
    const coded =
      error instanceof DomainError
        ? error
        : new DomainError(
            'UPLOAD_INVALID',
            `压缩包 ${task.file} 无法解压`,
            `${task.file} cannot be decompressed`,
          );
    return { error: { code: coded.code, messageZh: coded.messageZh, messageEn: coded.messageEn } };
  }
}

/** Reads and checks bytes in memory; anything the file holds comes back as a coded error, never a throw. */
async function checkBytes(bytes: Uint8Array, file: string): Promise<CheckAnswer> {
  try {
    if (bytes.byteLength > settings.maxFileBytes) {
      throw new DomainError(
        'REPORT_TOO_LARGE',
        `${file} 过大，超过上限`,
        `${file} is too large (over the limit)`,
      );
    }
    return await readAndCheckReport({ bytes, source: file });
  } catch (error) {
    const coded = error instanceof DomainError ? error : readerFailed(file, error);
    return { error: { code: coded.code, messageZh: coded.messageZh, messageEn: coded.messageEn } };
  }
}

if (settings.preloadPdf) await loadPdfJs();
port.postMessage({ ready: true } satisfies WorkerReply);
