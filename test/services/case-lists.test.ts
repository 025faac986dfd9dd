import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/date.js';
import { workingDaysLeft } from '../../src/core/clock/working-days.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import { updateAgency } from '../../src/services/agencies/update-agency.js';
import { calendarOf } from '../../src/services/applications/case-calendar.js';
import { getApplication } from '../../src/services/applications/get-application.js';
import {
  listApplicationsPage,
  type ApplicationListItem,
  type ListApplicationsQuery,
} from '../../src/services/applications/list-applications.js';
import { recordApplicationEvent } from '../../src/services/applications/record-application-event.js';
import { registerApplication } from '../../src/services/applications/register-application.js';
import { openPlatform, type Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import type { Agency } from '../../src/core/agency.js';
import { databases, freshPlatform, testScryptLog2N, type TestDatabase } from '../helpers/databases.js';
import { applicationInput } from '../support/applications.js';

/** Every page of a list, following nextCursor; fails on a repeated case. */
async function allPages(
  platform: Platform,
  query: ListApplicationsQuery,
): Promise<{ items: ApplicationListItem[]; pages: number }> {
  const items: ApplicationListItem[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listApplicationsPage(platform, cliOperator, { ...query, cursor });
    items.push(...page.items);
    pages += 1;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  expect(new Set(items.map((i) => i.record.id)).size).toBe(items.length);
  return { items, pages };
}

const byRegisteredDesc = (a: ApplicationListItem, b: ApplicationListItem) =>
  a.record.registeredOn === b.record.registeredOn
    ? a.record.trackingNumber < b.record.trackingNumber
      ? 1
      : -1
    : a.record.registeredOn < b.record.registeredOn
      ? 1
      : -1;

const byDueAsc = (a: ApplicationListItem, b: ApplicationListItem) =>
  a.record.dueOn === b.record.dueOn
    ? a.record.trackingNumber < b.record.trackingNumber
      ? -1
      : 1
    : a.record.dueOn! < b.record.dueOn!
      ? -1
      : 1;

describe.each(databases)('case lists in the database on %s', (_name, fresh) => {
  let platform: Platform;
  let database: TestDatabase;
  let close: () => Promise<void>;
  let clock: { now: Date };
  let agencies: Map<string, Agency>;
  const registered: string[] = [];

  beforeAll(async () => {
    ({ platform, database, close, clock } = await freshPlatform(fresh));
    await seedDemo(platform);
    agencies = new Map((await listAgencies(platform, cliOperator)).map((a) => [a.code, a]));
    // 30 cases over six weeks at two agencies; a third of them answered (closed).
    for (let i = 0; i < 30; i += 1) {
      clock.now = new Date(Date.parse('2026-01-05T02:00:00Z') + Math.floor(i / 2) * 3 * 86_400_000);
      const code = i % 2 === 0 ? 'demo-education' : 'demo-subdistrict';
      const result = await registerApplication(
        platform,
        cliOperator,
        applicationInput(code, { request: { description: `申请公开第${i}号文件及其附件` } }),
      );
      registered.push(result.record.id);
      if (i % 3 === 0) {
        await recordApplicationEvent(platform, cliOperator, result.record.id, {
          type: 'answered',
          date: result.record.registeredOn,
          outcome: 'disclosed',
          legalGround: '条例第三十六条第二项',
        });
      }
    }
    clock.now = new Date('2026-02-24T02:00:00Z');
  }, 120_000);
  afterAll(() => close());

  it('pages through a subtree with cursors: every case once, newest first, as one list would', async () => {
    const whole = await allPages(platform, { agency: 'demo-district', subtree: true, limit: 7 });
    expect(whole.items.length).toBeGreaterThanOrEqual(30);
    expect(whole.pages).toBe(Math.ceil(whole.items.length / 7) + (whole.items.length % 7 === 0 ? 1 : 0));
    for (const id of registered) expect(whole.items.some((i) => i.record.id === id)).toBe(true);
    expect(whole.items).toEqual([...whole.items].sort(byRegisteredDesc));

    const open = await allPages(platform, {
      agency: 'demo-district',
      subtree: true,
      filter: 'open',
      limit: 4,
    });
    expect(open.items.map((i) => i.record.id)).toEqual(
      whole.items.filter((i) => i.record.closedOn === null).map((i) => i.record.id),
    );
    const closed = await allPages(platform, { agency: 'demo-district', subtree: true, filter: 'closed' });
    expect(closed.items.map((i) => i.record.id)).toEqual(
      whole.items.filter((i) => i.record.closedOn !== null).map((i) => i.record.id),
    );
    const answered = await allPages(platform, { agency: 'demo-education', status: 'answered', limit: 2 });
    expect(answered.items.map((i) => i.record.id)).toEqual(
      whole.items
        .filter(
          (i) => i.record.status === 'answered' && i.record.agencyId === agencies.get('demo-education')!.id,
        )
        .map((i) => i.record.id),
    );
    // The old offset still pages (bounded), the same rows as the cursor's second page.
    const second = await listApplicationsPage(platform, cliOperator, {
      agency: 'demo-district',
      subtree: true,
      limit: 7,
      offset: 7,
    });
    expect(second.items.map((i) => i.record.id)).toEqual(whole.items.slice(7, 14).map((i) => i.record.id));
  });

  it('overdue and due-soon lists hold exactly the open cases the clock puts there, with days left', async () => {
    for (const day of ['2026-02-24', '2026-03-02', '2026-03-20']) {
      clock.now = new Date(`${day}T02:00:00Z`);
      const all = await allPages(platform, { agency: 'demo-district', subtree: true });
      const expected = all.items
        .filter((i) => i.record.closedOn === null && i.record.dueOn !== null)
        .map((i) => {
          const agency = [...agencies.values()].find((a) => a.id === i.record.agencyId)!;
          return { ...i, daysLeft: workingDaysLeft(calendarOf(agency), i.record.dueOn!, day) };
        })
        .sort(byDueAsc);
      expect(expected.length).toBeGreaterThan(5);
      const overdue = await allPages(platform, {
        agency: 'demo-district',
        subtree: true,
        filter: 'overdue',
        limit: 3,
      });
      expect(overdue.items.map((i) => [i.record.trackingNumber, i.daysLeft])).toEqual(
        expected.filter((i) => i.daysLeft < 0).map((i) => [i.record.trackingNumber, i.daysLeft]),
      );
      for (const within of [0, 5, 12]) {
        const soon = await allPages(platform, {
          agency: 'demo-district',
          subtree: true,
          filter: 'dueSoon',
          withinDays: within,
          limit: 3,
        });
        expect(soon.items.map((i) => [i.record.trackingNumber, i.daysLeft])).toEqual(
          expected.filter((i) => i.daysLeft <= within).map((i) => [i.record.trackingNumber, i.daysLeft]),
        );
      }
    }
    clock.now = new Date('2026-02-24T02:00:00Z');
  });

  it('a change of the agency calendar moves its open cases on the lists at once', async () => {
    const education = agencies.get('demo-education')!;
    const before = await allPages(platform, { agency: 'demo-education', filter: 'dueSoon', withinDays: 10 });
    const first = before.items[0]!;
    expect(first.record.dueOn).not.toBeNull();
    // A local holiday on the first case's due date and the working day before it: due two working days later.
    const dueOn = first.record.dueOn!;
    const updated = await updateAgency(platform, cliOperator, education.id, {
      settings: {
        ...education.settings,
        calendarOverrides: [
          { date: dueOn, workday: false, note: '本地节日' },
          { date: addDays(dueOn, -1), workday: false, note: '本地节日' },
        ],
      },
    });
    const after = await allPages(platform, { agency: 'demo-education', filter: 'dueSoon', withinDays: 10 });
    const moved = after.items.find((i) => i.record.id === first.record.id)!;
    expect(moved.record.dueOn! > dueOn).toBe(true);
    expect(moved.daysLeft).toBe(workingDaysLeft(calendarOf(updated), moved.record.dueOn!, '2026-02-24'));
    const view = await getApplication(platform, cliOperator, first.record.id);
    expect(view.clock.due).toBe(moved.record.dueOn);
    await updateAgency(platform, cliOperator, education.id, { settings: education.settings });
    const restored = await allPages(platform, {
      agency: 'demo-education',
      filter: 'dueSoon',
      withinDays: 10,
    });
    expect(restored.items.find((i) => i.record.id === first.record.id)!.record.dueOn).toBe(dueOn);
  });

  it('a database from before the stored ordinals is filled in when the platform opens', async () => {
    const expected = await allPages(platform, { agency: 'demo-district', subtree: true, filter: 'dueSoon' });
    expect(expected.items.length).toBeGreaterThan(0);
    await sql`update applications set due_ordinal = null`.execute(platform.db);
    await sql`delete from case_clock_basis`.execute(platform.db);
    const emptied = await allPages(platform, { agency: 'demo-district', subtree: true, filter: 'dueSoon' });
    expect(emptied.items).toEqual([]);
    const reopened = await openPlatform(database.url, {
      clock: () => clock.now,
      scryptLog2N: testScryptLog2N,
    });
    try {
      const again = await allPages(reopened, { agency: 'demo-district', subtree: true, filter: 'dueSoon' });
      expect(again.items).toEqual(expected.items);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a cursor of another list, a forged cursor and a deep offset with clear errors', async () => {
    const page = await listApplicationsPage(platform, cliOperator, {
      agency: 'demo-district',
      subtree: true,
      limit: 2,
    });
    expect(page.nextCursor).not.toBeNull();
    await expect(
      listApplicationsPage(platform, cliOperator, {
        agency: 'demo-district',
        subtree: true,
        filter: 'overdue',
        cursor: page.nextCursor!,
      }),
    ).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    await expect(
      listApplicationsPage(platform, cliOperator, { agency: 'demo-district', cursor: 'bm90LWEtY3Vyc29y' }),
    ).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    await expect(
      listApplicationsPage(platform, cliOperator, { agency: 'demo-district', offset: 10_001 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('cursor') });
  });
});
