/**
 * The entry of a scan worker thread: receives one file at a time, reads and checks it, and posts back its
 * JSON line and outcome. The pool in `pool.ts` times each file and terminates a worker that overruns.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { inspectReportFile } from './inspect-file.js';
import type { WorkerReply, WorkerSettings, WorkerTask } from './protocol.js';

const settings = workerData as WorkerSettings;
const port = parentPort;
if (port === null) throw new Error('scan worker must run in a worker thread');

// Test seam: a file whose path contains this text blocks its worker, as a reader stuck on a hostile file
// would, so the tests can exercise the real time limit and replacement. Unset outside tests.
const stallOn = process.env.GONGKAI_SCAN_TEST_STALL || null;

// One file at a time, in the order received: the pool times each file from the end of the one before it.
let chain = Promise.resolve();
port.on('message', (task: WorkerTask) => {
  chain = chain.then(() => handle(task));
});

async function handle(task: WorkerTask): Promise<void> {
  if (stallOn !== null && task.file.includes(stallOn)) for (;;);
  const scanned = await inspectReportFile(task.path, task.file, settings.maxFileBytes);
  const reply: WorkerReply = { id: task.id, ...scanned };
  port!.postMessage(reply);
}

port.postMessage({ ready: true } satisfies WorkerReply);
