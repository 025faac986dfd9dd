import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/accounts/create-user.js';
import { listUsers, listUsersPage } from '../../src/services/accounts/list-users.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { staff } from '../support/applications.js';

describe.each(databases)('staff accounts a page at a time on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let agency: Record<string, string>;

  beforeAll(async () => {
    ({ platform, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    agency = Object.fromEntries((await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]));
    for (let i = 0; i < 7; i += 1) {
      await createUser(platform, cliOperator, {
        username: `page.user${i}`,
        displayName: `分页用户${i}`,
        grants: [{ role: 'registrar', agency: i % 2 === 0 ? 'demo-education' : 'demo-subdistrict' }],
      });
    }
  }, 60_000);
  afterAll(() => close());

  async function everyPage(principal: Parameters<typeof listUsersPage>[1], limit: number) {
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listUsersPage(platform, principal, { cursor, limit });
      expect(page.users.length).toBeLessThanOrEqual(limit);
      names.push(...page.users.map((u) => u.username));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return names;
  }

  it('pages through the accounts by username: the same accounts as the whole list, each once', async () => {
    const whole = (await listUsers(platform, cliOperator)).map((u) => u.username);
    expect(whole.length).toBeGreaterThan(7);
    expect(await everyPage(cliOperator, 3)).toEqual(whole);
    const admin = staff({ role: 'admin', agencyId: agency['demo-education']! });
    const scoped = (await listUsers(platform, admin)).map((u) => u.username);
    expect(scoped).toContain('page.user0');
    expect(scoped).not.toContain('page.user1');
    expect(await everyPage(admin, 2)).toEqual(scoped);
  });

  it('refuses a cursor of another list', async () => {
    await expect(
      listUsersPage(platform, cliOperator, { cursor: 'WyJhcHBsaWNhdGlvbnM6YWxsIiwieCIsInkiXQ' }),
    ).rejects.toMatchObject({
      code: 'CURSOR_INVALID',
    });
  });
});
