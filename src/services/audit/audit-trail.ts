import type { Kysely } from 'kysely';
import type { AuditActor, AuditEvent } from '../../core/audit.js';
import { auditRepository } from '../../storage/audit-repository.js';
import type { Database } from '../../storage/schema.js';
import { writeTransaction } from '../../storage/write-transaction.js';
import type { PlatformDeps } from '../platform/platform.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';

/**
 * Runs a change and appends its audit entries in the same transaction: either both are stored or neither.
 * `record` may be called several times; entries are appended in call order, after the change itself.
 */
export async function withAudit<T>(
  deps: PlatformDeps,
  principal: Principal,
  change: (trx: Kysely<Database>, record: (event: AuditEvent) => void) => Promise<T>,
): Promise<T> {
  return withAuditAs(deps, auditActorOf(principal), change);
}

/** As withAudit, for an actor that is not a principal (a member of the public on the online channel). */
export async function withAuditAs<T>(
  deps: PlatformDeps,
  actor: AuditActor,
  change: (trx: Kysely<Database>, record: (event: AuditEvent) => void) => Promise<T>,
): Promise<T> {
  return writeTransaction(deps.db, async (trx) => {
    const events: AuditEvent[] = [];
    const result = await change(trx, (event) => void events.push(event));
    const at = deps.clock().toISOString();
    for (const event of events) await auditRepository.append(trx, at, actor, event);
    return result;
  });
}
