import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import SQLite from 'better-sqlite3';
import { DomainError } from '../core/errors.js';

/** A consistent online copy of a live SQLite database (better-sqlite3's backup API; writers may continue). */
export async function backupSqlite(sourcePath: string, destinationPath: string): Promise<void> {
  const source = new SQLite(sourcePath, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    await source.backup(destinationPath);
  } finally {
    source.close();
  }
}

/** Checks that a file is an intact Gongkai SQLite database, throwing a coded error otherwise. */
export function checkGongkaiSqlite(path: string): void {
  if (!existsSync(path)) {
    throw new DomainError('BACKUP_INVALID', `备份文件不存在：${path}`, `backup file not found: ${path}`);
  }
  let file: SQLite.Database | undefined;
  try {
    file = new SQLite(path, { fileMustExist: true });
    const integrity = file.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`integrity_check: ${String(integrity)}`);
    const tables = new Set(
      (file.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map(
        (r) => r.name,
      ),
    );
    for (const table of ['gongkai_migrations', 'agencies', 'users', 'audit_log']) {
      if (!tables.has(table)) throw new Error(`missing table ${table}`);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      'BACKUP_INVALID',
      `不是完好的 Gongkai SQLite 数据库：${reason}`,
      `not an intact Gongkai SQLite database: ${reason}`,
    );
  } finally {
    file?.close();
  }
}

/** The file beside a SQLite database where a running server says who it is (`gongkai.sqlite.server.json`). */
export function serverFileOf(databasePath: string): string {
  return `${databasePath}.server.json`;
}

export interface ServerAnnouncement {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** Writes the server file beside the database; returns how to remove it (only if it is still this process's). */
export function announceServer(databasePath: string, startedAt: Date): () => void {
  const file = serverFileOf(databasePath);
  const me: ServerAnnouncement = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: startedAt.toISOString(),
  };
  writeFileSync(file, JSON.stringify(me) + '\n');
  return () => {
    if (readAnnouncement(databasePath)?.pid === process.pid) rmSync(file, { force: true });
  };
}

function readAnnouncement(databasePath: string): ServerAnnouncement | null {
  try {
    const parsed = JSON.parse(
      readFileSync(serverFileOf(databasePath), 'utf8'),
    ) as Partial<ServerAnnouncement>;
    if (typeof parsed.pid !== 'number' || typeof parsed.startedAt !== 'string') return null;
    return { pid: parsed.pid, hostname: String(parsed.hostname ?? ''), startedAt: parsed.startedAt };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Who has the database open, in words: the server that announced itself, or “another process”. */
function holderOf(databasePath: string): { zh: string; en: string; holder: ServerAnnouncement | null } {
  const announced = readAnnouncement(databasePath);
  if (announced && (announced.hostname !== hostname() || isAlive(announced.pid))) {
    const where = announced.hostname && announced.hostname !== hostname() ? `@${announced.hostname}` : '';
    return {
      zh: `Gongkai 服务进程 ${announced.pid}${where}（${announced.startedAt} 启动）`,
      en: `the Gongkai server process ${announced.pid}${where} (started ${announced.startedAt})`,
      holder: announced,
    };
  }
  return {
    zh: '另一个进程（可用 fuser 或 lsof 查看）',
    en: 'another process (see fuser or lsof)',
    holder: null,
  };
}

/**
 * Takes SQLite's exclusive lock on a database file without waiting: every other connection (a server, a
 * command) holds a lock while it has the file open, so this fails while any process uses it. The refusal names
 * the server process when one announced itself beside the file.
 */
export function lockExclusively(databasePath: string): SQLite.Database {
  const file = new SQLite(databasePath, { fileMustExist: true });
  try {
    file.pragma('busy_timeout = 0');
    file.pragma('locking_mode = EXCLUSIVE');
    file.exec('BEGIN EXCLUSIVE');
    file.exec('COMMIT');
    return file;
  } catch (error) {
    file.close();
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    const { zh, en, holder } = holderOf(databasePath);
    throw new DomainError(
      'DATABASE_IN_USE',
      `数据库正被${zh}使用，未做任何更改。请先停止服务再恢复：${databasePath}`,
      `the database is in use by ${en}; nothing was changed. Stop the server, then restore: ${databasePath}`,
      { path: databasePath, pid: holder?.pid ?? null },
    );
  }
}

/**
 * Replaces the database at `targetPath` with a checked copy of `backupPath`. Refused (DATABASE_IN_USE, naming the
 * process) while any process has the database open: a running server would keep writing to the file it holds and
 * its acknowledged writes would vanish. The exclusive lock is held from the check until the new file is in place.
 */
export function restoreSqlite(backupPath: string, targetPath: string): void {
  checkGongkaiSqlite(backupPath);
  const staging = `${targetPath}.restoring`;
  copyFileSync(backupPath, staging);
  try {
    checkGongkaiSqlite(staging);
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }
  let held: SQLite.Database | undefined;
  try {
    held = existsSync(targetPath) ? lockExclusively(targetPath) : undefined;
  } catch (error) {
    rmSync(staging, { force: true });
    throw error;
  }
  try {
    for (const suffix of ['-wal', '-shm']) rmSync(`${targetPath}${suffix}`, { force: true });
    renameSync(staging, targetPath);
  } finally {
    held?.close();
  }
}
