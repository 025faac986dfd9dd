import { randomUUID } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { databases } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { ids } from '../support/applications.js';

const form = (overrides: { name?: string; description?: string } = {}) => ({
  applicant: {
    type: 'naturalPerson',
    name: overrides.name ?? '张三',
    identityKind: 'residentId',
    identityNumber: ids.person,
    phone: '13800000000',
  },
  request: { description: overrides.description ?? '申请公开本局2025年度部门预算' },
  form: { medium: 'electronic', delivery: 'email' },
  idempotencyKey: randomUUID(),
});

/** What a person reads: a 400 with a coded error, Chinese first without English words in it, English beside. */
function expectRefused(response: LightMyRequestResponse, zh?: RegExp): void {
  expect(response.statusCode, response.body).toBe(400);
  const error = response.json().error;
  expect(error.code).toBe('VALIDATION_FAILED');
  expect(error.message).toMatch(/^输入无效/);
  expect(error.message).not.toMatch(/\b(Too|Invalid|expected|received|must)\b/);
  expect(error.messageEn).toMatch(/^invalid input/);
  if (zh) expect(error.message).toMatch(zh);
}

describe.each(databases)('validation at the edge on %s', (_name, fresh) => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  let registrar: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    server = await freshServer(fresh);
    app = server.app;
    server.clock.now = new Date('2026-03-02T02:00:00Z');
    await createUser(server.platform, cliOperator, {
      username: 'edge.registrar',
      displayName: '经办人',
      password: 'test password 123',
      grants: [{ role: 'registrar', agency: 'demo-education' }],
    });
    await createUser(server.platform, cliOperator, {
      username: 'edge.admin',
      displayName: '管理员',
      password: 'test password 123',
      grants: [{ role: 'admin', agency: 'demo-district' }],
    });
    const token = async (username: string) =>
      (await createToken(server.platform, cliOperator, { name: 't', username })).token;
    registrar = { authorization: `Bearer ${await token('edge.registrar')}` };
    admin = { authorization: `Bearer ${await token('edge.admin')}` };
  }, 60_000);
  afterAll(() => server.close());

  it('refuses NUL bytes at login, public submit and status look-up with 400, never 500', async () => {
    for (const payload of [
      { username: 'a\u0000b', password: 'whatever password' },
      { username: 'admin', password: 'pass\u0000word' },
    ]) {
      const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expectRefused(login, /空字符/);
    }
    const submit = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      payload: form({ name: '张\u0000三' }),
    });
    expectRefused(submit, /applicant\.name/);
    const agencyNul = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo%00education/applications',
      payload: form(),
    });
    expectRefused(agencyNul);
    const status = await app.inject({
      method: 'GET',
      url: '/api/v1/public/applications/DEMO-EDUCATION-2026-00001%00?code=ABC',
    });
    expectRefused(status, /空字符/);
    const code = await app.inject({
      method: 'GET',
      url: '/api/v1/public/applications/DEMO-EDUCATION-2026-00001?code=A%00B',
    });
    expectRefused(code);
  });

  it('refuses bidirectional overrides, control characters and lone surrogates in what letters print', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ description: '申请公开\u202Efdp.exe 文件' }, /文字方向/],
      [{ name: '李\u2066四' }, /文字方向/],
      [{ description: '申请\u0007公开' }, /控制字符/],
      [{ name: '王\uD800五' }, /代理项/],
      [{ description: '申请公开\uDC00' }, /代理项/],
    ];
    for (const [overrides, zh] of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/public/agencies/demo-education/applications',
        payload: form(overrides),
      });
      expectRefused(response, zh);
    }
    // Ordinary Chinese text, line breaks and astral characters (a correctly paired surrogate) pass.
    const fine = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      payload: form({ name: '𠮷野', description: '申请公开：\n一、预算表\n二、说明' }),
    });
    expect(fine.statusCode, fine.body).toBe(201);
    // Answer templates are printed into letters: the same rule applies there.
    const template = await app.inject({
      method: 'PUT',
      url: '/api/v1/agencies/demo-education/answer-templates/disclosed',
      headers: admin,
      payload: { body: '经审查，\u202E您申请的信息予以公开。', expectedVersion: 1 },
    });
    expectRefused(template, /文字方向/);
  });

  it('refuses offset and limit that are not whole numbers in range', async () => {
    const list = (query: string) =>
      app.inject({
        method: 'GET',
        url: `/api/v1/agencies/demo-education/applications?${query}`,
        headers: registrar,
      });
    for (const bad of ['abc', '1.5', 'Infinity', '1e20', '-5', '', '0x10']) {
      expectRefused(await list(`offset=${encodeURIComponent(bad)}`), /offset/);
    }
    for (const bad of ['abc', '0', '1001', '2.5']) {
      expectRefused(await list(`limit=${bad}`), /limit/);
    }
    expectRefused(await list('withinDays=NaN&filter=dueSoon'), /withinDays/);
    expectRefused(await list('filter=everything'), /filter/);
    const ok = await list('offset=0&limit=5');
    expect(ok.statusCode, ok.body).toBe(200);
    const audit = await app.inject({ method: 'GET', url: '/api/v1/audit?afterSeq=abc', headers: admin });
    expectRefused(audit, /afterSeq/);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/audit?limit=2', headers: admin })).statusCode,
    ).toBe(200);
  });

  it('refuses impossible dates and submission times outside [2008-05-01, now]', async () => {
    const intake = (submittedAt?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/applications',
        headers: registrar,
        payload: {
          ...form(),
          agency: 'demo-education',
          channel: 'post',
          ...(submittedAt ? { submittedAt } : {}),
        },
      });
    expectRefused(await intake('2999-01-01T00:00:00Z'), /晚于当前时间/);
    expectRefused(await intake('0001-01-01T00:00:00Z'), /2008-05-01/);
    expectRefused(await intake('2008-04-30T15:59:59Z'), /施行/);
    expectRefused(await intake('2026-02-30T09:00:00+08:00'), /日期不存在/);
    // A few minutes of clock skew is not the future.
    const skewed = await intake('2026-03-02T02:05:00Z');
    expect(skewed.statusCode, skewed.body).toBe(201);
    const created = await intake('2026-02-27T09:00:00+08:00');
    expect(created.statusCode, created.body).toBe(201);
    const ref = created.json().application.trackingNumber as string;
    const event = await app.inject({
      method: 'POST',
      url: `/api/v1/applications/${ref}/events`,
      headers: registrar,
      payload: { type: 'receiptConfirmed', date: '2026-11-31', how: 'confirmed' },
    });
    expectRefused(event, /日期不存在/);
    const view = await app.inject({ method: 'GET', url: `/api/v1/applications/${ref}`, headers: registrar });
    expect(view.json().events).toHaveLength(1);
  });

  it('accepts only http(s) websites for an agency', async () => {
    for (const website of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.gov.cn/', 'www.x.cn']) {
      const response = await app.inject({
        method: 'PATCH',
        url: '/api/v1/agencies/demo-education',
        headers: admin,
        payload: { website },
      });
      expectRefused(response, /http/);
      expect(response.json().error.messageEn).toContain('http:// or https://');
    }
    const ok = await app.inject({
      method: 'PATCH',
      url: '/api/v1/agencies/demo-education',
      headers: admin,
      payload: { website: 'https://jyj.example.gov.cn/gk/' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('translates every validation message: zod words in Chinese, this project’s words split by language', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: '', password: 'x', extra: 1 },
    });
    expectRefused(response);
    const issues = response.json().error.details.issues as {
      path: string;
      message: string;
      messageEn: string;
    }[];
    expect(issues.length).toBeGreaterThanOrEqual(2);
    for (const issue of issues) {
      expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
      expect(issue.messageEn).not.toMatch(/[\u4e00-\u9fff]/);
    }
    const identity = await app.inject({
      method: 'POST',
      url: '/api/v1/public/agencies/demo-education/applications',
      payload: { ...form(), applicant: { ...form().applicant, identityNumber: '110101199003070000' } },
    });
    expectRefused(identity, /身份证号码无效/);
    expect(identity.json().error.message).not.toContain('invalid resident identity number');
    expect(identity.json().error.messageEn).toContain('invalid resident identity number');
  });
});
