import type { Kysely } from 'kysely';
import { limits } from '../../core/limits.js';
import { openDatabase, type DatabaseTarget } from '../../storage/database.js';
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
}

/** Opens the database `url` names and (by default) brings its schema up to date. */
export async function openPlatform(url: string, options: OpenPlatformOptions = {}): Promise<Platform> {
  const opened = openDatabase(url);
  try {
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
