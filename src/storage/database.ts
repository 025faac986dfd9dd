import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';

export {
  defaultDatabaseUrl,
  describeDatabase,
  parseDatabaseUrl,
  type DatabaseTarget,
} from './database-url.js';

/** An open database: the Kysely handle, which dialect it speaks, and how to close it. */
export interface OpenDatabase {
  db: Kysely<Database>;
  target: DatabaseTarget;
  close: () => Promise<void>;
}

/** Opens a SQLite file with the pragmas Gongkai relies on: WAL, foreign keys, durable commits, a busy timeout. */
export function openSqliteFile(path: string): SQLite.Database {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // FULL: a commit is on disk (WAL fsync) before it is acknowledged; a power cut loses nothing acknowledged.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** How many prepared statements each SQLite connection keeps (by SQL text, least recently used dropped first). */
export const STATEMENT_CACHE_SIZE = 256;

/**
 * The SQLite handle Kysely uses, with prepared statements kept by their SQL text: Kysely's driver prepares every
 * statement again on each query (about a fifth of the busy CPU of a public submission). A statement still being
 * iterated (a streamed query) is busy; a fresh one is prepared for the overlapping call.
 */
export function cachingStatements(sqlite: SQLite.Database, size = STATEMENT_CACHE_SIZE) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(source: string): SQLite.Statement {
      const cached = cache.get(source);
      if (cached) {
        if (cached.busy) return sqlite.prepare(source);
        // Most recently used last, so the first entry is the one to drop.
        cache.delete(source);
        cache.set(source, cached);
        return cached;
      }
      const statement = sqlite.prepare(source);
      cache.set(source, statement);
      if (cache.size > size) cache.delete(cache.keys().next().value as string);
      return statement;
    },
    /** Statements kept now (tests). */
    get cachedStatements() {
      return cache.size;
    },
  };
}

/** Opens the database a URL names; nothing is created on PostgreSQL until migrations run. */
export function openDatabase(url: string): OpenDatabase {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    const sqlite = openSqliteFile(target.path);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) });
    return { db, target, close: () => db.destroy() };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // A connection the server drops while idle (restart, admin termination) must not crash the process: the pool
  // discards it, and queries on a broken connection still fail with their own error.
  const ignore = () => undefined;
  pool.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, target, close: () => db.destroy() };
}
