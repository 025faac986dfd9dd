/**
 * Use cases: anchor the audit chain outside the database, and verify the chain against its anchors.
 *
 * The hash chain proves that no row was changed or removed in the middle, but not that the newest rows are all
 * there: deleting the last rows leaves a chain that still links. An anchor — the number of entries and the
 * newest hash — written to a file the database cannot rewrite (src/storage/audit-anchors.ts) closes that gap.
 * The server writes one at intervals and when it stops, `db backup` with every backup (and beside it),
 * `db restore` when it starts a restored chain afresh, and `audit verify` after each successful check; the
 * operator keeps the head that `audit verify` prints, and may hand it back with `--anchor ENTRIES:HASH`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { auditGenesisHash } from '../../core/audit.js';
import { DomainError } from '../../core/errors.js';
import {
  appendAuditAnchor,
  readAuditAnchors,
  readAuditHead,
  readSqliteAuditHead,
  type AuditAnchor,
  type AuditAnchorReason,
  type AuditHead,
} from '../../storage/audit-anchors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { verifyAuditChain, type AuditVerification } from './verify-audit-chain.js';

export type { AuditAnchor, AuditHead } from '../../storage/audit-anchors.js';
export { AuditAnchorFileError, readAuditAnchors } from '../../storage/audit-anchors.js';

/**
 * Appends the chain's current head to the anchor file, unless the newest anchor already says the same (a backup
 * or a restore is always recorded). Returns the anchor written, or null.
 */
export async function anchorAuditChain(
  deps: Pick<PlatformDeps, 'db' | 'clock'>,
  file: string,
  reason: AuditAnchorReason,
): Promise<AuditAnchor | null> {
  const head = await readAuditHead(deps.db, auditGenesisHash);
  const last = readAuditAnchors(file).at(-1);
  const always = reason === 'backup' || reason === 'restore';
  if (!always && last && last.entries === head.entries && last.hash === head.hash) return null;
  const anchor: AuditAnchor = { ...head, at: deps.clock().toISOString(), reason };
  appendAuditAnchor(file, anchor);
  return anchor;
}

/** What an anchor check found wrong: rows missing after an anchor, or a row that is not the one anchored. */
export type AnchorBreak =
  | { ok: false; entries: number; reason: 'truncated'; anchor: AuditHead & Partial<AuditAnchor> }
  | {
      ok: false;
      entries: number;
      brokenSeq: number;
      reason: 'anchor';
      anchor: AuditHead & Partial<AuditAnchor>;
    };

export type AnchoredVerification =
  | (Extract<AuditVerification, { ok: true }> & { anchorsChecked: number; latest: AuditAnchor | null })
  | Extract<AuditVerification, { ok: false }>
  | AnchorBreak;

/**
 * Walks the chain (as `verifyAuditChain`), then checks it against the anchors since the last restore and the
 * heads the operator kept (`expected`): the chain must reach every anchor, and its entry at each anchor must
 * carry the anchored hash. A chain whose newest rows were deleted ends before an anchor: `truncated`.
 */
export async function verifyAuditChainAnchored(
  deps: Pick<PlatformDeps, 'db'>,
  anchors: readonly AuditAnchor[],
  expected: readonly AuditHead[] = [],
): Promise<AnchoredVerification> {
  const chain = await verifyAuditChain(deps);
  if (!chain.ok) return chain;
  const restoredAt = anchors.map((a) => a.reason).lastIndexOf('restore');
  const active: (AuditHead & Partial<AuditAnchor>)[] = [
    ...anchors.slice(Math.max(0, restoredAt)),
    ...expected,
  ];
  // The furthest anchor the chain falls short of is the one to name.
  const beyond = active.filter((a) => a.entries > chain.entries).sort((a, b) => b.entries - a.entries)[0];
  if (beyond) return { ok: false, entries: chain.entries, reason: 'truncated', anchor: beyond };
  const seqs = [...new Set(active.map((a) => a.entries).filter((n) => n > 0))];
  const hashes = new Map<number, string>([[0, auditGenesisHash]]);
  for (let i = 0; i < seqs.length; i += 500) {
    const rows = await deps.db
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', 'in', seqs.slice(i, i + 500))
      .execute();
    for (const row of rows) hashes.set(Number(row.seq), row.hash);
  }
  const wrong = active
    .filter((a) => hashes.get(a.entries) !== a.hash)
    .sort((a, b) => a.entries - b.entries)[0];
  if (wrong) {
    return { ok: false, entries: chain.entries, brokenSeq: wrong.entries, reason: 'anchor', anchor: wrong };
  }
  return { ...chain, anchorsChecked: active.length, latest: anchors.at(-1) ?? null };
}

/** Parses an operator's kept head, `ENTRIES:HASH` as `audit verify` prints it. */
export function parseAuditHead(text: string): AuditHead {
  const match = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `锚点应写作“条数:哈希”（如 audit verify 所示）：${text}`,
      `an anchor is ENTRIES:HASH, as audit verify prints it: ${text}`,
    );
  }
  return { entries: Number(match[1]), hash: match[2] as string };
}

/** The anchor written beside a backup file: the head of the chain the backup holds. */
export function backupAnchorFile(backupFile: string): string {
  return `${backupFile}.audit-anchor.json`;
}

const sqliteAuditHead = (path: string) => readSqliteAuditHead(path, auditGenesisHash);

/**
 * After `db backup`: writes the backup's head beside it (`<backup>.audit-anchor.json`) and appends it to the
 * live database's anchor file. Returns the head.
 */
export function anchorBackup(
  backupFile: string,
  anchorFile: string | null,
  clock: () => Date = () => new Date(),
): AuditAnchor {
  const anchor: AuditAnchor = { ...sqliteAuditHead(backupFile), at: clock().toISOString(), reason: 'backup' };
  writeFileSync(backupAnchorFile(backupFile), `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o640 });
  if (anchorFile) appendAuditAnchor(anchorFile, anchor);
  return anchor;
}

/**
 * Before `db restore`: a backup whose chain head differs from the anchor written beside it was changed after the
 * backup was taken, and is refused. Without an anchor beside it (an older backup) there is nothing to check.
 */
export function checkBackupAnchor(backupFile: string): void {
  const beside = backupAnchorFile(backupFile);
  if (!existsSync(beside) || !existsSync(backupFile)) return;
  let kept: AuditHead;
  try {
    kept = JSON.parse(readFileSync(beside, 'utf8')) as AuditHead;
  } catch {
    kept = { entries: -1, hash: '' };
  }
  const head = sqliteAuditHead(backupFile);
  if (head.entries !== kept.entries || head.hash !== kept.hash) {
    throw new DomainError(
      'BACKUP_INVALID',
      `备份的审计链（${head.entries} 条）与备份时记录的锚点（${beside}：${kept.entries} 条）不符，备份可能已被改动，未恢复`,
      `the backup's audit chain (${head.entries} entries) does not match the anchor written with it (${beside}: ${kept.entries} entries); it may have been altered, and was not restored`,
    );
  }
}

/** After `db restore`: the restored chain starts afresh in the anchor file (earlier anchors no longer apply). */
export function anchorRestore(
  restoredFile: string,
  anchorFile: string | null,
  clock: () => Date = () => new Date(),
): AuditAnchor {
  const anchor: AuditAnchor = {
    ...sqliteAuditHead(restoredFile),
    at: clock().toISOString(),
    reason: 'restore',
  };
  if (anchorFile) appendAuditAnchor(anchorFile, anchor);
  return anchor;
}
