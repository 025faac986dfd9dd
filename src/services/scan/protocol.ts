/** Messages between the scan pool and its worker threads. */
import type { FileOutcome } from './inspect-file.js';

/** Fixed for the life of a worker (its `workerData`). */
export interface WorkerSettings {
  maxFileBytes: number;
}

/** One file to read: `path` to open, `file` as it is named in the results. */
export interface WorkerTask {
  id: number;
  path: string;
  file: string;
}

/** `ready` once the worker has loaded its code; then one reply per task. */
export type WorkerReply = { ready: true } | { id: number; outcome: FileOutcome; line: string };
