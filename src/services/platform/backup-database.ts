import { DomainError } from '../../core/errors.js';
import { parseDatabaseUrl } from '../../storage/database.js';
import { announceServer, backupSqlite, restoreSqlite } from '../../storage/sqlite-backup.js';

/** The SQLite file a database URL names; a PostgreSQL URL is refused (it is backed up with pg_dump). */
export function sqliteFileOf(url: string): string {
  return sqlitePathOf(url);
}

function sqlitePathOf(url: string): string {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'sqlite') {
    throw new DomainError(
      'BACKUP_UNSUPPORTED',
      'PostgreSQL 请用 pg_dump / pg_restore 备份与恢复（见 docs/operations.md）',
      'for PostgreSQL use pg_dump / pg_restore (see docs/operations.md)',
    );
  }
  return target.path;
}

/** A consistent copy of the live SQLite database, taken while the server may keep writing. */
export async function backupDatabase(url: string, file: string): Promise<void> {
  await backupSqlite(sqlitePathOf(url), file);
}

/**
 * Replaces the SQLite database with a backup after checking it (integrity_check and Gongkai tables); refused while
 * any process (a running server) has the database open.
 */
export function restoreDatabase(url: string, file: string): void {
  restoreSqlite(file, sqlitePathOf(url));
}

/**
 * A server on a SQLite database says who it is in a file beside it (pid, host, start time), so that a refused
 * `db restore` can name it. Returns how to remove it at shutdown; nothing for PostgreSQL.
 */
export function announceServerOn(url: string, startedAt: Date): () => void {
  const target = parseDatabaseUrl(url);
  if (target.dialect !== 'sqlite' || target.path === ':memory:') return () => undefined;
  return announceServer(target.path, startedAt);
}
