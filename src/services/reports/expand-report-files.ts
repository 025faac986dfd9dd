/**
 * Use case helper: turns an upload of report files, some of them zip archives, into the list of report files
 * inside, refusing zip bombs. Everything stays in memory; nothing is written to disk.
 *
 * The server expands archives in its report-checker workers (`expandReportFilesWith` with the worker's unzip,
 * src/services/reports/isolated-check.ts), so inflating a bomb up to its limit never holds up the server's own
 * thread; `unzipReports` is what runs there.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { DomainError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
}

export const defaultZipLimits: ZipLimits = {
  maxEntries: limits.zipMaxEntries,
  maxUncompressedBytes: limits.zipMaxUncompressedBytes,
};

/** Compressed bytes fed to the inflater at a time: bounds the work and memory before the size check runs. */
const STEP = 16 * 1024;

const tooLarge = (name: string, max: number) =>
  new DomainError(
    'UPLOAD_TOO_LARGE',
    `压缩包 ${name} 解压后超过 ${Math.round(max / 1024 / 1024)} MB，已拒绝（可能是“压缩炸弹”）`,
    `${name} expands to more than ${Math.round(max / 1024 / 1024)} MB once decompressed and was refused (a possible zip bomb)`,
  );
const tooMany = (name: string, max: number) =>
  new DomainError(
    'UPLOAD_TOO_LARGE',
    `压缩包 ${name} 含有超过 ${max} 个文件，已拒绝`,
    `${name} holds more than ${max} files and was refused`,
  );
const broken = (name: string, detail: string) =>
  new DomainError(
    'UPLOAD_INVALID',
    `压缩包 ${name} 无法解压：${detail}`,
    `${name} cannot be decompressed: ${detail}`,
  );

/** True for a zip archive that is not a DOCX (a DOCX is a zip too, and is a report on its own). */
export function isZipArchive(file: UploadedFile): boolean {
  const zipMagic = file.bytes[0] === 0x50 && file.bytes[1] === 0x4b;
  return zipMagic && /\.zip$/i.test(file.name);
}

/** The files of a zip archive, decompressed under the limits; directories and hidden files are skipped. */
export function unzipReports(archive: UploadedFile, zipLimits: ZipLimits = defaultZipLimits): UploadedFile[] {
  const entries: { name: string; chunks: Uint8Array[] }[] = [];
  let total = 0;
  let refused: DomainError | null = null;
  const unzip = new Unzip((file) => {
    if (refused) return;
    if (entries.length >= zipLimits.maxEntries) {
      refused = tooMany(archive.name, zipLimits.maxEntries);
      return;
    }
    const entry = { name: file.name, chunks: [] as Uint8Array[] };
    entries.push(entry);
    file.ondata = (error, data) => {
      if (refused) return;
      if (error) {
        refused = broken(archive.name, error.message);
        return;
      }
      total += data.length;
      if (total > zipLimits.maxUncompressedBytes) {
        refused = tooLarge(archive.name, zipLimits.maxUncompressedBytes);
        file.terminate();
        return;
      }
      entry.chunks.push(data);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let i = 0; i < archive.bytes.length && !refused; i += STEP) {
      unzip.push(archive.bytes.subarray(i, i + STEP), i + STEP >= archive.bytes.length);
    }
  } catch (error) {
    throw broken(archive.name, error instanceof Error ? error.message : String(error));
  }
  if (refused) throw refused;
  const files = entries
    .filter((entry) => !entry.name.endsWith('/') && !/(^|\/)(\.|__MACOSX\/)/.test(entry.name))
    .map((entry) => ({ name: `${archive.name}/${entry.name}`, bytes: concat(entry.chunks) }));
  if (files.length === 0) throw broken(archive.name, '没有找到文件 / no files found');
  return files;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Expands every zip archive of an upload into its files; the limits hold for all archives together. */
export function expandReportFiles(
  files: readonly UploadedFile[],
  zipLimits: ZipLimits = defaultZipLimits,
): UploadedFile[] {
  const out: UploadedFile[] = [];
  const left = { ...zipLimits };
  for (const file of files) {
    if (!isZipArchive(file)) out.push(file);
    else out.push(...spend(left, unzipReports(file, { ...left })));
  }
  return out;
}

/**
 * As `expandReportFiles`, with each archive expanded by `unzip` (the server's: in a worker thread), one after
 * the other, each under what the archives before it left of the limits.
 */
export async function expandReportFilesWith(
  files: readonly UploadedFile[],
  unzip: (archive: UploadedFile, limits: ZipLimits) => Promise<UploadedFile[]>,
  zipLimits: ZipLimits = defaultZipLimits,
): Promise<UploadedFile[]> {
  const out: UploadedFile[] = [];
  const left = { ...zipLimits };
  for (const file of files) {
    if (!isZipArchive(file)) out.push(file);
    else out.push(...spend(left, await unzip(file, { ...left })));
  }
  return out;
}

/** Takes an archive's files off what is left of the limits. */
function spend(left: ZipLimits, inside: UploadedFile[]): UploadedFile[] {
  left.maxEntries -= inside.length;
  left.maxUncompressedBytes -= inside.reduce((sum, entry) => sum + entry.bytes.length, 0);
  return inside;
}
