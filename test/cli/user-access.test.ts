import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { freshSqlite, type TestDatabase } from '../helpers/databases.js';

/** Issue 17 item 2 at the command line: list, show, disable, enable, grant and revoke roles, list and revoke tokens. */
describe('gongkai user and token access commands', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const cli = (args: string[], stdin?: string) =>
    runCli(args, { env, ...(stdin === undefined ? {} : { stdin }) });

  beforeAll(async () => {
    database = await freshSqlite();
    env = { DATABASE_URL: database.url, NODE_ENV: 'test', GONGKAI_SCRYPT_LOG2N: '10', USER: 'ops' };
    expect((await cli(['db', 'migrate'])).code).toBe(0);
    await cli(['agency', 'create', '--code', 'qu', '--name', '某区人民政府', '--kind', 'government']);
    await cli(['agency', 'create', '--code', 'jd', '--name', '某街道', '--parent', 'qu']);
    await cli(['user', 'create', '--username', 'wang', '--name', '王', '--role', 'registrar@jd']);
  });
  afterAll(() => database.drop());

  it('creates a token with an expiry, lists it with its last use, and revokes it', async () => {
    const created = await cli([
      'token',
      'create',
      '--user',
      'wang',
      '--name',
      '对接',
      '--expires-days',
      '7',
      '--json',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { record } = JSON.parse(created.stdout) as { record: { id: string; expiresAt: string } };
    const days = (new Date(record.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(
      (await cli(['token', 'create', '--user', 'wang', '--name', 'x', '--expires-days', '400'])).stderr,
    ).toContain('90');
    const listed = await cli(['token', 'list', '--user', 'wang']);
    expect(listed.stdout).toMatch(new RegExp(`${record.id}  对接  有效 / active .* last used 从未 / never`));
    expect((await cli(['token', 'revoke', record.id])).code).toBe(0);
    expect((await cli(['token', 'list', '--user', 'wang'])).stdout).toMatch(/revoked \S+ \(operator\)/);
  });

  it('grants and removes roles, disables and re-enables, and shows who did what', async () => {
    await cli(['token', 'create', '--user', 'wang', '--name', '第二个']);
    const granted = await cli(['user', 'grant', 'wang', '--role', 'reviewer@qu', '--json']);
    expect(granted.code, granted.stderr).toBe(0);
    expect(JSON.parse(granted.stdout).grants).toContainEqual(
      expect.objectContaining({ role: 'reviewer', grantedBy: 'cli:ops' }),
    );
    const shown = await cli(['user', 'show', 'wang']);
    expect(shown.stdout).toContain('role: reviewer（审核人）@');
    expect(shown.stdout).toMatch(/第二个 {2}已吊销 \/ revoked \S+ \(roles-changed\)/);

    expect((await cli(['user', 'revoke-grant', 'wang', '--role', 'reviewer@qu'])).code).toBe(0);
    const last = await cli(['user', 'revoke-grant', 'wang', '--role', 'registrar@jd']);
    expect(last.code).toBe(1);
    expect(last.stderr).toContain('disable the account');

    const disabled = await cli(['user', 'disable', 'wang', '--reason', '调离']);
    expect(disabled.stdout).toMatch(/已停用 \/ disabled \S+（调离）/);
    expect((await cli(['user', 'list'])).stdout).toMatch(
      /wang {2}王 {2}registrar@\S+ {2}\[已停用 \/ disabled\]/,
    );
    expect((await cli(['user', 'enable', 'wang'])).stdout).toContain('启用 / enabled');
    expect((await cli(['user', 'show', 'nobody'])).code).toBe(1);
  });
});
