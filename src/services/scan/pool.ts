/**
 * A pool of worker threads that read and check one file each at a time, under a per-file time limit. A worker
 * that overruns the limit is terminated and replaced, and its file gets REPORT_TIMEOUT; a worker that dies
 * (out of memory, a crash in native code) is replaced too, and its file gets REPORT_READER_FAILED.
 *
 * The bulk scan sends paths (`scan`); the web checker sends bytes held in memory (`check`), transferred to the
 * worker rather than copied or written anywhere.
 */
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../core/errors.js';
import { failedFile, type ScannedFile } from './inspect-file.js';
import type {
  BytesJob,
  CheckAnswer,
  ExpandAnswer,
  ExpandJob,
  TaskReply,
  WorkerJob,
  WorkerReply,
  WorkerSettings,
  WorkerTask,
} from './protocol.js';
import { scanWorkerUrl } from './worker-entry.js';

export interface PoolOptions {
  /** How many worker threads. */
  size: number;
  /** The time one file may take, from the moment its worker receives it. */
  timeoutMs: number;
  settings: WorkerSettings;
  /** The environment of the worker threads (default: this process's). */
  env?: Record<string, string | undefined>;
  /** The heap one worker may use; a file that needs more fails alone. */
  maxOldGenerationSizeMb: number;
}

/** What a task ends with: the worker's reply, or the coded error of a file whose worker timed out or died. */
type TaskResult = TaskReply | { id: number; failure: DomainError };

interface Task {
  id: number;
  job: WorkerJob;
  resolve: (result: TaskResult) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Files sent to this worker, in order; the first is the one it is reading. */
  tasks: Task[];
  timer: NodeJS.Timeout | null;
  /** Set once the pool has given up on this worker (timed out, crashed or closed). */
  retired: boolean;
}

/**
 * Files sent to a worker ahead of time, so it never waits for the main thread between files. The worker reads
 * them one after the other; the time limit of each runs from the end of the one before. Bytes are never sent
 * ahead: they are transferred, so a file sent to a worker that is then terminated could not be sent again.
 */
const DEPTH = 2;

/** Workers that fail before they are ready, beyond this many, mean the worker code cannot start at all. */
const MAX_START_FAILURES = 3;

/** A pool of scan workers; `scan` resolves with every file's outcome and rejects only if workers cannot start. */
export class ScanPool {
  private readonly queue: Task[] = [];
  private readonly slots = new Set<Slot>();
  private readonly url = scanWorkerUrl();
  private nextId = 0;
  private startFailures = 0;
  private fatal: Error | null = null;
  private closed = false;
  /** Workers replaced after a timeout or crash (for the summary and the tests). */
  replaced = 0;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < options.size; i += 1) this.spawn();
  }

  /** Reads and checks one file on disk in a worker. */
  async scan(path: string, file: string): Promise<ScannedFile> {
    const result = await this.run({ path, file });
    if ('failure' in result) return failedFile(file, result.failure);
    if ('outcome' in result) return { outcome: result.outcome, line: result.line };
    throw new Error('scan worker answered a path with a check');
  }

  /**
   * Reads and checks bytes held in memory in a worker. `job.bytes` is transferred: its buffer is unusable here
   * afterwards, so pass a copy of your own (and not a Node Buffer, whose memory may be a shared slab). Resolves
   * with the worker's answer, or with a coded error when the worker timed out or died.
   */
  async check(job: BytesJob): Promise<CheckAnswer | { failure: DomainError }> {
    const result = await this.run(job);
    if ('failure' in result) return { failure: result.failure };
    if ('check' in result) return result.check;
    throw new Error('scan worker answered bytes with a scan line');
  }

  /**
   * Expands a zip archive held in memory in a worker, under the job's limits and the pool's time limit.
   * `job.bytes` is transferred, as for `check`. Resolves with the files inside (or the coded refusal), or with a
   * coded error when the worker timed out or died.
   */
  async expand(job: ExpandJob): Promise<ExpandAnswer | { failure: DomainError }> {
    const result = await this.run(job);
    if ('failure' in result) return { failure: result.failure };
    if ('expanded' in result) return result.expanded;
    throw new Error('scan worker answered an archive with something else');
  }

  /** Workers running now (for the tests and for a clean shutdown). */
  get workers(): number {
    return this.slots.size;
  }

  private run(job: WorkerJob): Promise<TaskResult> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('scan pool closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: (this.nextId += 1), job, resolve, reject });
      this.dispatch();
    });
  }

  /** Terminates every worker; files still queued or running are rejected with `reason`. */
  async close(reason: Error = new Error('scan pool closed')): Promise<void> {
    this.closed = true;
    const slots = [...this.slots];
    this.slots.clear();
    for (const task of this.queue.splice(0)) task.reject(reason);
    for (const slot of slots) for (const task of slot.tasks) task.reject(reason);
    await Promise.all(slots.map((slot) => this.retire(slot)));
  }

  private spawn(): void {
    const worker = new Worker(this.url, {
      workerData: this.options.settings,
      env: this.options.env ?? process.env,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb },
      // What readers print (pdf.js warnings, say) would garble the progress bar and stdout: it is dropped.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, ready: false, tasks: [], timer: null, retired: false };
    this.slots.add(slot);
    worker.on('message', (reply: WorkerReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onDeath(slot, error));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`worker exited with code ${code}`)));
  }

  private onReply(slot: Slot, reply: WorkerReply): void {
    if (slot.retired) return;
    if ('ready' in reply) {
      slot.ready = true;
      this.startFailures = 0;
    } else if (slot.tasks[0]?.id === reply.id) {
      const task = slot.tasks.shift()!;
      this.startClock(slot);
      task.resolve(reply);
    }
    this.dispatch();
  }

  private onDeath(slot: Slot, error: Error): void {
    if (slot.retired) return;
    const [task, ...waiting] = slot.tasks;
    this.queue.unshift(...waiting);
    void this.retire(slot);
    this.slots.delete(slot);
    if (this.closed) return;
    if (!slot.ready) {
      this.startFailures += 1;
      if (this.startFailures > MAX_START_FAILURES) return this.fail(error);
    }
    if (task) task.resolve({ id: task.id, failure: crashed(task.job.file, error) });
    this.replace();
  }

  private onTimeout(slot: Slot): void {
    const [task, ...waiting] = slot.tasks;
    if (slot.retired || !task) return;
    // The files sent after the stuck one were never started: they go back to the front of the queue.
    this.queue.unshift(...waiting);
    void this.retire(slot);
    this.slots.delete(slot);
    task.resolve({ id: task.id, failure: timedOut(task.job.file, this.options.timeoutMs) });
    this.replace();
  }

  private replace(): void {
    this.replaced += 1;
    this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    // Fill every idle worker first, then give each a file ahead.
    for (let depth = 1; depth <= DEPTH; depth += 1) {
      for (const slot of this.slots) {
        const next = this.queue[0];
        if (next === undefined) return;
        if (depth > 1 && 'bytes' in next.job) return;
        if (!slot.ready || slot.retired || slot.tasks.length >= depth) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startClock(slot);
        const message: WorkerTask = { ...task.job, id: task.id };
        const transfer = 'bytes' in task.job ? [task.job.bytes.buffer as ArrayBuffer] : [];
        slot.worker.postMessage(message, transfer);
      }
    }
  }

  /** Times the file the worker is reading now (the first of its tasks), if any. */
  private startClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer =
      slot.tasks.length > 0 ? setTimeout(() => this.onTimeout(slot), this.options.timeoutMs) : null;
  }

  private async retire(slot: Slot): Promise<void> {
    slot.retired = true;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.tasks = [];
    await slot.worker.terminate();
  }

  private fail(error: Error): void {
    this.fatal = new Error(`扫描工作线程无法启动 / scan workers cannot start: ${error.message}`);
    void this.close(this.fatal);
  }
}

function timedOut(file: string, timeoutMs: number): DomainError {
  const seconds = timeoutMs / 1000;
  return new DomainError(
    'REPORT_TIMEOUT',
    `读取 ${file} 超过 ${seconds} 秒的时限，已中止`,
    `Reading ${file} took longer than the ${seconds} s limit and was stopped`,
  );
}

function crashed(file: string, error: Error): DomainError {
  const outOfMemory = (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
  const detail = outOfMemory ? 'out of memory' : error.message.split('\n')[0];
  return new DomainError(
    'REPORT_READER_FAILED',
    `读取 ${file} 时工作线程终止（${outOfMemory ? '内存不足' : detail}）`,
    `The worker reading ${file} stopped (${detail})`,
  );
}
