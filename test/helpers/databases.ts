import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPlatform, type Platform } from '../../src/services/platform/platform.js';

/** The PostgreSQL server the suite uses; CI must have one (the suite fails rather than skipping). */
export const testPgUrl = process.env.GONGKAI_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A fresh, empty database and how to remove it. */
export interface TestDatabase {
  url: string;
  drop: () => Promise<void>;
}

export async function freshSqlite(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
  return {
    url: `sqlite:${join(dir, 'db.sqlite')}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testPgUrl, connectionTimeoutMillis: 60_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testPgUrl} (set GONGKAI_TEST_PG_URL; start it with ` +
        `pg_ctlcluster 15 main start): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export async function freshPostgres(): Promise<TestDatabase> {
  const name = `gongkai_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(testPgUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

/** Both databases, for `describe.each(databases)('…on %s', (_name, fresh) => …)`. */
export const databases: [string, () => Promise<TestDatabase>][] = [
  ['sqlite', freshSqlite],
  ['postgres', freshPostgres],
];

/** Low scrypt cost for tests only (production cost is in src/core/limits.ts). */
export const testScryptLog2N = 10;

/** A migrated platform on a fresh database with a settable clock. */
export async function freshPlatform(
  fresh: () => Promise<TestDatabase>,
): Promise<{ platform: Platform; database: TestDatabase; clock: { now: Date }; close: () => Promise<void> }> {
  const database = await fresh();
  const clock = { now: new Date('2026-03-02T01:00:00.000Z') };
  const platform = await openPlatform(database.url, { clock: () => clock.now, scryptLog2N: testScryptLog2N });
  return {
    platform,
    database,
    clock,
    close: async () => {
      await platform.close();
      await database.drop();
    },
  };
}
