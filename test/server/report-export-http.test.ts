/**
 * GET /api/v1/agencies/{id}/reports/{year}/export: the file with its Content-Type and a Chinese file name
 * (RFC 5987 filename*, with an ASCII fallback), documented in OpenAPI; errors as the coded JSON body.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../src/services/accounts/create-token.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { closePdfPrinter } from '../../src/services/reports/export/pdf-printer.js';
import { readReport } from '../../src/readers/index.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';

const URL_BASE = '/api/v1/agencies/demo-subdistrict/reports/2026/export';

describe('report export through the API', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  const get = (who: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${tokens[who]}` } });

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    app = server.app;
    for (const [username, role, agency] of [
      ['sub.registrar', 'registrar', 'demo-subdistrict'],
      ['edu.registrar', 'registrar', 'demo-education'],
      ['district.supervisor', 'supervisor', 'demo-district'],
    ] as const) {
      await createUser(server.platform, cliOperator, {
        username,
        displayName: username,
        password: 'report export password',
        grants: [{ role, agency }],
      });
      tokens[username] = (await createToken(server.platform, cliOperator, { name: 't', username })).token;
    }
  });
  afterAll(async () => {
    await closePdfPrinter();
    await server.close();
  });

  it('sends each format with its Content-Type and the Chinese title as the file name', async () => {
    const title = '示范街道办事处2026年政府信息公开工作年度报告';
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['pdf', 'application/pdf'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['json', 'application/json; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
    ] as const) {
      const response = await get('sub.registrar', `${URL_BASE}?format=${format}`);
      expect(response.statusCode, format).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="annual-report-2026.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`,
      );
      expect(response.headers['cache-control']).toBe('no-store');
      if (format !== 'xlsx') {
        const read = await readReport(response.rawPayload, `report.${format}`);
        expect(read.report.agency, format).toBe('示范街道办事处');
        expect(read.report.year).toBe(2026);
        expect(read.report.applications.newReceived[6]).toBeGreaterThan(0);
      }
    }
    const workbook = await get(
      'district.supervisor',
      `/api/v1/agencies/demo-district/reports/2026/export?format=xlsx&subtree=true`,
    );
    expect(workbook.statusCode).toBe(200);
    expect(decodeURIComponent(workbook.headers['content-disposition'] as string)).toContain(
      '示范区人民政府及下级机关2026年政府信息公开工作年度报告汇总.xlsx',
    );
  });

  it('answers coded errors: unknown format 400, outside the scope 404, no data 404, no token 401', async () => {
    const path = '/api/v1/agencies/{id}/reports/{year}/export';
    const unknown = await get('sub.registrar', `${URL_BASE}?format=odt`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('EXPORT_FORMAT_UNKNOWN');
    const outside = await get('edu.registrar', `${URL_BASE}?format=docx`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.code).toBe('AGENCY_NOT_FOUND');
    const empty = await get(
      'edu.registrar',
      '/api/v1/agencies/demo-education/reports/2026/export?format=pdf',
    );
    expect(empty.statusCode).toBe(404);
    expect(empty.json().error.code).toBe('REPORT_NO_DATA');
    expect(empty.json().error.message).toContain('没有任何办件');
    expect((await app.inject({ method: 'GET', url: `${URL_BASE}?format=docx` })).statusCode).toBe(401);
    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths[path].get.responses)).toEqual(['200', '4XX', '5XX']);
    expect(Object.keys(doc.paths[path].get.responses['200'].content)).toEqual([
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/json',
      'text/html',
    ]);
  });
});
