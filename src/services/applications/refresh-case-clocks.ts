import type { Kysely } from 'kysely';
import type { Agency } from '../../core/agency.js';
import { caseClock } from '../../core/applications/state-machine.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import type { Database } from '../../storage/schema.js';
import { writeTransaction } from '../../storage/write-transaction.js';
import { calendarKeyOf, calendarOf, clockPolicyOf, dueBasisOf } from './case-calendar.js';

const BATCH = 500;

/**
 * Recomputes the due date, due ordinal and provisional flag of the agency's open cases from their histories with
 * the agency's current calendar and counting rule, inside an open transaction; records the calendar key. Returns
 * how many cases changed.
 */
export async function refreshAgencyCaseClocks(
  trx: Kysely<Database>,
  agency: Agency,
  at: string,
): Promise<number> {
  const calendar = calendarOf(agency);
  const policy = clockPolicyOf(agency);
  let changed = 0;
  for (let after = ''; ;) {
    const ids = await applicationsRepository.openIdsOf(trx, agency.id, after, BATCH);
    if (ids.length === 0) break;
    const histories = await applicationsRepository.listEventsOfMany(trx, ids);
    for (const id of ids) {
      const clock = caseClock(calendar, histories.get(id)!, policy);
      const basis = dueBasisOf(agency, clock.due, false);
      await applicationsRepository.setDue(trx, id, { dueOn: clock.due, ...basis });
      changed += 1;
    }
    after = ids[ids.length - 1]!;
  }
  await applicationsRepository.setClockBasis(trx, agency.id, calendarKeyOf(agency), at);
  return changed;
}

/**
 * Brings every agency's stored due dates up to date with its calendar: agencies whose calendar key differs from
 * the one their cases were computed with (a new release's national calendar, changed local days or counting rule,
 * or a database migrated from before the stored ordinals) are recomputed, each in its own transaction. Cheap when
 * nothing changed: one read of the agencies and the keys. Returns the agencies recomputed.
 */
export async function refreshCaseClocks(db: Kysely<Database>, now: () => Date): Promise<string[]> {
  const [agencies, bases] = await Promise.all([
    agenciesRepository.listAll(db),
    applicationsRepository.clockBases(db),
  ]);
  const stale = agencies.filter((a) => bases.get(a.id) !== calendarKeyOf(a));
  for (const agency of stale) {
    await writeTransaction(db, async (trx) => {
      // Read again under the write lock: another process may have refreshed it meanwhile.
      const fresh = await agenciesRepository.findById(trx, agency.id);
      if (!fresh) return;
      const current = (await applicationsRepository.clockBases(trx)).get(fresh.id);
      if (current === calendarKeyOf(fresh)) return;
      await refreshAgencyCaseClocks(trx, fresh, now().toISOString());
    });
  }
  return stale.map((a) => a.code);
}
