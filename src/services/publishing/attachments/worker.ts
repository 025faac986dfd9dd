/**
 * The extraction worker: reads one attachment's text at a time (./extract.ts) and answers with the text or a
 * coded error. The pool (./pool.ts) terminates it when a file takes too long and replaces it when it dies.
 */
import { parentPort } from 'node:worker_threads';
import { isDomainError } from '../../../core/errors.js';
import type { AttachmentLimits } from '../../../core/publishing/intake-limits.js';
import { extractText, type ExtractedText } from './extract.js';
import type { AttachmentKind } from './sniff.js';

export interface ExtractJob {
  id: number;
  kind: AttachmentKind;
  bytes: Uint8Array;
  name: string;
  limits: AttachmentLimits;
}

export type ExtractReply =
  | { ready: true }
  | { id: number; result: ExtractedText }
  | { id: number; error: { code: string; messageZh: string; messageEn: string; details?: unknown } };

const port = parentPort;
if (port) {
  port.on('message', (job: ExtractJob) => {
    void (async () => {
      let reply: ExtractReply;
      try {
        reply = { id: job.id, result: await extractText(job.kind, job.bytes, job.name, job.limits) };
      } catch (error) {
        reply = isDomainError(error)
          ? {
              id: job.id,
              error: {
                code: error.code,
                messageZh: error.messageZh,
                messageEn: error.messageEn,
                details: error.details,
              },
            }
          : {
              id: job.id,
              error: {
                code: 'ATTACHMENT_UNREADABLE',
                messageZh: `附件“${job.name}”无法读取（文件可能已损坏）`,
                messageEn: `The attachment “${job.name}” cannot be read (it may be damaged)`,
                details: { cause: error instanceof Error ? error.message.split('\n')[0] : String(error) },
              },
            };
      }
      port.postMessage(reply);
    })();
  });
  port.postMessage({ ready: true } satisfies ExtractReply);
}
