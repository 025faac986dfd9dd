import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { databases, freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { ids } from '../support/applications.js';

const form = (n: number, key?: string) => ({
  applicant: {
    type: 'naturalPerson',
    name: `申请人${n}`,
    identityKind: 'residentId',
    identityNumber: ids.person,
    phone: '13800000000',
  },
  request: { description: `申请公开第${n}号文件的内容及其附件目录` },
  form: { medium: 'electronic', delivery: 'email' },
  ...(key ? { idempotencyKey: key } : {}),
});

describe.each(databases)('applications over HTTP on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const token: Record<string, string> = {};
  const auth = (who: string) => ({ authorization: `Bearer ${token[who]}` });

  beforeAll(async () => {
    server = await freshServer(fresh);
    app = server.app;
    server.clock.now = new Date('2026-03-02T02:00:00Z');
    for (const [username, role, agency] of [
      ['edu.registrar', 'registrar', 'demo-education'],
      ['district.approver', 'approver', 'demo-district'],
      ['sub.registrar', 'registrar', 'demo-subdistrict'],
      ['district.supervisor', 'supervisor', 'demo-district'],
    ] as const) {
      await createUser(server.platform, cliOperator, {
        username,
        displayName: username,
        password: 'test password 123',
        grants: [{ role, agency }],
      });
      token[username] = (await createToken(server.platform, cliOperator, { name: 't', username })).token;
    }
  });
  afterAll(() => server.close());

  it('300 simultaneous public submissions create exactly 300 cases with unique tracking numbers', async () => {
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/public/agencies/demo-education/applications',
          payload: form(i, `form-key-${String(i).padStart(12, '0')}`),
        }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(Array(300).fill(201));
    const numbers = responses.map((r) => r.json().trackingNumber as string);
    expect(new Set(numbers).size).toBe(300);
    expect(numbers.every((n) => /^DEMO-EDUCATION-2026-\d{5}$/.test(n))).toBe(true);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies/demo-education/applications?limit=1000',
      headers: auth('edu.registrar'),
    });
    expect(list.json().applications).toHaveLength(300);
    expect(list.json().applications[0].status).toBe('awaitingReceipt');
  });

  it('a form submitted twice is one case; status by number and code shows no personal data', async () => {
    const submit = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/public/agencies/demo-education/applications',
        payload: form(9999, 'the-same-form-key-0001'),
      });
    const [first, second] = await Promise.all([submit(), submit()]);
    const codes = [first.statusCode, second.statusCode].sort();
    expect(codes).toEqual([200, 201]);
    expect(first.json().trackingNumber).toBe(second.json().trackingNumber);
    expect(first.json().queryCode).toBe(second.json().queryCode);

    const { trackingNumber, queryCode } = first.json();
    const status = await app.inject({
      method: 'GET',
      url: `/api/v1/public/applications/${trackingNumber}`,
      headers: { 'x-query-code': queryCode },
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      trackingNumber,
      status: 'awaitingReceipt',
      agencyName: '示范区教育局',
    });
    for (const secret of [ids.person, '13800000000', '申请人9999', '第9999号']) {
      expect(status.body).not.toContain(secret);
    }
    const wrong = await app.inject({
      method: 'GET',
      url: `/api/v1/public/applications/${trackingNumber}?code=WRONGCODE2`,
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('APPLICATION_NOT_FOUND');
  });

  it('refuses an invalid identity number with a coded error', async () => {
    const bad = form(1);
    bad.applicant.identityNumber = '110105194912310021';
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      payload: bad,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.body).toContain('GB 11643');
  });

  it('staff: register, record events, extension only by a 负责人, illegal transition 409, scoping', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: auth('edu.registrar'),
      payload: { ...form(5), agency: 'demo-education', channel: 'post' },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().application.trackingNumber as string;
    const event = (who: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/applications/${id}/events`, headers: auth(who), payload });

    const early = await event('edu.registrar', {
      type: 'answered',
      date: '2026-03-02',
      outcome: 'disclosed',
      legalGround: '条例第三十六条第二项',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect(early.json().error.message).toContain('收到申请之日尚未确定');

    expect(
      (await event('edu.registrar', { type: 'receiptConfirmed', date: '2026-03-02', how: 'signedFor' }))
        .statusCode,
    ).toBe(201);
    const byRegistrar = await event('edu.registrar', {
      type: 'extensionApproved',
      date: '2026-03-02',
      workingDays: 10,
    });
    expect(byRegistrar.statusCode).toBe(403);
    const approved = await event('district.approver', {
      type: 'extensionApproved',
      date: '2026-03-02',
      workingDays: 10,
    });
    expect(approved.statusCode).toBe(201);
    expect(approved.json().clock).toMatchObject({ baseDue: '2026-03-30', due: '2026-04-14', daysLeft: 30 });
    expect(approved.json().clock.trace.length).toBeGreaterThan(0);
    expect(approved.json().events.at(-1)).toMatchObject({
      type: 'extensionApproved',
      approver: 'district.approver',
    });

    const hidden = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/${id}`,
      headers: auth('sub.registrar'),
    });
    expect(hidden.statusCode).toBe(404);

    const appeal = await app.inject({
      method: 'POST',
      url: `/api/v1/applications/${id}/appeals`,
      headers: auth('edu.registrar'),
      payload: { kind: 'reconsideration', filedOn: '2026-03-02' },
    });
    expect(appeal.statusCode).toBe(201);

    const report = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies/demo-district/reports/2026?subtree=true&explain=appeals.reconsideration.pending',
      headers: auth('district.supervisor'),
    });
    expect(report.statusCode).toBe(200);
    const body = report.json();
    expect(body.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(body.report.applications.newReceived[6]).toBe(302 + 10); // the demo seed adds 10 cases
    expect(body.explain.cases).toHaveLength(body.report.appeals.reconsideration.pending);
    expect(body.explain.cases.some((c: string) => c.startsWith(`${id}/`))).toBe(true);

    const audit = await app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: auth('district.approver'),
    });
    expect([200, 403]).toContain(audit.statusCode);
  });

  it('documents the new endpoints in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    for (const path of [
      '/api/v1/applications',
      '/api/v1/applications/{ref}/events',
      '/api/v1/public/agencies/{id}/applications',
      '/api/v1/public/applications/{trackingNumber}',
      '/api/v1/agencies/{id}/reports/{year}',
    ]) {
      expect(doc.paths[path]).toBeDefined();
    }
  });
});

describe('public submissions are rate-limited', () => {
  it('answers 429 after the limit per minute', async () => {
    const server = await freshServer(freshSqlite, { publicSubmitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const r = await server.app.inject({
          method: 'POST',
          url: '/api/v1/public/agencies/demo-education/applications',
          payload: form(100 + i),
        });
        statuses.push(r.statusCode);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await server.close();
    }
  });
});
