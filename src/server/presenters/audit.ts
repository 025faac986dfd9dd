import type { AuditEntry } from '../../core/audit.js';

/** An audit entry with its chain hashes, so a reader can check the chain independently. */
export function presentAuditEntry(entry: AuditEntry) {
  return { ...entry };
}
