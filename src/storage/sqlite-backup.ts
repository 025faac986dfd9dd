import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
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

/** Replaces the database at `targetPath` with a checked copy of `backupPath` (the server must be stopped). */
export function restoreSqlite(backupPath: string, targetPath: string): void {
  checkGongkaiSqlite(backupPath);
  const staging = `${targetPath}.restoring`;
  copyFileSync(backupPath, staging);
  checkGongkaiSqlite(staging);
  for (const suffix of ['-wal', '-shm']) rmSync(`${targetPath}${suffix}`, { force: true });
  renameSync(staging, targetPath);
}
