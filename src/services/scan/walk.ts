/**
 * Walks a folder as a stream: one directory handle open per level, entries yielded as they are read, so a
 * hundred thousand files never become one list. Hidden entries (`.name`) are skipped, and so are symbolic links
 * to directories (they could loop); a link to a file is followed.
 */
import { opendir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** A file to scan, or a directory that could not be opened (its error is that entry's result). */
export interface WalkEntry {
  /** The path to open. */
  path: string;
  /** The path relative to the root, with `/` separators, as results name it. */
  file: string;
  error?: unknown;
}

/** Yields every file under `root` (depth first, in directory order); `skip` leaves out given absolute paths. */
export async function* walkFiles(
  root: string,
  skip: (path: string) => boolean = () => false,
): AsyncGenerator<WalkEntry> {
  yield* walkDirectory(root, '', skip);
}

async function* walkDirectory(
  path: string,
  file: string,
  skip: (path: string) => boolean,
): AsyncGenerator<WalkEntry> {
  let directory;
  try {
    directory = await opendir(path, { bufferSize: 64 });
  } catch (error) {
    if (file === '') throw error;
    yield { path, file, error };
    return;
  }
  for await (const entry of directory) {
    if (entry.name.startsWith('.')) continue;
    const childPath = join(path, entry.name);
    const childFile = file === '' ? entry.name : `${file}/${entry.name}`;
    if (entry.isDirectory()) {
      yield* walkDirectory(childPath, childFile, skip);
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(childPath)))) {
      if (!skip(childPath)) yield { path: childPath, file: childFile };
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Counts the files `walkFiles` would yield, holding nothing but the count; null if stopped first. */
export async function countFiles(
  root: string,
  skip?: (path: string) => boolean,
  signal?: AbortSignal,
): Promise<number | null> {
  let count = 0;
  for await (const entry of walkFiles(root, skip)) {
    if (signal?.aborted) return null;
    if (!entry.error) count += 1;
  }
  return count;
}
