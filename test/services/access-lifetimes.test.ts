import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../src/core/limits.js';
import { changeOwnPassword } from '../../src/services/accounts/change-own-password.js';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { disableUser } from '../../src/services/accounts/disable-user.js';
import { enableUser } from '../../src/services/accounts/enable-user.js';
import { getUser } from '../../src/services/accounts/get-user.js';
import { grantRole } from '../../src/services/accounts/grant-role.js';
import { listTokens } from '../../src/services/accounts/list-tokens.js';
import { logIn } from '../../src/services/accounts/log-in.js';
import { cliOperator, type Principal } from '../../src/services/accounts/principal.js';
import { removeGrant } from '../../src/services/accounts/remove-grant.js';
import { resolveSession } from '../../src/services/accounts/resolve-session.js';
import { resolveToken } from '../../src/services/accounts/resolve-token.js';
import { revokeToken } from '../../src/services/accounts/revoke-token.js';
import { setUserPassword } from '../../src/services/accounts/set-user-password.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { databases, freshPlatform } from '../helpers/databases.js';

const password = 'correct horse battery staple';
const DAY = 86_400_000;

/**
 * Issue 17 item 2: access that outlives its reason. A password change, a role change or disabling an account
 * ends its sessions and API tokens; tokens expire; administrators revoke others' tokens and see their last use.
 */
describe.each(databases)('access that ends with its reason on %s', (_name, fresh) => {
  let platform: Platform;
  let clock: { now: Date };
  let close: () => Promise<void>;
  let districtAdmin: Principal;
  let educationAdmin: Principal;
  let n = 0;

  /** A fresh registrar of 教育局 with a live session and a live token. */
  async function signedIn(grants = [{ role: 'registrar' as const, agency: 'demo-education' }]) {
    n += 1;
    const username = `staff${n}`;
    await createUser(platform, cliOperator, { username, displayName: username, password, grants });
    const login = await logIn(platform, { username, password, ip: '10.0.0.1' });
    const { token, record } = await createToken(platform, cliOperator, { name: 'sync', username });
    const live = async () => ({
      session: (await resolveSession(platform, login.sessionId, '10.0.0.1')) !== null,
      token: (await resolveToken(platform, token, '10.0.0.1')) !== null,
    });
    expect(await live()).toEqual({ session: true, token: true });
    return { username, login, token, tokenId: record.id, live };
  }

  async function principalOf(username: string): Promise<Principal> {
    const login = await logIn(platform, { username, password, ip: '10.9.9.9' });
    return (await resolveSession(platform, login.sessionId, '10.9.9.9'))!.principal;
  }

  beforeAll(async () => {
    ({ platform, clock, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    for (const [username, agency] of [
      ['admin.district', 'demo-district'],
      ['admin.education', 'demo-education'],
    ] as const) {
      await createUser(platform, cliOperator, {
        username,
        displayName: username,
        password,
        grants: [{ role: 'admin', agency }],
      });
    }
    districtAdmin = await principalOf('admin.district');
    educationAdmin = await principalOf('admin.education');
  });
  afterAll(() => close());

  it('a password set from the command line ends the sessions and tokens made under the old one', async () => {
    const user = await signedIn();
    await setUserPassword(platform, cliOperator, user.username, 'a brand new password');
    expect(await user.live()).toEqual({ session: false, token: false });
    const tokens = await listTokens(platform, cliOperator, user.username);
    expect(tokens[0]).toMatchObject({ revokedReason: 'password-changed' });
    const entry = (await listAudit(platform, cliOperator, { limit: 500 })).findLast(
      (e) => e.action === 'user.password-set',
    );
    expect(entry?.after).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
  });

  it('changing one’s own password keeps the session it was done from and ends the others and the tokens', async () => {
    const user = await signedIn();
    const other = await logIn(platform, { username: user.username, password, ip: '10.0.0.2' });
    const me = (await resolveSession(platform, user.login.sessionId, '10.0.0.1'))!.principal;
    await expect(
      changeOwnPassword(platform, me, user.login.sessionId, {
        currentPassword: 'not my password',
        newPassword: 'a brand new password',
      }),
    ).rejects.toMatchObject({ code: 'PASSWORD_WRONG' });
    const ended = await changeOwnPassword(platform, me, user.login.sessionId, {
      currentPassword: password,
      newPassword: 'a brand new password',
    });
    expect(ended).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    expect(await user.live()).toEqual({ session: true, token: false });
    expect(await resolveSession(platform, other.sessionId, '10.0.0.2')).toBeNull();
    const viaToken = { ...me, via: 'token' as const };
    await expect(
      changeOwnPassword(platform, viaToken, null, {
        currentPassword: 'a brand new password',
        newPassword: 'yet another password',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('disabling ends sessions and tokens and refuses sign-in; re-enabling lets the user sign in again', async () => {
    const user = await signedIn();
    const disabled = await disableUser(platform, educationAdmin, user.username, { reason: '调离 / moved' });
    expect(disabled).toMatchObject({ disabledReason: '调离 / moved' });
    expect(disabled.disabledAt).not.toBeNull();
    expect(await user.live()).toEqual({ session: false, token: false });
    await expect(
      logIn(platform, { username: user.username, password, ip: '10.0.0.1' }),
    ).rejects.toMatchObject({ code: 'LOGIN_FAILED' });
    const enabled = await enableUser(platform, educationAdmin, user.username);
    expect(enabled).toMatchObject({ disabledAt: null, disabledReason: null });
    expect((await logIn(platform, { username: user.username, password, ip: '10.0.0.1' })).user.username).toBe(
      user.username,
    );
    // Tokens revoked on disabling stay revoked.
    expect(await user.live()).toMatchObject({ token: false });
    const actions = (await listAudit(platform, cliOperator, { limit: 500 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('administrators manage accounts only within their subtrees, and never their own', async () => {
    const districtUser = await signedIn([{ role: 'registrar', agency: 'demo-district' }]);
    await expect(disableUser(platform, educationAdmin, districtUser.username)).rejects.toMatchObject({
      code: 'USER_NOT_FOUND',
    });
    const twoPlaces = await signedIn([
      { role: 'registrar', agency: 'demo-education' },
      { role: 'registrar', agency: 'demo-district' },
    ]);
    // Seen (a role in 教育局) but not managed (a role above it).
    await expect(disableUser(platform, educationAdmin, twoPlaces.username)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(disableUser(platform, educationAdmin, 'admin.education')).rejects.toMatchObject({
      code: 'FORBIDDEN',
      messageZh: expect.stringContaining('自己'),
    });
    expect(await twoPlaces.live()).toEqual({ session: true, token: true });
  });

  it('adding or removing a role ends sessions and tokens; the last role stays; removal needs rights where it lies', async () => {
    const user = await signedIn();
    const widened = await grantRole(platform, educationAdmin, user.username, {
      role: 'reviewer',
      agency: 'demo-education',
    });
    expect(widened.grants.find((g) => g.role === 'reviewer')).toMatchObject({
      grantedBy: 'admin.education',
      grantedAt: clock.now.toISOString(),
    });
    expect(await user.live()).toEqual({ session: false, token: false });
    await expect(
      grantRole(platform, educationAdmin, user.username, { role: 'approver', agency: 'demo-district' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const again = await signedIn();
    await grantRole(platform, districtAdmin, again.username, { role: 'supervisor', agency: 'demo-district' });
    const fresh = await logIn(platform, { username: again.username, password, ip: '10.0.0.1' });
    // 教育局's administrator may take away the role in 教育局 (taking access away is always safe)…
    const narrowed = await removeGrant(platform, educationAdmin, again.username, {
      role: 'registrar',
      agency: 'demo-education',
    });
    expect(narrowed.grants.map((g) => g.role)).toEqual(['supervisor']);
    expect(await resolveSession(platform, fresh.sessionId, '10.0.0.1')).toBeNull();
    // …but not the district's, which is also the last one.
    await expect(
      removeGrant(platform, districtAdmin, again.username, { role: 'supervisor', agency: 'demo-district' }),
    ).rejects.toMatchObject({ code: 'LAST_GRANT' });
    await expect(
      removeGrant(platform, districtAdmin, again.username, { role: 'registrar', agency: 'demo-district' }),
    ).rejects.toMatchObject({ code: 'GRANT_NOT_FOUND' });
    expect((await getUser(platform, districtAdmin, again.username)).grants).toHaveLength(1);
  });

  it('an administrator revokes another user’s token; an administrator elsewhere cannot', async () => {
    const user = await signedIn();
    const districtUser = await signedIn([{ role: 'registrar', agency: 'demo-district' }]);
    await expect(revokeToken(platform, educationAdmin, districtUser.tokenId)).rejects.toMatchObject({
      code: 'TOKEN_NOT_FOUND',
    });
    const revoked = await revokeToken(platform, educationAdmin, user.tokenId);
    expect(revoked).toMatchObject({ revokedReason: 'administrator' });
    expect(await user.live()).toEqual({ session: true, token: false });
    const stranger = await principalOf(districtUser.username);
    await expect(revokeToken(platform, stranger, user.tokenId)).rejects.toMatchObject({
      code: 'TOKEN_NOT_FOUND',
    });
  });

  it('tokens expire after the configured lifetime (90 days by default), sooner when asked, never later', async () => {
    const user = await signedIn();
    const short = await createToken(platform, cliOperator, {
      name: 'short',
      username: user.username,
      expiresInDays: 7,
    });
    // Both tokens are made at the same instant: find the default one by name (the list's order between them is the ids').
    expect(
      (await listTokens(platform, cliOperator, user.username)).find((t) => t.name === 'sync')?.expiresAt,
    ).toBe(new Date(clock.now.getTime() + limits.tokenExpiryDays * DAY).toISOString());
    await expect(
      createToken(platform, cliOperator, { name: 'long', username: user.username, expiresInDays: 91 }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', messageZh: expect.stringContaining('90 天') });
    const start = clock.now;
    try {
      clock.now = new Date(start.getTime() + 7 * DAY);
      expect(await resolveToken(platform, short.token, '10.0.0.1')).toBeNull();
      expect(await resolveToken(platform, user.token, '10.0.0.1')).not.toBeNull();
      clock.now = new Date(start.getTime() + 90 * DAY);
      expect(await resolveToken(platform, user.token, '10.0.0.1')).toBeNull();
    } finally {
      clock.now = start;
    }
    const configured = { ...platform, tokenExpiryDays: 30 };
    const { record } = await createToken(configured, cliOperator, { name: 'c', username: user.username });
    expect(record.expiresAt).toBe(new Date(start.getTime() + 30 * DAY).toISOString());
  });

  it('records when and from where a token was last used, at most once a minute', async () => {
    const user = await signedIn();
    const lastUse = async () =>
      (await listTokens(platform, educationAdmin, user.username)).find((t) => t.id === user.tokenId);
    // signedIn() used it once from 10.0.0.1.
    expect(await lastUse()).toMatchObject({
      lastUsedAt: clock.now.toISOString(),
      lastUsedFrom: 'api 10.0.0.1',
    });
    const start = clock.now;
    try {
      clock.now = new Date(start.getTime() + 30_000);
      await resolveToken(platform, user.token, '10.0.0.1');
      expect((await lastUse())?.lastUsedAt).toBe(start.toISOString());
      clock.now = new Date(start.getTime() + 61_000);
      await resolveToken(platform, user.token, '192.0.2.4');
      expect(await lastUse()).toMatchObject({
        lastUsedAt: clock.now.toISOString(),
        lastUsedFrom: 'api 192.0.2.4',
      });
    } finally {
      clock.now = start;
    }
  });
});
