import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { checkResponses, type ContractBreach } from '../helpers/response-contract.js';
import { freshServer } from '../helpers/server.js';

describe("table 二's figures imported over HTTP", () => {
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

  it('answers as its OpenAPI response schemas say', () => {
    expect(breaches).toEqual([]);
  });
});
