import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseTrustProxy, readServerConfig, type TrustProxy } from '../../src/server/config.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { ids } from '../support/applications.js';

const form = () => ({
  applicant: {
    type: 'naturalPerson',
    name: '张三',
    identityKind: 'residentId',
    identityNumber: ids.person,
    phone: '13800000000',
  },
  request: { description: `申请公开文件 ${randomUUID()}` },
  form: { medium: 'electronic', delivery: 'email' },
  idempotencyKey: randomUUID(),
});

/** A forged first entry, different on every request, then what a proxy appended: the real client. */
const forged = (i: number, real: string) => `203.0.113.${i % 250}, ${real}`;

describe('the client address behind a reverse proxy', () => {
  let server: Awaited<ReturnType<typeof freshServer>> | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(trustProxy: TrustProxy) {
    server = await freshServer(freshSqlite, {
      trustProxy,
      loginPerMinute: 5,
      publicSubmitPerMinute: 3,
      publicStatusPerMinute: 4,
    });
    return server;
  }

  it('reads GONGKAI_TRUST_PROXY as none, hops or addresses — never “trust everyone”', () => {
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1')).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(parseTrustProxy('loopback')).toEqual(['loopback']);
    for (const bad of ['yes', '10.0.0.0/33', '10.0.0', '*', 'example.com'])
      expect(parseTrustProxy(bad)).toBe(null);
    expect(() => readServerConfig({ GONGKAI_TRUST_PROXY: '*' })).toThrow(/GONGKAI_TRUST_PROXY/);
    expect(readServerConfig({ GONGKAI_TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.0/8']);
  });

  it('with one trusted proxy, forged X-Forwarded-For entries defeat no limit and reach no audit entry', async () => {
    const { app, platform } = await start(parseTrustProxy('true') as TrustProxy);
    const real = '198.51.100.9';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': forged(i, real) },
        payload: { username: 'nobody', password: 'wrong password' },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // Another real client behind the same proxy is not held back by the first one's limit.
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'x-forwarded-for': forged(7, '198.51.100.10') },
      payload: { username: 'nobody', password: 'wrong password' },
    });
    expect(other.statusCode).toBe(401);

    const submits: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/public/agencies/demo-education/applications',
        headers: { 'x-forwarded-for': forged(i, real) },
        payload: form(),
      });
      submits.push(response.statusCode);
    }
    expect(submits).toEqual([201, 201, 201, 429]);
    const looks: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/public/applications/DEMO-EDUCATION-2026-00001?code=AAAAAAAAAA',
        headers: { 'x-forwarded-for': forged(i, real) },
      });
      looks.push(response.statusCode);
    }
    expect(looks).toEqual([404, 404, 404, 404, 429]);

    const sources = (await listAudit(platform, cliOperator, { limit: 500 }))
      .filter((e) => e.action === 'application.register' && e.source !== 'system')
      .map((e) => e.source);
    expect(sources).toEqual([`public ${real}`, `public ${real}`, `public ${real}`]);
  });

  it('with a list of proxies, only they are believed; a client that skips the proxy is keyed on its own address', async () => {
    const { app, platform } = await start(['127.0.0.1', '10.0.0.0/8']);
    // Through the proxy at 127.0.0.1, and an inner one at 10.1.2.3: the client is the first untrusted address.
    const viaProxies = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      headers: { 'x-forwarded-for': '203.0.113.7, 198.51.100.20, 10.1.2.3' },
      payload: form(),
    });
    expect(viaProxies.statusCode).toBe(201);
    // Straight from the internet (not a trusted proxy): its own X-Forwarded-For is ignored.
    const direct = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      remoteAddress: '192.0.2.44',
      headers: { 'x-forwarded-for': '203.0.113.8' },
      payload: form(),
    });
    expect(direct.statusCode).toBe(201);
    const sources = (await listAudit(platform, cliOperator, { limit: 500 }))
      .filter((e) => e.action === 'application.register' && e.source !== 'system')
      .map((e) => e.source);
    expect(sources).toEqual(['public 198.51.100.20', 'public 192.0.2.44']);
  });

  it('without a proxy setting, X-Forwarded-For is ignored altogether', async () => {
    const { app, platform } = await start(false);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      headers: { 'x-forwarded-for': '203.0.113.7' },
      payload: form(),
    });
    expect(response.statusCode).toBe(201);
    const entry = (await listAudit(platform, cliOperator, { limit: 500 })).find(
      (e) => e.action === 'application.register' && e.source !== 'system',
    );
    expect(entry?.source).toBe('public 127.0.0.1');
  });
});
