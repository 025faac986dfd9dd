import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStrongKey } from '../../src/core/input-rules.js';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { databases } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { ids } from '../support/applications.js';

const formOf = (who: 'first' | 'second', key: string) => ({
  applicant: {
    type: 'naturalPerson',
    name: who === 'first' ? '张三' : '李四',
    identityKind: 'residentId',
    identityNumber: who === 'first' ? ids.person : ids.person2,
    phone: who === 'first' ? '13800000000' : '13900000000',
  },
  request: { description: who === 'first' ? '申请公开2025年部门预算' : '申请公开2024年部门决算' },
  form: { medium: 'electronic', delivery: 'email' },
  idempotencyKey: key,
});

describe.each(databases)('idempotency keys on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  let registrar: Record<string, string>;

  beforeAll(async () => {
    server = await freshServer(fresh);
    app = server.app;
    server.clock.now = new Date('2026-03-02T02:00:00Z');
    await createUser(server.platform, cliOperator, {
      username: 'idem.registrar',
      displayName: '经办人',
      password: 'test password 123',
      grants: [{ role: 'registrar', agency: 'demo-education' }],
    });
    const token = (await createToken(server.platform, cliOperator, { name: 't', username: 'idem.registrar' }))
      .token;
    registrar = { authorization: `Bearer ${token}` };
  }, 60_000);
  afterAll(() => server.close());

  const submit = (payload: ReturnType<typeof formOf>) =>
    app.inject({ method: 'POST', url: '/api/v1/public/agencies/demo-education/applications', payload });
  const count = async () =>
    (
      await app.inject({
        method: 'GET',
        url: '/api/v1/agencies/demo-education/applications?limit=1000',
        headers: registrar,
      })
    ).json().applications.length as number;

  it("a second applicant sending the first one's key gets 409 revealing nothing, and loses nothing", async () => {
    const key = randomUUID();
    const before = await count();
    const first = await submit(formOf('first', key));
    expect(first.statusCode).toBe(201);
    const { trackingNumber, queryCode } = first.json();

    const second = await submit(formOf('second', key));
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(second.json().error.message).toContain('请刷新页面');
    for (const secret of [trackingNumber, queryCode, '张三', ids.person, '13800000000', '预算']) {
      expect(second.body).not.toContain(secret);
    }
    // The second applicant, told to use a new form, files their application; nothing was dropped silently.
    const again = await submit(formOf('second', randomUUID()));
    expect(again.statusCode).toBe(201);
    expect(again.json().trackingNumber).not.toBe(trackingNumber);

    // The first applicant re-sending the very same form gets the same case, number and code.
    const replay = await submit(formOf('first', key));
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ trackingNumber, queryCode, replayed: true });
    expect(await count()).toBe(before + 2);
  });

  it('two different applications racing with one key: one is filed, the other is told 409', async () => {
    const key = randomUUID();
    const before = await count();
    const [a, b] = await Promise.all([submit(formOf('first', key)), submit(formOf('second', key))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await count()).toBe(before + 1);
  });

  it('refuses weak keys with a clear message, in the public form and staff intake alike', async () => {
    for (const weak of ['aaaaaaaaaaaaaaaa', 'abababababababab', '0000000000000001', '1234123412341234']) {
      const response = await submit(formOf('first', weak));
      expect(response.statusCode, weak).toBe(400);
      expect(response.json().error.message).toContain('表单编号过于简单');
      expect(response.json().error.messageEn).toContain('too simple');
    }
    const staff = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: registrar,
      payload: { ...formOf('first', 'aaaaaaaaaaaaaaaa'), agency: 'demo-education', channel: 'post' },
    });
    expect(staff.statusCode).toBe(400);
    const short = await submit(formOf('first', 'k3Y-9x'));
    expect(short.json().error.message).toContain('至少 16 个字符');
  });

  it('tells random keys from guessable ones', () => {
    for (let i = 0; i < 200; i += 1) expect(isStrongKey(randomUUID())).toBe(true);
    expect(isStrongKey('the-same-form-key-0001')).toBe(true);
    expect(isStrongKey('aaaaaaaaaaaaaaaa')).toBe(false);
    expect(isStrongKey('abcdabcdabcdabcdabcd')).toBe(false);
  });
});
