import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from '../../src/storage/database.js';

describe('prepared statements kept on SQLite', () => {
  it('prepares a statement once per SQL text, keeps at most the cache size, and drops the least recently used', () => {
    const handle = cachingStatements(new SQLite(':memory:'), 2);
    const a = handle.prepare('select 1 as x');
    expect(handle.prepare('select 1 as x')).toBe(a);
    const b = handle.prepare('select 2 as x');
    handle.prepare('select 1 as x'); // a is now the most recently used
    handle.prepare('select 3 as x'); // drops b
    expect(handle.cachedStatements).toBe(2);
    expect(handle.prepare('select 1 as x')).toBe(a);
    expect(handle.prepare('select 2 as x')).not.toBe(b);
    handle.close();
  });

  it('gives a fresh statement while the kept one is still being iterated', () => {
    const handle = cachingStatements(new SQLite(':memory:'));
    const outer = handle.prepare('select value from json_each(?)');
    const rows: number[] = [];
    for (const row of outer.iterate(['[1,2]']) as IterableIterator<{ value: number }>) {
      const inner = handle.prepare('select value from json_each(?)');
      expect(inner).not.toBe(outer);
      rows.push(row.value, ...(inner.all(['[10]']) as { value: number }[]).map((r) => r.value));
    }
    expect(rows).toEqual([1, 10, 2, 10]);
    handle.close();
  });

  it('answers through Kysely as before, also after the schema changes under a kept statement', async () => {
    const db = new Kysely<{ t: { a: number; b?: number } }>({
      dialect: new SqliteDialect({ database: cachingStatements(new SQLite(':memory:')) }),
    });
    await sql`create table t (a integer)`.execute(db);
    await db.insertInto('t').values({ a: 1 }).execute();
    expect(await db.selectFrom('t').selectAll().execute()).toEqual([{ a: 1 }]);
    await sql`alter table t add column b integer`.execute(db);
    await db.insertInto('t').values({ a: 2, b: 3 }).execute();
    expect(await db.selectFrom('t').selectAll().orderBy('a').execute()).toEqual([
      { a: 1, b: null },
      { a: 2, b: 3 },
    ]);
    await db.destroy();
  });
});
