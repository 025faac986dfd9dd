import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { checkResponses, type ContractBreach } from '../helpers/response-contract.js';
import { freshServer } from '../helpers/server.js';
import { zipSync } from 'fflate';
import { buildPdf, textPage } from '../support/minimal-pdf.js';

describe("table 二's figures and a catalogue imported over HTTP", { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  let token = '';
  let breaches: ContractBreach[] = [];

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    app = server.app;
    breaches = checkResponses(app);
    await createUser(server.platform, cliOperator, {
      username: 'edu.registrar',
      displayName: '经办',
      password: 'test password 123',
      grants: [{ role: 'registrar', agency: 'demo-education' }],
    });
    token = (await createToken(server.platform, cliOperator, { name: 't', username: 'edu.registrar' })).token;
  });
  afterAll(() => server.close());

  const file = (text: string) => ({ name: '表二.csv', contentBase64: Buffer.from(text).toString('base64') });
  const csv =
    '机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\ndemo-education,2025,3,4,5,0.1\ndemo-district,2025,1,1,1,1\n';

  it('lists refused rows in a dry run, then imports the good ones', async () => {
    const dry = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/figures/import?dryRun=true',
      headers: { authorization: `Bearer ${token}` },
      payload: file(csv),
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      accepted: [{ line: 2, agency: 'demo-education' }],
      refused: [{ line: 3 }],
    });
    const run = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/figures/import',
      headers: { authorization: `Bearer ${token}` },
      payload: file(csv),
    });
    expect(run.json()).toMatchObject({ dryRun: false, accepted: [{ agency: 'demo-education', year: 2025 }] });
    const report = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies/demo-education/reports/2025',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(report.json().report.proactive).toMatchObject({ licensing: 3, penalty: 4, enforcement: 5 });
  });

  it('answers a bad file with a clear error, and refuses anyone not signed in', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/figures/import',
      headers: { authorization: `Bearer ${token}` },
      payload: { name: 'x.csv', contentBase64: Buffer.from([0x4d, 0x5a, 0, 0]).toString('base64') },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'IMPORT_INVALID',
      message: expect.stringContaining('x.csv'),
    });
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/v1/reports/figures/import',
      payload: file(csv),
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('imports a catalogue with its attachments ZIP: a dry run lists refusals, then the good rows go in', async () => {
    const pdf = buildPdf([textPage([{ text: 'Notice text', x: 50, y: 700 }])]);
    const table =
      '机关代码,索引号,标题,发布日期,主题分类,体裁,公开事项,附件\n' +
      'demo-education,HTTP-2024-1,经接口导入的通知,2024-05-06,1102,通知,（十一）,通知.pdf\n' +
      'demo-district,HTTP-2024-2,别的机关的通知,2024-05-06,1102,通知,（十一）,\n';
    const payload = {
      table: { name: '目录.csv', contentBase64: Buffer.from(table).toString('base64') },
      attachmentsZip: {
        name: 'a.zip',
        contentBase64: Buffer.from(zipSync({ '通知.pdf': pdf })).toString('base64'),
      },
    };
    const headers = { authorization: `Bearer ${token}` };
    const dry = await app.inject({
      method: 'POST',
      url: '/api/v1/publishing/import?dryRun=true',
      headers,
      payload,
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      accepted: [{ line: 2, indexNumber: 'HTTP-2024-1', attachments: 1 }],
    });
    expect(dry.json().refused[0].line).toBe(3);
    const run = await app.inject({ method: 'POST', url: '/api/v1/publishing/import', headers, payload });
    expect(run.json()).toMatchObject({ dryRun: false, accepted: [{ indexNumber: 'HTTP-2024-1' }] });
  });

  it('takes the text of sections 五 and 六 (and 一 over its draft), and the compiled report carries it', async () => {
    const headers = { authorization: `Bearer ${token}` };
    const five = await app.inject({
      method: 'PUT',
      url: `/api/v1/agencies/demo-education/reports/2025/sections/${encodeURIComponent('五')}`,
      headers,
      payload: { text: '一是部分信息更新不够及时。\n二是解读形式较为单一。' },
    });
    expect(five.statusCode).toBe(200);
    const report = await app.inject({
      method: 'GET',
      url: '/api/v1/agencies/demo-education/reports/2025',
      headers,
    });
    const sections = report.json().report.sections as { number: string; text?: string }[];
    expect(sections.find((s) => s.number === '五')?.text).toBe(
      '一是部分信息更新不够及时。\n二是解读形式较为单一。',
    );
    expect(sections.find((s) => s.number === '一')?.text).toContain('（二）依申请公开');
    expect(sections.find((s) => s.number === '六')?.text).toBeUndefined();
    const table = await app.inject({
      method: 'PUT',
      url: `/api/v1/agencies/demo-education/reports/2025/sections/${encodeURIComponent('三')}`,
      headers,
      payload: { text: 'x' },
    });
    expect(table.statusCode).toBe(400);
    const elsewhere = await app.inject({
      method: 'PUT',
      url: `/api/v1/agencies/demo-district/reports/2025/sections/${encodeURIComponent('六')}`,
      headers,
      payload: { text: 'x' },
    });
    expect(elsewhere.statusCode).toBe(404);
  });

  it('answers as its OpenAPI response schemas say', () => {
    expect(breaches).toEqual([]);
  });
});
