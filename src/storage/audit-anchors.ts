/**
 * Audit anchors: the head of the audit chain (how many entries, the newest hash) written from time to time to a
 * checkpoint file outside the database, one JSON line per anchor, appended and flushed to disk. Whoever can
 * only change the database (SQL access, a dropped trigger) cannot rewrite it, so deleting the newest audit rows
 * — which leaves a chain that still links — is detected against it (`gongkai audit verify`).
 *
 * The file sits beside an SQLite database (`<file>.audit-anchors.jsonl`); for PostgreSQL, or to keep it
 * elsewhere, GONGKAI_AUDIT_ANCHOR_FILE names it. A `restore` line starts afresh: a restored backup is
 * legitimately shorter than the anchors written before it.
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import SQLite from 'better-sqlite3';
import type { Executor } from './executor.js';
import type { DatabaseTarget } from './database.js';

/** Why an anchor was written. */
export type AuditAnchorReason = 'interval' | 'shutdown' | 'backup' | 'verify' | 'restore';

/** The chain's head at one moment: `entries` rows, the last with `hash` (the genesis hash when there are none). */
export interface AuditHead {
  entries: number;
  hash: string;
}

export interface AuditAnchor extends AuditHead {
  /** When the anchor was written (ISO 8601). */
  at: string;
  reason: AuditAnchorReason;
}

/** The anchor file of a database: beside an SQLite file, or under ./data for PostgreSQL (one per database). */
export function defaultAuditAnchorFile(target: DatabaseTarget): string | null {
  if (target.dialect === 'sqlite')
    return target.path === ':memory:' ? null : `${target.path}.audit-anchors.jsonl`;
  const url = new URL(target.url);
  const name = `${url.hostname}-${url.port || '5432'}-${url.pathname.replace(/^\//, '') || 'postgres'}`;
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_');
  // A short hash keeps two URLs that differ only in characters replaced above apart.
  const tag = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `./data/audit-anchors-${safe}-${tag}.jsonl`;
}

/** The head of the chain as the database holds it now. */
export async function readAuditHead(db: Executor, genesisHash: string): Promise<AuditHead> {
  const last = await db
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { entries: Number(last.seq), hash: last.hash } : { entries: 0, hash: genesisHash };
}

/** The head of the audit chain in an SQLite file (a backup), read without changing the file. */
export function readSqliteAuditHead(path: string, genesisHash: string): AuditHead {
  const file = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const row = file.prepare('select seq, hash from audit_log order by seq desc limit 1').get() as
      { seq: number | bigint; hash: string } | undefined;
    return row ? { entries: Number(row.seq), hash: row.hash } : { entries: 0, hash: genesisHash };
  } finally {
    file.close();
  }
}

/** A line of the anchor file that is not an anchor (the file was damaged or edited). */
export class AuditAnchorFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}: line ${line} is not an audit anchor`);
  }
}

function isAnchor(value: unknown): value is AuditAnchor {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(v.entries) &&
    (v.entries as number) >= 0 &&
    typeof v.hash === 'string' &&
    /^[0-9a-f]{64}$/.test(v.hash) &&
    typeof v.at === 'string' &&
    ['interval', 'shutdown', 'backup', 'verify', 'restore'].includes(v.reason as string)
  );
}

/** Every anchor in the file, oldest first ([] when there is no file yet). */
export function readAuditAnchors(file: string): AuditAnchor[] {
  if (!existsSync(file)) return [];
  const anchors: AuditAnchor[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      value = null;
    }
    // A last line cut short by a crash mid-write is not held against the chain.
    if (!isAnchor(value)) {
      if (index === lines.length - 1) return;
      throw new AuditAnchorFileError(file, index + 1);
    }
    anchors.push({ entries: value.entries, hash: value.hash, at: value.at, reason: value.reason });
  });
  return anchors;
}

/** Appends one anchor and flushes it to disk before returning. */
export function appendAuditAnchor(file: string, anchor: AuditAnchor): void {
  const line = `${JSON.stringify({ entries: anchor.entries, hash: anchor.hash, at: anchor.at, reason: anchor.reason })}\n`;
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, line, { encoding: 'utf8', mode: 0o640 });
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
