/**
 * Reads one part out of a ZIP package (a .docx) with hard limits, so a broken or hostile file fails with a clear
 * error instead of exhausting memory: the central directory may list at most `MAX_ZIP_ENTRIES` entries, and a
 * part is inflated in chunks and abandoned as soon as it grows past `MAX_PART_BYTES`, whatever its header claims.
 */
import { Inflate } from 'fflate';
import { DomainError } from '../../core/errors.js';

/** Most entries a package may list; a Word file has a few dozen. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Largest a part may inflate to; the document.xml of a long report is a few megabytes. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Bytes fed to the inflater at a time, so the size limit is checked as the output grows. */
const CHUNK = 64 * 1024;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** An entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

function broken(name: string, zh: string, en: string): DomainError {
  return new DomainError(
    'REPORT_UNREADABLE',
    `${name} 不是有效的 DOCX 文件：${zh}`,
    `${name} is not a valid DOCX file: ${en}`,
  );
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/** Lists the entries of a ZIP file from its central directory. */
export function zipEntries(bytes: Uint8Array, fileName: string): Map<string, ZipEntry> {
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 65_535; at--) {
    if (u32(bytes, at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0)
    throw broken(
      fileName,
      'ZIP 目录结尾缺失（文件可能不完整）',
      'the ZIP end of directory is missing (truncated file?)',
    );
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) throw broken(fileName, '不支持 ZIP64', 'ZIP64 is not supported');
  if (count > MAX_ZIP_ENTRIES) {
    throw broken(fileName, `条目过多（${count} 个）`, `too many entries (${count})`);
  }
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) {
      throw broken(fileName, 'ZIP 目录已损坏', 'the ZIP central directory is corrupt');
    }
    const nameLength = u16(bytes, at + 28);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      name,
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return entries;
}

/** The inflated bytes of one entry, within `MAX_PART_BYTES`. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const local = entry.localOffset;
  if (local + 30 > bytes.length || u32(bytes, local) !== LOCAL) {
    throw broken(fileName, `${entry.name} 的文件头已损坏`, `the header of ${entry.name} is corrupt`);
  }
  const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
  const stop = start + entry.compressedSize;
  if (stop > bytes.length) throw broken(fileName, `${entry.name} 不完整`, `${entry.name} is truncated`);
  const data = bytes.subarray(start, stop);
  const tooLarge = () =>
    broken(
      fileName,
      `${entry.name} 解压后超过 ${MAX_PART_BYTES / 1024 / 1024} MB（疑似压缩炸弹）`,
      `${entry.name} inflates past ${MAX_PART_BYTES / 1024 / 1024} MB (a zip bomb?)`,
    );
  if (entry.method === 0) {
    if (data.length > MAX_PART_BYTES) throw tooLarge();
    return data;
  }
  if (entry.method !== 8) {
    throw broken(
      fileName,
      `${entry.name} 使用了不支持的压缩方式 ${entry.method}`,
      `${entry.name} uses unsupported compression ${entry.method}`,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > MAX_PART_BYTES) throw tooLarge();
    chunks.push(chunk);
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < data.length; offset += CHUNK) {
      inflater.push(data.subarray(offset, offset + CHUNK), offset + CHUNK >= data.length);
    }
    if (data.length === 0) inflater.push(data, true);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw broken(fileName, `${entry.name} 解压失败`, `${entry.name} cannot be inflated (${String(error)})`);
  }
  if (!finished) throw broken(fileName, `${entry.name} 不完整`, `${entry.name} is truncated`);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
