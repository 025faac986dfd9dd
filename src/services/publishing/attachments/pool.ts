/**
 * Attachment text extraction in worker threads, so a heavy or hostile file never blocks the server: each file
 * has a time limit (the worker is terminated and replaced when it is overrun) and a worker's heap is capped (a
 * file that needs more fails alone). The bytes are transferred to the worker, never written to disk. Start one
 * `AttachmentExtractor` per process (the server, the CLI import) and `close()` it at shutdown.
 */
import { Worker } from 'node:worker_threads';
import { DomainError, type ErrorCode } from '../../../core/errors.js';
import type { AttachmentLimits } from '../../../core/publishing/intake-limits.js';
import type { ExtractedText } from './extract.js';
import type { AttachmentKind } from './sniff.js';
import type { ExtractJob, ExtractReply } from './worker.js';
import { extractionWorkerUrl } from './worker-url.js';

export interface ExtractorOptions {
  /** Worker threads (default 1). */
  workers?: number;
  /** Heap of one worker (default 512 MB). */
  workerMemoryMb?: number;
  /** The workers' environment (default this process's). */
  env?: Record<string, string | undefined>;
}

interface Job {
  id: number;
  message: ExtractJob;
  timeoutMs: number;
  resolve: (text: ExtractedText) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  gone: boolean;
}

/** Workers that die before they are ready, in a row, beyond this many: the worker code cannot start. */
const MAX_START_FAILURES = 3;

export class AttachmentExtractor {
  private readonly url = extractionWorkerUrl();
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private startFailures = 0;
  private closed = false;
  private readonly size: number;

  constructor(private readonly options: ExtractorOptions = {}) {
    this.size = Math.max(1, Math.floor(options.workers ?? 1));
  }

  /** Workers running now. */
  get workers(): number {
    return this.slots.size;
  }

  /** The text of one attachment; `bytes` is copied before it is transferred, so the caller keeps its own. */
  extract(
    kind: AttachmentKind,
    bytes: Uint8Array,
    name: string,
    limits: AttachmentLimits,
  ): Promise<ExtractedText> {
    if (this.closed) return Promise.reject(unavailable('the extractor is closed'));
    return new Promise((resolve, reject) => {
      const id = (this.nextId += 1);
      const message: ExtractJob = { id, kind, bytes: new Uint8Array(bytes), name, limits };
      this.queue.push({ id, message, timeoutMs: limits.extractTimeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(unavailable('the extractor is closed'));
    const slots = [...this.slots];
    this.slots.clear();
    for (const slot of slots) {
      slot.gone = true;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job?.reject(unavailable('the extractor is closed'));
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.url, {
      env: this.options.env ?? process.env,
      resourceLimits: { maxOldGenerationSizeMb: Math.max(64, this.options.workerMemoryMb ?? 512) },
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const slot: Slot = { worker, ready: false, job: null, timer: null, gone: false };
    this.slots.add(slot);
    worker.on('message', (reply: ExtractReply) => this.onReply(slot, reply));
    worker.on('error', (error) => this.onDeath(slot, error));
    worker.on('exit', (code) => this.onDeath(slot, new Error(`worker exited with code ${code}`)));
    return slot;
  }

  private dispatch(): void {
    if (this.closed) return;
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.job || slot.gone) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(() => this.onTimeout(slot), job.timeoutMs);
      slot.worker.postMessage(job.message, [job.message.bytes.buffer as ArrayBuffer]);
    }
    const busy = [...this.slots].filter((slot) => !slot.ready || slot.job).length;
    if (this.queue.length > 0 && this.slots.size < this.size && busy >= this.slots.size) this.spawn();
  }

  private onReply(slot: Slot, reply: ExtractReply): void {
    if (slot.gone) return;
    if ('ready' in reply) {
      slot.ready = true;
      this.startFailures = 0;
    } else if (slot.job && slot.job.id === reply.id) {
      const job = slot.job;
      slot.job = null;
      if (slot.timer) clearTimeout(slot.timer);
      if ('result' in reply) job.resolve(reply.result);
      else
        job.reject(
          new DomainError(
            reply.error.code as ErrorCode,
            reply.error.messageZh,
            reply.error.messageEn,
            reply.error.details,
          ),
        );
    }
    this.dispatch();
  }

  private retire(slot: Slot): Job | null {
    slot.gone = true;
    if (slot.timer) clearTimeout(slot.timer);
    this.slots.delete(slot);
    void slot.worker.terminate();
    const job = slot.job;
    slot.job = null;
    return job;
  }

  private onTimeout(slot: Slot): void {
    if (slot.gone) return;
    const job = this.retire(slot);
    if (job) {
      const seconds = Math.round(job.timeoutMs / 100) / 10;
      job.reject(
        new DomainError(
          'ATTACHMENT_TIMEOUT',
          `读取附件“${job.message.name}”的文字超过 ${seconds} 秒，已中止。文件可能已损坏或过于复杂，可另存为 PDF 后重试。`,
          `Reading the text of “${job.message.name}” took longer than ${seconds} s and was stopped; the file may be damaged or too complex. Try saving it as PDF.`,
          { name: job.message.name },
        ),
      );
    }
    this.dispatch();
  }

  private onDeath(slot: Slot, error: Error): void {
    if (slot.gone) return;
    const wasReady = slot.ready;
    const job = this.retire(slot);
    if (this.closed) return;
    if (!wasReady) {
      this.startFailures += 1;
      if (this.startFailures > MAX_START_FAILURES) {
        const failure = unavailable(error.message);
        for (const waiting of this.queue.splice(0)) waiting.reject(failure);
        job?.reject(failure);
        return;
      }
    }
    job?.reject(
      new DomainError(
        'ATTACHMENT_UNREADABLE',
        `附件“${job.message.name}”无法读取：读取时占用内存过多或程序异常（文件可能已损坏或过于庞大）。`,
        `The attachment “${job.message.name}” cannot be read: its reader ran out of memory or failed (the file may be damaged or too large).`,
        { name: job.message.name, cause: error.message.split('\n')[0] },
      ),
    );
    this.dispatch();
  }
}

function unavailable(cause: string): DomainError {
  return new DomainError(
    'ATTACHMENT_EXTRACTOR_UNAVAILABLE',
    '附件文字读取暂时无法使用，请稍后再试。',
    'Reading attachment text is unavailable right now; please try again later.',
    { cause },
  );
}
