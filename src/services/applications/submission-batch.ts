import { sql, type Kysely } from 'kysely';
import type { Agency } from '../../core/agency.js';
import type { AuditActor, AuditEvent } from '../../core/audit.js';
import { auditRepository } from '../../storage/audit-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import type { Database } from '../../storage/schema.js';
import { writeTransaction } from '../../storage/write-transaction.js';
import type { PlatformDeps } from '../platform/platform.js';
import { registerInTransaction, type RegisteredApplication } from './register-application.js';

type Parsed = Parameters<typeof registerInTransaction>[3];

/** The most submissions one commit carries (a batch holds the database's one writer while it runs). */
export const MAX_SUBMISSIONS_PER_COMMIT = 64;

interface Pending {
  agency: Agency;
  input: Parsed;
  actor: AuditActor;
  resolve: (value: RegisteredApplication) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: RegisteredApplication } | { ok: false; error: unknown };

/**
 * Group commit of public submissions: the submissions that arrive while one commit is being written are written
 * together in the next transaction, each in its own savepoint (one bad submission fails alone), and every one of
 * them is acknowledged only after that transaction has committed. On SQLite (synchronous = FULL) a commit is on
 * disk before it returns, so an acknowledged application survives the process being killed or the power failing;
 * a batch shares one WAL sync instead of paying one each.
 */
class SubmissionBatcher {
  private queue: Pending[] = [];
  private running = false;
  private scheduled = false;

  constructor(private readonly deps: PlatformDeps) {}

  submit(agency: Agency, input: Parsed, actor: AuditActor): Promise<RegisteredApplication> {
    return new Promise((resolve, reject) => {
      this.queue.push({ agency, input, actor, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // After the I/O callbacks of this turn: submissions that arrived together go in one commit.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.running = true;
    const batch = this.queue.splice(0, MAX_SUBMISSIONS_PER_COMMIT);
    let outcomes: Outcome[] = [];
    try {
      await writeTransaction(this.deps.db, async (trx) => {
        outcomes = [];
        for (const item of batch) outcomes.push(await this.registerOne(trx, item));
      });
      batch.forEach((item, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    } catch (error) {
      // The commit itself failed: nothing of the batch is stored, and nothing is acknowledged.
      for (const item of batch) item.reject(error);
    } finally {
      this.running = false;
      if (this.queue.length > 0) this.schedule();
    }
  }

  private async registerOne(trx: Kysely<Database>, item: Pending): Promise<Outcome> {
    for (let attempt = 0; ; attempt += 1) {
      await sql`savepoint submission`.execute(trx);
      try {
        const events: AuditEvent[] = [];
        const value = await registerInTransaction(trx, this.deps, item.agency, item.input, item.actor, (e) =>
          events.push(e),
        );
        const at = this.deps.clock().toISOString();
        for (const event of events) await auditRepository.append(trx, at, item.actor, event);
        await sql`release savepoint submission`.execute(trx);
        return { ok: true, value };
      } catch (error) {
        await sql`rollback to savepoint submission`.execute(trx);
        await sql`release savepoint submission`.execute(trx);
        // Another process took the same number or form meanwhile: register it again (as runRegistration does).
        if (attempt < 2 && isUniqueViolation(error)) continue;
        return { ok: false, error };
      }
    }
  }
}

const batchers = new WeakMap<object, SubmissionBatcher>();

/** Registers a public submission in the next group commit of the database; resolves once it is durable. */
export function registerInNextCommit(
  deps: PlatformDeps,
  agency: Agency,
  input: Parsed,
  actor: AuditActor,
): Promise<RegisteredApplication> {
  let batcher = batchers.get(deps.db);
  if (!batcher) {
    batcher = new SubmissionBatcher(deps);
    batchers.set(deps.db, batcher);
  }
  return batcher.submit(agency, input, actor);
}
