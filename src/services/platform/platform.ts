import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { DomainError } from '../../core/errors.js';
import { limits } from '../../core/limits.js';
import { openDatabase, parseDatabaseUrl, type DatabaseTarget } from '../../storage/database.js';
import { describeDatabase } from '../../storage/database-url.js';
import { migrateToLatest } from '../../storage/migrate.js';
import type { Database } from '../../storage/schema.js';
import { refreshCaseClocks } from '../applications/refresh-case-clocks.js';

/** What the use cases need: the database, a clock, and the password hashing cost. */
export interface PlatformDeps {
  db: Kysely<Database>;
  clock: () => Date;
  /** scrypt cost as log2(N); production uses `limits.scryptLog2N`. */
  scryptLog2N: number;
  /** How long a new API token lives by default, and at most (GONGKAI_TOKEN_EXPIRY_DAYS). */
  tokenExpiryDays: number;
}

/** An open platform: the deps plus where the data lives and how to close it. */
export interface Platform extends PlatformDeps {
  target: DatabaseTarget;
  close: () => Promise<void>;
}

export interface OpenPlatformOptions {
  clock?: () => Date;
  scryptLog2N?: number;
  tokenExpiryDays?: number;
  /** Apply pending migrations first (default true). */
  migrate?: boolean;
  /** A check of the opened database before migrations (the database is closed when it throws). */
  before?: (db: Kysely<Database>) => Promise<void>;
}

/** Opens the database `url` names and (by default) brings its schema up to date. */
export async function openPlatform(url: string, options: OpenPlatformOptions = {}): Promise<Platform> {
  const opened = openDatabase(url);
  try {
    await options.before?.(opened.db);
    if (options.migrate ?? true) {
      await migrateToLatest(opened.db as Kysely<unknown>);
      // Stored due dates follow the calendar this release carries (and fill in after the migration adding them).
      await refreshCaseClocks(opened.db, options.clock ?? (() => new Date()));
    }
  } catch (error) {
    await opened.close();
    throw error;
  }
  return {
    db: opened.db,
    target: opened.target,
    close: opened.close,
    clock: options.clock ?? (() => new Date()),
    scryptLog2N: options.scryptLog2N ?? limits.scryptLog2N,
    tokenExpiryDays: options.tokenExpiryDays ?? limits.tokenExpiryDays,
  };
}

/** Applies pending migrations (`gongkai db migrate`); returns the names applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const opened = openDatabase(url);
  try {
    return await migrateToLatest(opened.db as Kysely<unknown>);
  } finally {
    await opened.close();
  }
}

export { describeDatabase };

/**
 * Opens a database that already holds Gongkai's schema (and applies pending migrations): for every command but
 * `db migrate`, so a mistyped or missing DATABASE_URL is a clear refusal instead of a new empty database that
 * answers “user not found”. Only `db migrate` and `npm start` create a database.
 */
export async function openExistingPlatform(
  url: string,
  options: OpenPlatformOptions = {},
): Promise<Platform> {
  const target = parseDatabaseUrl(url);
  const missing = () =>
    new DomainError(
      'DATABASE_NOT_FOUND',
      `找不到 Gongkai 数据库：${describeDatabase(url)}。命令行不会新建数据库：请把 DATABASE_URL 设为服务使用的数据库，` +
        '或先用 gongkai db migrate（或 npm start）创建。',
      `no Gongkai database at ${describeDatabase(url)}. The command line does not create one: set DATABASE_URL ` +
        'to the database the server uses, or create it with gongkai db migrate (or npm start) first.',
      { url: describeDatabase(url) },
    );
  if (target.dialect === 'sqlite' && target.path !== ':memory:' && !existsSync(target.path)) throw missing();
  return openPlatform(url, {
    ...options,
    before: async (db) => {
      const tables = await db.introspection.getTables();
      if (!tables.some((t) => t.name === 'gongkai_migrations')) throw missing();
    },
  });
}
