/**
 * How the server hands out the console (routes/console.ts): the shell only to signed-in staff, history-mode
 * paths answered with the app, hashed assets cached for a year and sent pre-compressed, index.html never
 * cached, a CSP that allows only the console's own scripts, and a clear page when the console was not built.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';

const SCRIPT = 'console.log("console");\n'.repeat(100);

describe('the console at /console', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let dir: string;
  let cookie: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-console-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/console/assets/index-AbC123.js"></script></head><body><div id="app"></div></body></html>',
    );
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), SCRIPT);
    writeFileSync(join(dir, 'assets', 'index-AbC123.js.gz'), gzipSync(SCRIPT));
    server = await freshServer(freshSqlite, { consoleDir: `${dir}/` });
    await createUser(server.platform, cliOperator, {
      username: 'console.registrar',
      displayName: '经办人',
      password: 'console registrar password',
      grants: [{ role: 'registrar', agency: 'demo-education' }],
    });
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'console.registrar', password: 'console registrar password' },
    });
    expect(login.statusCode).toBe(200);
    cookie = `gongkai_session=${login.cookies.find((c) => c.name === 'gongkai_session')!.value}`;
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a signed-out visitor to the sign-in page and back', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/console/applications/X-2026-00001' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fconsole%2Fapplications%2FX-2026-00001');
  });

  it('answers every console path with the app, uncached, under a CSP with only its own scripts', async () => {
    for (const url of ['/console', '/console/', '/console/applications/DEMO-2026-00001?tab=clock']) {
      const response = await server.app.inject({ method: 'GET', url, headers: { cookie } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="app"></div>');
      expect(response.headers['cache-control']).toBe('no-cache');
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('serves hashed assets to anyone, cached for a year, compressed when the browser accepts it', async () => {
    const plain = await server.app.inject({ method: 'GET', url: '/console/assets/index-AbC123.js' });
    expect(plain.statusCode).toBe(200);
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toContain('max-age=31536000');
    expect(plain.headers['cache-control']).toContain('immutable');
    const gzipped = await server.app.inject({
      method: 'GET',
      url: '/console/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
  });

  it('answers a missing asset with 404, not with the app', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/console/assets/old-chunk-Zz9.js',
      headers: { cookie },
    });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<div id="app">');
  });

  it('leaves the console out of the OpenAPI document', async () => {
    const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/console'))).toBe(false);
  });

  it('sends sign-in to the console', async () => {
    const form = await server.app.inject({ method: 'GET', url: '/login' });
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const csrfCookie = form.cookies.find((c) => c.name === 'gongkai_login_csrf')!;
    const response = await server.app.inject({
      method: 'POST',
      url: '/login',
      payload: new URLSearchParams({
        _csrf: token,
        username: 'console.registrar',
        password: 'console registrar password',
        next: '',
      }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `gongkai_login_csrf=${csrfCookie.value}`,
      },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/console');
  });

  it('says how to build the console when it was not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'gongkai-console-empty-'));
    const bare = await freshServer(freshSqlite, { consoleDir: `${empty}/` });
    try {
      const response = await bare.app.inject({ method: 'GET', url: '/console' });
      expect(response.statusCode).toBe(503);
      expect(response.body).toContain('npm run build');
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
