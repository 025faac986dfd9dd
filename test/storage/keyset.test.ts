import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { openDatabase, type OpenDatabase } from '../../src/storage/database.js';
import {
  afterKey,
  decodeCursor,
  encodeCursor,
  keysetPage,
  type KeysetOrder,
} from '../../src/storage/keyset.js';
import { migrateToLatest } from '../../src/storage/migrate.js';
import { databases, type TestDatabase } from '../helpers/databases.js';

const byCreated: KeysetOrder = {
  name: 'test-agencies',
  columns: ['created_at', 'code'],
  direction: 'desc',
};
const byCode: KeysetOrder = { name: 'test-codes', columns: ['code'], direction: 'asc' };

describe.each(databases)('keyset pages on %s', (_name, fresh) => {
  let database: TestDatabase;
  let opened: OpenDatabase;

  beforeAll(async () => {
    database = await fresh();
    opened = openDatabase(database.url);
    await migrateToLatest(opened.db as Kysely<unknown>);
    // 257 rows, many sharing a creation time, so the second key column decides ties.
    const rows = Array.from({ length: 257 }, (_, i) => ({
      id: `a-${String(i).padStart(4, '0')}`,
      parent_id: null,
      code: `c${String((i * 37) % 257).padStart(4, '0')}`,
      name: `机关${i}`,
      kind: 'department',
      office_name: null,
      address: null,
      office_hours: null,
      phone: null,
      fax: null,
      website: null,
      email: null,
      settings_json: '{}',
      created_at: `2026-03-0${1 + (i % 7)}T00:00:00.000Z`,
      updated_at: '2026-03-01T00:00:00.000Z',
    }));
    await opened.db.insertInto('agencies').values(rows).execute();
  });
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  async function walk(order: KeysetOrder, limit: number): Promise<{ codes: string[]; pages: number }> {
    const codes: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      let query = opened.db.selectFrom('agencies').select(['code', 'created_at']);
      if (cursor !== null) query = query.where(afterKey(order, decodeCursor(order, cursor)));
      for (const column of order.columns) query = query.orderBy(column as 'code', order.direction);
      const rows = await query.limit(limit + 1).execute();
      const page = keysetPage(rows, limit, order, (r) =>
        order.columns.map((c) => r[c as 'code' | 'created_at']),
      );
      codes.push(...page.items.map((r) => r.code));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { codes, pages };
  }

  it('visits every row once, in the order of the keys, page after page', async () => {
    const all = await opened.db
      .selectFrom('agencies')
      .select('code')
      .orderBy('created_at', 'desc')
      .orderBy('code', 'desc')
      .execute();
    const walked = await walk(byCreated, 50);
    expect(walked.codes).toEqual(all.map((r) => r.code));
    expect(walked.pages).toBe(6);
    const ascending = await walk(byCode, 100);
    expect(ascending.codes).toEqual([...ascending.codes].sort());
    expect(new Set(ascending.codes).size).toBe(257);
  });

  it('ends with a null cursor when the last page is exactly full', async () => {
    const walked = await walk(byCode, 257);
    expect(walked).toMatchObject({ pages: 1 });
  });
});

describe('cursors', () => {
  it('round-trip the key, and refuse a cursor of another list or a forged one', () => {
    const cursor = encodeCursor(byCreated, ['2026-03-01T00:00:00.000Z', 'c0001']);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(byCreated, cursor)).toEqual(['2026-03-01T00:00:00.000Z', 'c0001']);
    for (const bad of [
      encodeCursor(byCode, ['c0001']),
      '',
      'not a cursor!',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('["test-agencies",1]').toString('base64url'),
      Buffer.from('["test-agencies",{},"x"]').toString('base64url'),
      'x'.repeat(5000),
    ]) {
      expect(() => decodeCursor(byCreated, bad)).toThrow(expect.objectContaining({ code: 'CURSOR_INVALID' }));
    }
  });
});
