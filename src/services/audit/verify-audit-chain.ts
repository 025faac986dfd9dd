import { auditGenesisHash } from '../../core/audit.js';
import { auditRepository, hashAuditEntry } from '../../storage/audit-repository.js';
import type { PlatformDeps } from '../platform/platform.js';

export type AuditVerification =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenSeq: number; reason: 'sequence' | 'link' | 'hash' };

/** Walks the whole chain: sequence numbers without gaps, each entry linked to the previous hash, each hash right. */
export async function verifyAuditChain(deps: Pick<PlatformDeps, 'db'>): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = auditGenesisHash;
  for (;;) {
    const batch = await auditRepository.list(deps.db, { afterSeq: expectedSeq - 1, limit: 1000 });
    if (batch.length === 0) return { ok: true, entries: expectedSeq - 1, lastHash: prevHash };
    for (const entry of batch) {
      const entries = expectedSeq - 1;
      if (entry.seq !== expectedSeq)
        return { ok: false, entries, brokenSeq: expectedSeq, reason: 'sequence' };
      if (entry.prevHash !== prevHash) return { ok: false, entries, brokenSeq: entry.seq, reason: 'link' };
      const { hash, ...rest } = entry;
      if (hashAuditEntry(rest) !== hash) return { ok: false, entries, brokenSeq: entry.seq, reason: 'hash' };
      prevHash = hash;
      expectedSeq += 1;
    }
  }
}
