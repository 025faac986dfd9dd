import { strFromU8, unzipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../src/core/roles.js';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { applicationInput } from '../support/applications.js';
import { docxText } from '../support/xml-well-formed.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('answer templates and documents through the API', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};

  const call = (who: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${tokens[who]}` },
      ...(payload ? { payload } : {}),
    });

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    app = server.app;
    for (const [username, role] of [
      ['edu.admin', 'admin'],
      ['edu.registrar', 'registrar'],
    ] as const) {
      await createUser(server.platform, cliOperator, {
        username,
        displayName: username,
        password: 'answers http password',
        grants: [{ role, agency: 'demo-education' }],
      });
      tokens[username] = (await createToken(server.platform, cliOperator, { name: 't', username })).token;
    }
  });
  afterAll(() => server.close());

  it('requires authentication and documents the endpoints', async () => {
    for (const url of [
      '/api/v1/agencies/demo-education/answer-templates',
      '/api/v1/agencies/demo-education/answer-templates/disclosed',
      '/api/v1/applications/x/answer.docx',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    }
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/agencies/{id}/answer-templates',
        '/api/v1/agencies/{id}/answer-templates/{kind}',
        '/api/v1/agencies/{id}/answer-templates/{kind}/sample.docx',
        '/api/v1/applications/{ref}/answer-document',
        '/api/v1/applications/{ref}/answer.docx',
      ]),
    );
  });

  it('lists, reads, updates (validated) and previews templates', async () => {
    const list = await call('edu.registrar', 'GET', '/api/v1/agencies/demo-education/answer-templates');
    expect(list.statusCode).toBe(200);
    expect(list.json().templates).toHaveLength(25);

    const bad = await call('edu.admin', 'PUT', '/api/v1/agencies/demo-education/answer-templates/remedies', {
      body: '如不服…\n可于{{days}}日内申请复议',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('ANSWER_TEMPLATE_INVALID');
    expect(bad.json().error.message).toContain('正文第2行第3列：未知的占位符 {{days}}');
    expect(bad.json().error.details.findings[0]).toMatchObject({ line: 2, column: 3, field: 'body' });

    const unknown = await call('edu.admin', 'PUT', '/api/v1/agencies/demo-education/answer-templates/nope', {
      body: 'x',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('ANSWER_TEMPLATE_KIND_UNKNOWN');

    const forbidden = await call(
      'edu.registrar',
      'PUT',
      '/api/v1/agencies/demo-education/answer-templates/remedies',
      { body: '可申请行政复议或提起行政诉讼。' },
    );
    expect(forbidden.statusCode).toBe(403);

    const ok = await call('edu.admin', 'PUT', '/api/v1/agencies/demo-education/answer-templates/remedies', {
      body: '如对本{{document.kindName}}不服，可在60日内向{{remedies.reconsiderationBody}}申请行政复议，或在6个月内提起行政诉讼。',
      expectedVersion: 0,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ version: 1, source: 'agency', updatedBy: 'edu.admin' });
    const stale = await call(
      'edu.admin',
      'PUT',
      '/api/v1/agencies/demo-education/answer-templates/remedies',
      { body: '可申请行政复议或提起行政诉讼。', expectedVersion: 0 },
    );
    expect(stale.statusCode).toBe(409);

    const detail = await call(
      'edu.registrar',
      'GET',
      '/api/v1/agencies/demo-education/answer-templates/remedies',
    );
    expect(detail.json().history).toHaveLength(1);
    expect(detail.json().placeholders.map((p: { name: string }) => p.name)).toContain(
      'remedies.reconsiderationBody',
    );

    const sample = await call(
      'edu.registrar',
      'GET',
      '/api/v1/agencies/demo-education/answer-templates/withheld.stateSecret/sample.docx',
    );
    expect(sample.statusCode).toBe(200);
    expect(sample.headers['content-type']).toBe(DOCX);
    expect(sample.headers['content-disposition']).toContain("filename*=UTF-8''");
    const text = docxText(strFromU8(unzipSync(sample.rawPayload)['word/document.xml']!));
    expect(text).toContain('可在60日内向示范区人民政府申请行政复议，或在6个月内提起行政诉讼。');
    expect(text).toContain('第十四条');

    const preview = await call(
      'edu.registrar',
      'POST',
      '/api/v1/agencies/demo-education/answer-templates/disclosed/preview',
      { title: '答复书（草稿）', body: '{{applicant.name}}：\n草稿正文' },
    );
    expect(preview.statusCode).toBe(200);
    expect(docxText(strFromU8(unzipSync(preview.rawPayload)['word/document.xml']!))).toContain(
      '答复书（草稿）',
    );
  });

  it('issues a case answer (POST) and downloads it (GET)', async () => {
    server.clock.now = new Date('2026-03-02T02:00:00Z');
    const registered = await call(
      'edu.registrar',
      'POST',
      '/api/v1/applications',
      applicationInput('demo-education', { request: { description: '通过接口登记的申请' } }),
    );
    expect(registered.statusCode, registered.body).toBe(201);
    const record = registered.json().application as { trackingNumber: string };
    const url = `/api/v1/applications/${record.trackingNumber}`;
    const early = await call('edu.registrar', 'POST', `${url}/answer-document`, {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ANSWER_NOT_AVAILABLE');
    expect((await call('edu.registrar', 'GET', `${url}/answer.docx`)).json().error.code).toBe(
      'ANSWER_NOT_ISSUED',
    );

    const answered = await call('edu.registrar', 'POST', `${url}/events`, {
      type: 'answered',
      date: '2026-03-02',
      outcome: 'notProcessed.duplicate',
      legalGround: '条例第三十六条第（六）项',
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const issued = await call('edu.registrar', 'POST', `${url}/answer-document`, { referralAgency: 'x' });
    expect(issued.statusCode).toBe(201);
    expect(issued.json()).toMatchObject({
      documentNumber: '〔2026〕第1号',
      kind: 'notice',
      title: '政府信息公开申请不予处理告知书',
      outcome: 'notProcessed.duplicate',
      issuedBy: 'edu.registrar',
    });
    expect((await call('edu.registrar', 'POST', `${url}/answer-document`)).statusCode).toBe(200);
    const view = await call('edu.registrar', 'GET', url);
    expect(view.json().answerDocument).toMatchObject({
      documentNumber: '〔2026〕第1号',
      datedOn: '2026-03-02',
    });
    expect((await call('edu.admin', 'GET', `${url}/answer-document`)).statusCode).toBe(404); // admins do not read cases

    const docx = await call('edu.registrar', 'GET', `${url}/answer.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe(DOCX);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('〔2026〕第1号'));
    const text = docxText(strFromU8(unzipSync(docx.rawPayload)['word/document.xml']!));
    expect(text).toContain('第三十六条第（六）项');
    expect(text).toContain('本机关不予重复处理');
    expect(text).toContain('可在60日内向示范区人民政府申请行政复议');
  });

  it('follows the access rules for every role on the agency and outside it', async () => {
    for (const role of roles) {
      for (const agency of ['demo-education', 'demo-subdistrict']) {
        const username = `${role}.${agency}`;
        await createUser(server.platform, cliOperator, {
          username,
          displayName: username,
          password: 'answers http password',
          grants: [{ role, agency }],
        });
        tokens[username] = (await createToken(server.platform, cliOperator, { name: 't', username })).token;
      }
    }
    server.clock.now = new Date('2026-03-03T02:00:00Z');
    const registered = await call(
      'edu.registrar',
      'POST',
      '/api/v1/applications',
      applicationInput('demo-education', { request: { description: '权限矩阵' } }),
    );
    const url = `/api/v1/applications/${registered.json().application.trackingNumber as string}`;
    await call('edu.registrar', 'POST', `${url}/events`, {
      type: 'answered',
      date: '2026-03-03',
      outcome: 'disclosed',
      legalGround: '条例第三十六条第（二）项',
    });
    const templates = '/api/v1/agencies/demo-education/answer-templates';
    const handles = ['registrar', 'reviewer', 'approver'];
    const reads = [...handles, 'supervisor', 'auditor'];
    const seen: string[] = [];
    for (const role of roles) {
      for (const agency of ['demo-education', 'demo-subdistrict']) {
        const who = `${role}.${agency}`;
        const home = agency === 'demo-education';
        const status = async (method: 'GET' | 'PUT' | 'POST', path: string, payload?: object) =>
          (await call(who, method, path, payload)).statusCode;
        expect(await status('GET', templates), who).toBe(home ? 200 : 404);
        expect(
          await status('PUT', `${templates}/signature`, { body: '{{agency.name}}\n{{answer.dateHanzi}}' }),
          who,
        ).toBe(home ? (role === 'admin' ? 200 : 403) : 404);
        const issued = await status('POST', `${url}/answer-document`, {});
        expect(issued, who).toBe(home && handles.includes(role) ? (seen.length === 0 ? 201 : 200) : 404);
        if (issued < 300) seen.push(who);
        expect(await status('GET', `${url}/answer.docx`), who).toBe(home && reads.includes(role) ? 200 : 404);
      }
    }
    expect(seen).toEqual(['registrar.demo-education', 'reviewer.demo-education', 'approver.demo-education']);
  });
});
