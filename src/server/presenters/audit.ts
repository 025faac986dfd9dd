import type { z } from 'zod';
import type { AuditEntry } from '../../core/audit.js';
import type { auditEntryReply } from '../schemas/platform.js';

/** An audit entry with its chain hashes, so a reader can check the chain independently. */
export function presentAuditEntry(entry: AuditEntry): z.output<typeof auditEntryReply> {
  return { ...entry };
}
