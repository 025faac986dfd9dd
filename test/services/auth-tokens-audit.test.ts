import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { limits } from '../../src/core/limits.js';
import { throttlePolicies } from '../../src/core/login-throttle.js';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { listTokens } from '../../src/services/accounts/list-tokens.js';
import { logIn } from '../../src/services/accounts/log-in.js';
import { logOut } from '../../src/services/accounts/log-out.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { resolveSession } from '../../src/services/accounts/resolve-session.js';
import { resolveToken } from '../../src/services/accounts/resolve-token.js';
import { revokeToken } from '../../src/services/accounts/revoke-token.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { setUserPassword } from '../../src/services/accounts/set-user-password.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { databases, freshPlatform } from '../helpers/databases.js';

const password = 'correct horse battery staple';

describe.each(databases)('auth, tokens and audit on %s', (_name, fresh) => {
  let platform: Platform;
  let clock: { now: Date };
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ platform, clock, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    await createUser(platform, cliOperator, {
      username: 'zhao',
      displayName: '赵六',
      password,
      grants: [{ role: 'registrar', agency: 'demo-education' }],
    });
  });
  afterAll(() => close());

  const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));

  it('logs in, resolves the session, expires it when idle and at the absolute end', async () => {
    const login = await logIn(platform, { username: 'zhao', password, ip: '10.0.0.1' });
    expect(login.user.username).toBe('zhao');
    const resolved = await resolveSession(platform, login.sessionId, '10.0.0.1');
    expect(resolved?.csrfToken).toBe(login.csrfToken);
    expect(resolved?.principal.grants).toEqual(
      login.user.grants.map((g) => ({ role: g.role, agencyId: g.agencyId })),
    );
    expect(await resolveSession(platform, 'not-a-session', '10.0.0.1')).toBeNull();
    advance(limits.sessionIdleMs);
    expect(await resolveSession(platform, login.sessionId, '10.0.0.1')).toBeNull();

    const second = await logIn(platform, { username: 'zhao', password, ip: '10.0.0.1' });
    for (let elapsed = 0; elapsed < limits.sessionAbsoluteMs; elapsed += limits.sessionIdleMs / 2) {
      expect(await resolveSession(platform, second.sessionId, '10.0.0.1')).not.toBeNull();
      advance(limits.sessionIdleMs / 2);
    }
    expect(await resolveSession(platform, second.sessionId, '10.0.0.1')).toBeNull();

    const third = await logIn(platform, { username: 'zhao', password, ip: '10.0.0.1' });
    const principal = (await resolveSession(platform, third.sessionId, '10.0.0.1'))?.principal;
    await logOut(platform, principal as NonNullable<typeof principal>, third.sessionId);
    expect(await resolveSession(platform, third.sessionId, '10.0.0.1')).toBeNull();
  });

  it('throttles repeated failures from one address and lets them try again after the wait', async () => {
    await expect(logIn(platform, { username: 'nobody', password, ip: '10.0.0.2' })).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });
    for (let i = 0; i < throttlePolicies.accountAddress.freeFailures; i++) {
      await expect(
        logIn(platform, { username: 'zhao', password: 'wrong', ip: '10.0.0.2' }),
      ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    }
    await expect(logIn(platform, { username: 'zhao', password, ip: '10.0.0.2' })).rejects.toMatchObject({
      code: 'LOGIN_THROTTLED',
    });
    advance(throttlePolicies.accountAddress.firstDelayMs);
    expect((await logIn(platform, { username: 'zhao', password, ip: '10.0.0.2' })).user.username).toBe(
      'zhao',
    );
  });

  it('forgets failures older than the window', async () => {
    for (let i = 0; i < throttlePolicies.accountAddress.freeFailures - 1; i++) {
      await expect(
        logIn(platform, { username: 'zhao', password: 'wrong', ip: '10.0.0.2' }),
      ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    }
    advance(throttlePolicies.accountAddress.forgetAfterMs);
    for (let i = 0; i < throttlePolicies.accountAddress.freeFailures; i++) {
      await expect(
        logIn(platform, { username: 'zhao', password: 'wrong', ip: '10.0.0.2' }),
      ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    }
    advance(throttlePolicies.accountAddress.forgetAfterMs);
  });

  it('sets a password from the command line', async () => {
    const generated = await setUserPassword(platform, cliOperator, 'jiedao.jingban');
    expect(generated).toMatch(/^[\w-]{20}$/);
    expect(
      (await logIn(platform, { username: 'jiedao.jingban', password: generated as string, ip: '1.1.1.1' }))
        .user.username,
    ).toBe('jiedao.jingban');
  });

  it('creates API tokens shown once, stored hashed, revocable', async () => {
    const { token, record } = await createToken(platform, cliOperator, { name: '集成', username: 'zhao' });
    expect(token.startsWith('gk_')).toBe(true);
    const principal = await resolveToken(platform, token, '10.0.0.3');
    expect(principal?.username).toBe('zhao');
    expect(principal?.via).toBe('token');
    const stored = await platform.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await listTokens(platform, principal as NonNullable<typeof principal>)).map((t) => t.id)).toEqual(
      [record.id],
    );
    const own = await createToken(platform, principal as NonNullable<typeof principal>, { name: '自己的' });
    await expect(
      createToken(platform, principal as NonNullable<typeof principal>, { name: 'x', username: 'admin' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await revokeToken(platform, principal as NonNullable<typeof principal>, record.id);
    expect(await resolveToken(platform, token, '10.0.0.3')).toBeNull();
    expect(await resolveToken(platform, own.token, '10.0.0.3')).not.toBeNull();
    expect(await resolveToken(platform, 'gk_forged', '10.0.0.3')).toBeNull();
  });

  it('verifies the audit chain and names the first tampered row', async () => {
    const intact = await verifyAuditChain(platform);
    expect(intact).toMatchObject({ ok: true });
    const target = 5;
    const dropTrigger =
      platform.target.dialect === 'sqlite'
        ? sql`drop trigger audit_log_no_update`
        : sql`alter table audit_log disable trigger audit_log_no_update_delete`;
    await dropTrigger.execute(platform.db);
    await sql`update audit_log set after_json = '{"forged":true}' where seq = ${target}`.execute(platform.db);
    expect(await verifyAuditChain(platform)).toEqual({
      ok: false,
      entries: target - 1,
      brokenSeq: target,
      reason: 'hash',
    });
  });
});
