/** The `text` reader: bytes in UTF-8 (or GB18030/GBK when they are not valid UTF-8) to the contract. */
import { DomainError } from '../../core/errors.js';
import type { ReadResult } from '../types.js';
import { readGrid } from './read-grid.js';
import { textToGrid } from './text-grid.js';

/** The decoders, made once (a fatal decoder keeps no state between whole-buffer calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const GB18030 = new TextDecoder('gb18030', { fatal: true });

/** Decodes text bytes: UTF-8 (BOM dropped), else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array, name: string): string {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    try {
      text = GB18030.decode(bytes);
    } catch {
      throw new DomainError(
        'REPORT_UNREADABLE',
        `${name} 不是 UTF-8 或 GB18030/GBK 编码的文本`,
        `${name} is not text in UTF-8 or GB18030/GBK`,
      );
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    throw new DomainError(
      'REPORT_UNREADABLE',
      `${name} 含有二进制内容，不是文本`,
      `${name} holds binary data, not text`,
    );
  }
  return text;
}

/** Reads a text report (any of the copied or converted layouts) into the contract. */
export async function readText(bytes: Uint8Array, name: string): Promise<ReadResult> {
  return readTextSync(bytes, name);
}

/** The same, synchronously (for benchmarks and tests). */
export function readTextSync(bytes: Uint8Array, name: string): ReadResult {
  const text = decodeText(bytes, name);
  if (text.trim() === '') {
    throw new DomainError('REPORT_NOT_FOUND', `${name} 是空文件`, `${name} is empty`);
  }
  return readGrid(textToGrid(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text), name);
}
