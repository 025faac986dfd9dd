import { createHash } from 'node:crypto';
import { sql, SqliteAdapter } from 'kysely';
import {
  auditGenesisHash,
  auditHashInput,
  type AuditActor,
  type AuditEntry,
  type AuditEvent,
} from '../core/audit.js';
import type { Executor } from './executor.js';
import type { AuditLogTable } from './schema.js';

function toEntry(row: AuditLogTable): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorUserId: row.actor_user_id,
    actor: row.actor,
    source: row.source,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    agencyId: row.agency_id,
    before: JSON.parse(row.before_json),
    after: JSON.parse(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** sha256(previous hash + canonical JSON of the entry without its hash). */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return createHash('sha256').update(auditHashInput(entry), 'utf8').digest('hex');
}

/** The append-only audit trail. There is deliberately no update or delete here. */
export const auditRepository = {
  /**
   * Appends one entry; call inside the transaction of the change it records. On PostgreSQL an advisory lock held
   * to the end of the transaction keeps concurrent writers from forking the chain; SQLite has one writer anyway.
   */
  async append(trx: Executor, at: string, actor: AuditActor, event: AuditEvent): Promise<AuditEntry> {
    if (!(trx.getExecutor().adapter instanceof SqliteAdapter)) {
      await sql`select pg_advisory_xact_lock(7171717)`.execute(trx);
    }
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    // JSON round trip so the hashed value is exactly what is stored and read back.
    const unhashed: Omit<AuditEntry, 'hash'> = {
      seq: last ? Number(last.seq) + 1 : 1,
      at,
      actorUserId: actor.userId,
      actor: actor.label,
      source: actor.source,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      agencyId: event.agencyId,
      before: JSON.parse(JSON.stringify(event.before ?? null)),
      after: JSON.parse(JSON.stringify(event.after ?? null)),
      prevHash: last ? last.hash : auditGenesisHash,
    };
    const entry: AuditEntry = { ...unhashed, hash: hashAuditEntry(unhashed) };
    await trx
      .insertInto('audit_log')
      .values({
        seq: entry.seq,
        at: entry.at,
        actor_user_id: entry.actorUserId,
        actor: entry.actor,
        source: entry.source,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId,
        agency_id: entry.agencyId,
        before_json: JSON.stringify(entry.before),
        after_json: JSON.stringify(entry.after),
        prev_hash: entry.prevHash,
        hash: entry.hash,
      })
      .execute();
    return entry;
  },

  /** Entries after `afterSeq` in order, optionally only those of some agencies (null-agency entries excluded then). */
  async list(
    db: Executor,
    options: { afterSeq?: number; limit: number; agencyIds?: string[] | undefined },
  ): Promise<AuditEntry[]> {
    let query = db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', options.afterSeq ?? 0)
      .orderBy('seq')
      .limit(options.limit);
    if (options.agencyIds !== undefined) {
      if (options.agencyIds.length === 0) return [];
      query = query.where('agency_id', 'in', options.agencyIds);
    }
    return (await query.execute()).map(toEntry);
  },
};
