import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { limits } from '../../src/core/limits.js';
import { throttlePolicies } from '../../src/core/login-throttle.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';

const password = 'http test password';

function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'gongkai_session');
  if (!cookie) throw new Error('no session cookie');
  return `gongkai_session=${cookie.value}`;
}

describe('the HTTP API: auth, CSRF, errors, headers, logs', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    server = await freshServer(freshSqlite, { trustProxy: 1 });
    app = server.app;
    await createUser(server.platform, cliOperator, {
      username: 'http.user',
      displayName: 'h',
      password,
      grants: [{ role: 'admin', agency: 'demo-education' }],
    });
  });
  afterAll(() => server.close());

  const login = (username: string, pw: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: pw }, headers });

  it('answers health and the OpenAPI docs without auth, with security headers', async () => {
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    expect(health.headers['x-frame-options']).toBeDefined();
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toEqual(
      expect.arrayContaining(['/api/v1/agencies', '/api/v1/audit', '/api/v1/tokens', '/api/v1/users']),
    );
    expect((await app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers 401 with a coded error on everything else without a session or token', async () => {
    const endpoints: [string, string][] = [
      ['GET', '/api/v1/agencies'],
      ['GET', '/api/v1/agencies/demo-district'],
      ['POST', '/api/v1/agencies'],
      ['PATCH', '/api/v1/agencies/demo-district'],
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users'],
      ['GET', '/api/v1/tokens'],
      ['POST', '/api/v1/tokens'],
      ['DELETE', '/api/v1/tokens/x'],
      ['GET', '/api/v1/audit'],
      ['GET', '/api/v1/audit/verify'],
      ['GET', '/api/v1/auth/me'],
      ['POST', '/api/v1/auth/logout'],
    ];
    for (const [method, url] of endpoints) {
      const response = await app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: 'Bearer gk_nonsense' },
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringContaining('登录'),
        messageEn: expect.any(String),
      });
    }
  });

  it('logs in with a secure session cookie and requires the CSRF token on cookie-authenticated writes', async () => {
    const response = await login('admin', server.adminPassword);
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const cookie = sessionCookieOf(response);
    const csrf = response.json().csrfToken as string;

    const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json().user.username).toBe('admin');
    expect(me.json().csrfToken).toBe(csrf);

    const payload = { parent: 'demo-district', code: 'csrf-test', name: '测试局', kind: 'department' };
    const without = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie },
      payload,
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const withToken = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie, 'x-csrf-token': csrf },
      payload,
    });
    expect(withToken.statusCode).toBe(201);

    const token = await app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: '集成' },
    });
    expect(token.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${token.json().token}` };
    const viaToken = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: bearer,
      payload: { ...payload, code: 'token-test' },
    });
    expect(viaToken.statusCode).toBe(201);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: bearer })).json().tokens[0],
    ).not.toHaveProperty('token');
    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit?limit=500', headers: bearer });
    const created = (
      audit.json().entries as { action: string; source: string; actor: string; after: { code?: string } }[]
    ).filter(
      (e) => e.action === 'agency.create' && (e.after.code === 'token-test' || e.after.code === 'csrf-test'),
    );
    expect(created.map((e) => [e.after.code, e.actor, e.source])).toEqual([
      ['csrf-test', 'admin', 'web 127.0.0.1'],
      ['token-test', 'admin', 'api 127.0.0.1'],
    ]);
    const revoke = await app.inject({
      method: 'DELETE',
      url: `/api/v1/tokens/${token.json().id}`,
      headers: bearer,
    });
    expect(revoke.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: bearer })).statusCode).toBe(
      401,
    );

    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(logout.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('marks the cookie Secure over https', async () => {
    const response = await login('http.user', password, { 'x-forwarded-proto': 'https' });
    expect(String(response.headers['set-cookie'])).toMatch(/Secure/);
  });

  it('expires an idle session (401)', async () => {
    const cookie = sessionCookieOf(await login('http.user', password));
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { cookie } })).statusCode,
    ).toBe(200);
    server.clock.now = new Date(server.clock.now.getTime() + limits.sessionIdleMs + 1);
    const expired = await app.inject({ method: 'GET', url: '/api/v1/agencies', headers: { cookie } });
    expect(expired.statusCode).toBe(401);
  });

  it('throttles repeated failures (429, Retry-After) and says until when in Beijing time, in both languages', async () => {
    for (let i = 0; i < throttlePolicies.accountAddress.freeFailures; i++) {
      const failed = await login('http.user', 'wrong password');
      expect(failed.statusCode).toBe(401);
      expect(failed.json().error.code).toBe('LOGIN_FAILED');
    }
    const throttled = await login('http.user', password);
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.json().error).toMatchObject({
      code: 'LOGIN_THROTTLED',
      message: expect.stringMatching(/北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 之后再试/),
      messageEn: expect.stringContaining('Beijing time'),
    });
    expect(throttled.json().error.message).not.toMatch(/\d{2}:\d{2}:\d{2}(\.\d+)?Z/);
    // The owner signing in from another address is not held back.
    expect((await login('http.user', password, { 'x-forwarded-for': '198.51.100.77' })).statusCode).toBe(200);
    server.clock.now = new Date(server.clock.now.getTime() + throttlePolicies.accountAddress.maxDelayMs);
  });

  it('answers coded errors for bad input, unknown routes and wrong media types', async () => {
    const cookie = sessionCookieOf(await login('admin', server.adminPassword));
    const csrf = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json()
      .csrfToken;
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: 'X Y' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.details.issues.length).toBeGreaterThan(0);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/agencies/nope', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('keeps passwords, cookies and tokens out of the logs', () => {
    const text = server.logs.join('');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(server.adminPassword);
    expect(text).not.toContain(password);
    expect(text).not.toMatch(/gongkai_session=|gk_[\w-]{20}/);
    expect(text).not.toContain('127.0.0.1');
  });
});
