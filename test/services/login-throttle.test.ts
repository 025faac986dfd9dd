import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterFailure, beijingTime, throttlePolicies } from '../../src/core/login-throttle.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { logIn } from '../../src/services/accounts/log-in.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { openPlatform, type Platform } from '../../src/services/platform/platform.js';
import { databases, freshPlatform, freshSqlite } from '../helpers/databases.js';

const password = 'the owner knows this one';

describe.each(databases)('login throttling on %s', (_name, fresh) => {
  let platform: Platform;
  let clock: { now: Date };
  let close: () => Promise<void>;
  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

  beforeAll(async () => {
    ({ platform, clock, close } = await freshPlatform(fresh));
    for (const [username, role] of [
      ['owner.admin', 'admin'],
      ['other.user', 'registrar'],
    ] as const) {
      await platform.db
        .insertInto('agencies')
        .values({
          id: `agency-${username}`,
          parent_id: null,
          code: username.replace('.', '-'),
          name: '机关',
          kind: 'government',
          office_name: null,
          address: null,
          office_hours: null,
          phone: null,
          fax: null,
          website: null,
          email: null,
          settings_json: '{}',
          created_at: clock.now.toISOString(),
          updated_at: clock.now.toISOString(),
        })
        .execute();
      await createUser(platform, cliOperator, {
        username,
        displayName: username,
        password,
        grants: [{ role, agency: username.replace('.', '-') }],
      });
    }
  });
  afterAll(() => close());

  const attempt = (username: string, pw: string, ip: string) =>
    logIn(platform, { username, password: pw, ip });

  it('a stranger failing many times cannot lock the owner out, even an administrator', async () => {
    const stranger = '203.0.113.50';
    const codes: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      codes.push(
        await attempt('owner.admin', `guess ${i}`, stranger).then(
          () => 'OK',
          (e: { code: string }) => e.code,
        ),
      );
      advance(1_000);
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('LOGIN_FAILED'));
    expect(codes).toContain('LOGIN_THROTTLED');
    // The owner, from their own address, signs in at once.
    expect((await attempt('owner.admin', password, '198.51.100.1')).user.username).toBe('owner.admin');
    // The stranger is still waiting, even with the right password (no guess is checked while throttled).
    await expect(attempt('owner.admin', password, stranger)).rejects.toMatchObject({
      code: 'LOGIN_THROTTLED',
    });
  });

  it('delays grow after the free failures, and the wait is said in Beijing time', async () => {
    const ip = '192.0.2.10';
    for (let i = 0; i < throttlePolicies.accountAddress.freeFailures - 1; i += 1) {
      await expect(attempt('other.user', 'wrong', ip)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    }
    const waits: number[] = [];
    for (let round = 0; round < 4; round += 1) {
      await expect(attempt('other.user', 'wrong', ip)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
      const refused = await attempt('other.user', 'wrong', ip).catch((e) => e);
      expect(refused.code).toBe('LOGIN_THROTTLED');
      const until = new Date(refused.details.until as string);
      waits.push(until.getTime() - clock.now.getTime());
      expect(refused.messageZh).toBe(
        `登录失败次数较多，请于北京时间 ${beijingTime(until.toISOString())} 之后再试`,
      );
      expect(refused.messageZh).not.toContain('Z');
      clock.now = until;
    }
    expect(waits).toEqual([2_000, 4_000, 8_000, 16_000]);
    // The right password after the wait signs in and clears the count.
    expect((await attempt('other.user', password, ip)).user.username).toBe('other.user');
    await expect(attempt('other.user', 'wrong', ip)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    // Failures on a real account are in the audit trail with the address.
    const failures = (await listAudit(platform, cliOperator, { limit: 500 })).filter(
      (e) => e.action === 'auth.login-failed' && e.source.endsWith(ip),
    );
    expect(failures.length).toBeGreaterThanOrEqual(8);
    advance(throttlePolicies.accountAddress.forgetAfterMs);
  });

  it('one address guessing many usernames is throttled across them; other addresses are not', async () => {
    const ip = '192.0.2.99';
    for (let i = 0; i < throttlePolicies.address.freeFailures; i += 1) {
      await expect(attempt(`name${i}`, 'wrong', ip)).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    }
    await expect(attempt('another.name', 'wrong', ip)).rejects.toMatchObject({ code: 'LOGIN_THROTTLED' });
    await expect(attempt('other.user', password, ip)).rejects.toMatchObject({ code: 'LOGIN_THROTTLED' });
    expect((await attempt('other.user', password, '192.0.2.100')).user.username).toBe('other.user');
    advance(throttlePolicies.address.forgetAfterMs);
    expect((await attempt('other.user', password, ip)).user.username).toBe('other.user');
  });
});

describe('login timing', () => {
  it('formats instants in Beijing time and doubles waits up to the cap', () => {
    expect(beijingTime('2026-12-02T03:24:56.991Z')).toBe('2026-12-02 11:24:56');
    let state = null;
    const now = new Date('2026-01-01T00:00:00Z');
    for (let i = 0; i < 40; i += 1) state = afterFailure(state, now, throttlePolicies.accountAddress);
    expect(new Date(state!.blockedUntil!).getTime() - now.getTime()).toBe(
      throttlePolicies.accountAddress.maxDelayMs,
    );
  });

  it('an unknown username costs the same scrypt work as a real one (ratio of medians, same run)', async () => {
    const database = await freshSqlite();
    // The production cost: the difference the issue measured (16 ms against 286 ms) came from a cheaper dummy hash.
    const platform = await openPlatform(database.url, { scryptLog2N: 15 });
    try {
      await platform.db
        .insertInto('agencies')
        .values({
          id: 'a1',
          parent_id: null,
          code: 'a1',
          name: '机关',
          kind: 'government',
          office_name: null,
          address: null,
          office_hours: null,
          phone: null,
          fax: null,
          website: null,
          email: null,
          settings_json: '{}',
          created_at: new Date().toISOString(),
          updated_at: new Date().toISOString(),
        })
        .execute();
      await createUser(platform, cliOperator, {
        username: 'real.user',
        displayName: 'r',
        password,
        grants: [{ role: 'registrar', agency: 'a1' }],
      });
      const time = async (username: string, i: number) => {
        const start = performance.now();
        await logIn(platform, { username, password: 'not it at all', ip: `10.9.${i}.1` }).catch(
          () => undefined,
        );
        return performance.now() - start;
      };
      await time('warm.up', 99);
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        known.push(await time('real.user', i));
        unknown.push(await time(`ghost${i}`, i + 10));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[2] as number;
      const ratio = median(unknown) / median(known);
      // Equal work gives ~1; the old dummy hash gave ~0.06. Generous bounds for a loaded machine.
      expect(ratio).toBeGreaterThan(0.4);
      expect(ratio).toBeLessThan(2.5);
    } finally {
      await platform.close();
      await database.drop();
    }
  }, 120_000);
});
