import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { runCli } from '../cli/run-cli.js';
import { freshSqlite } from '../helpers/databases.js';
import { openApiChecker } from '../helpers/openapi.js';
import { freshServer } from '../helpers/server.js';

const password = 'access test password';

function cookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'gongkai_session');
  if (!cookie) throw new Error(`no session cookie: ${response.body}`);
  return `gongkai_session=${cookie.value}`;
}

/**
 * Issue 17 item 2 through the HTTP API and the command line: after `gongkai user password U` the old session and
 * token no longer read cases; administrators disable and re-enable accounts, add and remove roles, see and revoke
 * others' tokens; every new route answers what its OpenAPI schema promises.
 */
describe('access that ends with its reason, through the API', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  let env: Record<string, string>;
  let doc: Awaited<ReturnType<typeof openApiChecker>>;
  let admin: { cookie: string; csrf: string };

  async function signIn(username: string, pw = password) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username, password: pw },
    });
    expect(response.statusCode, response.body).toBe(200);
    return { cookie: cookieOf(response), csrf: response.json().csrfToken as string };
  }

  async function tokenOf(session: { cookie: string; csrf: string }) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
      payload: { name: '对接系统' },
    });
    expect(response.statusCode).toBe(201);
    return response.json() as { token: string; id: string; expiresAt: string };
  }

  const asAdmin = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    app = server.app;
    env = {
      DATABASE_URL: `sqlite:${(server.platform.target as { path: string }).path}`,
      NODE_ENV: 'test',
      GONGKAI_SCRYPT_LOG2N: '10',
    };
    for (const [username, role, agency] of [
      ['edu.admin', 'admin', 'demo-education'],
      ['edu.clerk', 'registrar', 'demo-education'],
      ['edu.clerk2', 'registrar', 'demo-education'],
      ['edu.clerk3', 'registrar', 'demo-education'],
    ] as const) {
      await createUser(server.platform, cliOperator, {
        username,
        displayName: username,
        password,
        grants: [{ role, agency }],
      });
    }
    doc = await openApiChecker(app);
    admin = await signIn('edu.admin');
  });
  afterAll(() => server.close());

  it('after `gongkai user password U` the old session and token no longer read cases', async () => {
    const session = await signIn('edu.clerk');
    const { token } = await tokenOf(session);
    const cases = '/api/v1/agencies/demo-education/applications';
    expect(
      (await app.inject({ method: 'GET', url: cases, headers: { cookie: session.cookie } })).statusCode,
    ).toBe(200);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: 'GET', url: cases, headers: bearer })).statusCode).toBe(200);

    const changed = await runCli(['user', 'password', 'edu.clerk', '--password-stdin'], {
      env,
      stdin: 'a new password for the clerk\n',
    });
    expect(changed.code, changed.stderr).toBe(0);

    expect(
      (await app.inject({ method: 'GET', url: cases, headers: { cookie: session.cookie } })).statusCode,
    ).toBe(401);
    expect((await app.inject({ method: 'GET', url: cases, headers: bearer })).statusCode).toBe(401);
    expect((await signIn('edu.clerk', 'a new password for the clerk')).cookie).toMatch(/^gongkai_session=/);
  });

  it('an administrator disables and re-enables an account; its session and token end', async () => {
    const session = await signIn('edu.clerk2');
    const { token } = await tokenOf(session);
    const disabled = await asAdmin('POST', '/api/v1/users/edu.clerk2/disable', { reason: '离职' });
    expect(disabled.statusCode, disabled.body).toBe(200);
    doc.check('POST', '/api/v1/users/{id}/disable', disabled);
    expect(disabled.json()).toMatchObject({ username: 'edu.clerk2', disabled: true, disabledReason: '离职' });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: session.cookie } }))
        .statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'edu.clerk2', password },
    });
    expect(login.statusCode).toBe(401);

    const self = await asAdmin('POST', '/api/v1/users/edu.admin/disable', {});
    expect(self.statusCode).toBe(403);
    doc.check('POST', '/api/v1/users/{id}/disable', self);
    const outside = await asAdmin('POST', '/api/v1/users/admin/disable', {});
    expect(outside.statusCode).toBe(404);

    const enabled = await asAdmin('POST', '/api/v1/users/edu.clerk2/enable', {});
    expect(enabled.statusCode).toBe(200);
    doc.check('POST', '/api/v1/users/{id}/enable', enabled);
    expect(enabled.json()).toMatchObject({ disabled: false, disabledAt: null });
    await signIn('edu.clerk2');
  });

  it('an administrator adds and removes roles, and the account’s tokens end each time', async () => {
    const session = await signIn('edu.clerk2');
    const { token } = await tokenOf(session);
    const added = await asAdmin('POST', '/api/v1/users/edu.clerk2/grants', {
      role: 'reviewer',
      agency: 'demo-education',
    });
    expect(added.statusCode, added.body).toBe(200);
    doc.check('POST', '/api/v1/users/{id}/grants', added);
    expect(added.json().grants).toContainEqual(
      expect.objectContaining({ role: 'reviewer', grantedBy: 'edu.admin' }),
    );
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    const tooHigh = await asAdmin('POST', '/api/v1/users/edu.clerk2/grants', {
      role: 'reviewer',
      agency: 'demo-district',
    });
    expect(tooHigh.statusCode).toBe(403);

    const removed = await asAdmin('DELETE', '/api/v1/users/edu.clerk2/grants/reviewer/demo-education');
    expect(removed.statusCode, removed.body).toBe(200);
    doc.check('DELETE', '/api/v1/users/{id}/grants/{role}/{agency}', removed);
    expect(removed.json().grants.map((g: { role: string }) => g.role)).toEqual(['registrar']);
    const last = await asAdmin('DELETE', '/api/v1/users/edu.clerk2/grants/registrar/demo-education');
    expect(last.statusCode).toBe(409);
    expect(last.json().error).toMatchObject({ code: 'LAST_GRANT', message: expect.stringContaining('停用') });
    doc.check('DELETE', '/api/v1/users/{id}/grants/{role}/{agency}', last);

    const shown = await asAdmin('GET', '/api/v1/users/edu.clerk2');
    doc.check('GET', '/api/v1/users/{id}', shown);
    expect(shown.json().grants).toHaveLength(1);
  });

  it('shows an account’s tokens with expiry and last use, and lets its administrator revoke one', async () => {
    const session = await signIn('edu.clerk2');
    const created = await tokenOf(session);
    const bearer = { authorization: `Bearer ${created.token}` };
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { ...bearer, 'x-forwarded-for': '1.2.3.4' },
    });
    const listed = await asAdmin('GET', '/api/v1/users/edu.clerk2/tokens');
    expect(listed.statusCode).toBe(200);
    doc.check('GET', '/api/v1/users/{id}/tokens', listed);
    const row = (listed.json().tokens as { id: string }[]).find((t) => t.id === created.id);
    expect(row).toMatchObject({
      active: true,
      expiresAt: new Date(server.clock.now.getTime() + 90 * 86_400_000).toISOString(),
      lastUsedAt: server.clock.now.toISOString(),
      lastUsedFrom: 'api 127.0.0.1',
      revokedAt: null,
    });
    const own = await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer });
    doc.check('GET', '/api/v1/tokens', own);

    const revoked = await asAdmin('DELETE', `/api/v1/tokens/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    doc.check('DELETE', '/api/v1/tokens/{id}', revoked);
    expect(revoked.json()).toMatchObject({ active: false, revokedReason: 'administrator' });
    expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it('changes one’s own password: this session stays, the others and the tokens end', async () => {
    const here = await signIn('edu.clerk3');
    const elsewhere = await signIn('edu.clerk3');
    const { token } = await tokenOf(here);
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here.cookie, 'x-csrf-token': here.csrf },
      payload: { currentPassword: 'not it', newPassword: 'the clerk’s new password' },
    });
    expect(wrong.statusCode).toBe(403);
    doc.check('POST', '/api/v1/auth/password', wrong);
    const changed = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie: here.cookie, 'x-csrf-token': here.csrf },
      payload: { currentPassword: password, newPassword: 'the clerk’s new password' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    doc.check('POST', '/api/v1/auth/password', changed);
    expect(changed.json()).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    const me = (headers: Record<string, string>) =>
      app.inject({ method: 'GET', url: '/api/v1/auth/me', headers }).then((r) => r.statusCode);
    expect(await me({ cookie: here.cookie })).toBe(200);
    expect(await me({ cookie: elsewhere.cookie })).toBe(401);
    expect(await me({ authorization: `Bearer ${token}` })).toBe(401);
  });

  it('documents request and response schemas for every account route', async () => {
    const routes: [string, string, number][] = [
      ['get', '/api/v1/users', 200],
      ['post', '/api/v1/users', 201],
      ['get', '/api/v1/users/{id}', 200],
      ['post', '/api/v1/users/{id}/disable', 200],
      ['post', '/api/v1/users/{id}/enable', 200],
      ['post', '/api/v1/users/{id}/grants', 200],
      ['delete', '/api/v1/users/{id}/grants/{role}/{agency}', 200],
      ['get', '/api/v1/users/{id}/tokens', 200],
      ['get', '/api/v1/tokens', 200],
      ['post', '/api/v1/tokens', 201],
      ['delete', '/api/v1/tokens/{id}', 200],
      ['post', '/api/v1/auth/login', 200],
      ['post', '/api/v1/auth/password', 200],
      ['get', '/api/v1/auth/me', 200],
    ];
    for (const [method, path, status] of routes) {
      expect(doc.schemaOf(method, path, status), `${method} ${path} ${status}`).toMatchObject({
        type: 'object',
      });
      expect(doc.schemaOf(method, path, 401), `${method} ${path} 401`).toBeDefined();
    }
    const all = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(
      all.paths['/api/v1/users/{id}/grants'].post.requestBody.content['application/json'].schema,
    ).toMatchObject({ required: ['role', 'agency'] });
  });
});
