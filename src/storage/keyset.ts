/**
 * Keyset pagination for every list of the API: a page is the rows after the last key of the page before, found by
 * an index seek, so the last page of a million rows costs what the first does (OFFSET reads and drops every row
 * before it). The cursor handed to clients is opaque: base64url of the list's name and the last row's key.
 *
 * Use: order the query by `order.columns` (all in `order.direction`, with a unique last column so keys never tie),
 * add `afterKey(order, key)` when a cursor was given, fetch `limit + 1` rows, and let `keysetPage` cut the page and
 * make the next cursor.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { DomainError } from '../core/errors.js';

export type KeyValue = string | number;

/** How a list is ordered: a name (a cursor of one list is refused by another), key columns and one direction. */
export interface KeysetOrder {
  name: string;
  /** Column references in sort order, e.g. `applications.registered_on`; the last must be unique. */
  columns: readonly string[];
  direction: 'asc' | 'desc';
}

/** A page of a keyset list: its items and the cursor of the next page (null on the last page). */
export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

/** The longest cursor accepted (keys are a few short values). */
const MAX_CURSOR_LENGTH = 1024;

/** The opaque cursor of a row's key in a list. */
export function encodeCursor(order: KeysetOrder, key: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([order.name, ...key]), 'utf8').toString('base64url');
}

function invalidCursor(): DomainError {
  return new DomainError(
    'CURSOR_INVALID',
    'cursor 无效：请使用上一页返回的 nextCursor',
    'invalid cursor: pass the nextCursor of the previous page',
  );
}

/** The key a cursor holds; CURSOR_INVALID (400) unless it was made by `encodeCursor` for this list. */
export function decodeCursor(order: KeysetOrder, cursor: string): KeyValue[] {
  if (cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) {
    throw invalidCursor();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (
    !Array.isArray(parsed) ||
    parsed[0] !== order.name ||
    parsed.length !== order.columns.length + 1 ||
    !parsed.slice(1).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))
  ) {
    throw invalidCursor();
  }
  return parsed.slice(1) as KeyValue[];
}

/**
 * Rows strictly after `key` in the list's order: one row-value comparison, `(a, b) > (x, y)` (or `<` when
 * descending), which SQLite and PostgreSQL both answer with an index range when the index has these columns.
 */
export function afterKey(order: KeysetOrder, key: readonly KeyValue[]): Expression<SqlBool> {
  const columns = sql.join(order.columns.map((c) => sql.ref(c)));
  const values = sql.join(key.map((v) => sql`${v}`));
  return order.direction === 'asc'
    ? sql<SqlBool>`(${columns}) > (${values})`
    : sql<SqlBool>`(${columns}) < (${values})`;
}

/** Cuts `limit + 1` fetched rows to a page; the extra row only says that a next page exists. */
export function keysetPage<T>(
  rows: readonly T[],
  limit: number,
  order: KeysetOrder,
  keyOf: (row: T) => readonly KeyValue[],
): KeysetPage<T> {
  if (rows.length <= limit) return { items: [...rows], nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(order, keyOf(items[items.length - 1] as T)) };
}
