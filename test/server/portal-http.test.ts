/**
 * The public portal over HTTP (fastify inject): the district and agency pages, search with facets, the 指南,
 * the 年报, the online application (token, limits, re-send, receipt) and the status look-up; every refusal a page.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../src/core/identity.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { listPortalAgencies } from '../../src/services/portal/portal-directory.js';
import { approveReport } from '../../src/services/reports/approve-report.js';
import { publishReport } from '../../src/services/reports/publish-report.js';
import { setReportFigures } from '../../src/services/reports/set-report-figures.js';
import { indexDocument } from '../../src/services/search/index-document.js';
import { corpus, CIV, FIN, GOV } from '../fixtures/search/corpus.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { staff } from '../support/applications.js';
import { cookieOf, hiddenValue, urlencoded } from '../support/forms.js';

const first17 = '11010519491231002';
const residentId = first17 + residentIdCheckChar(first17);

describe('the public portal (HTTP)', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    server = await freshServer(freshSqlite, {
      portal: { applyPerIdentityPerDay: 2, applyPerAddressPerHour: 50 },
    });
    app = server.app;
    const agencies = await listPortalAgencies(server.platform);
    const id = (code: string) => agencies.find((a) => a.code === code)!.id;
    const mapped: Record<string, string> = {
      [GOV]: id('demo-district'),
      [FIN]: id('demo-education'),
      [CIV]: id('demo-subdistrict'),
    };
    for (const doc of corpus)
      await indexDocument(server.platform, { ...doc, agencyId: mapped[doc.agencyId]! });
    // Enough notices for a second page of the district government's column.
    for (let i = 1; i <= 25; i += 1) {
      await indexDocument(server.platform, {
        ...corpus[8]!,
        id: `gov-notice-${i}`,
        agencyId: mapped[GOV]!,
        title: `示范区人民政府办公室关于做好第${i}批政务服务事项公开的通知`,
        documentNumber: `示范府办发〔2023〕${i + 20}号`,
        indexNumber: `11320100MB0000000X/2023-${String(i + 100).padStart(5, '0')}`,
        publishedOn: `2023-0${1 + (i % 9)}-1${i % 10}`,
      });
    }
  }, 120_000);
  afterAll(async () => server.close());

  it('shows the district portal: agencies by kind, the latest items with their dates', async () => {
    const page = await get('/gk');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('示范区人民政府');
    expect(page.body).toContain('href="/gk/a/demo-education"');
    expect(page.body).toContain('街道办事处');
    // Every listed item shows its publication date.
    const items = page.body.split('<li>').filter((li) => li.includes('href="/gk/d/'));
    expect(items.length).toBe(10);
    for (const item of items)
      expect(item).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}">\d{4}-\d{2}-\d{2}<\/time>/);
    expect(page.body).toContain('<link rel="canonical"');
    expect((await get('/')).headers.location).toBe('/gk');
  });

  it('answers an unchanged page with 304 by its ETag, and caches briefly', async () => {
    const page = await get('/gk/a/demo-education');
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    const again = await get('/gk/a/demo-education', { 'if-none-match': String(page.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('searches with marked words, facets with counts and keyset pages', async () => {
    const page = await get(`/gk/search?q=${encodeURIComponent('预算')}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<mark>预算</mark>');
    expect(page.body).toMatch(/示范区教育局<\/a\s*>\s*<span class="count">\(2\)<\/span>/);
    const narrowed = await get(`/gk/search?q=${encodeURIComponent('预算')}&item=item7&order=date`);
    expect(narrowed.body).toContain('aria-current="true"');
    const exact = await get(`/gk/search?q=${encodeURIComponent('示范府发[2024]3号')}`);
    expect(exact.body).toContain('文号/索引号匹配');
    const paged = await get('/gk/a/demo-district/content');
    const next = /href="([^"]*after=[^"]*)" rel="next"/.exec(paged.body);
    expect(next).not.toBeNull();
    const second = await get(next![1]!.replace(/&amp;/g, '&'));
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain('回到第一页');
  });

  it('turns bad search input into pages, never JSON or a stack trace', async () => {
    const hostile = await get(`/gk/search?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain('<script>');
    for (const url of [
      '/gk/search?q=a&year=99999',
      '/gk/search?q=a&after=not-a-cursor',
      `/gk/search?q=${'预'.repeat(300)}`,
    ]) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(400);
      expect(page.headers['content-type'], url).toContain('text/html');
      expect(page.body, url).toContain('role="alert"');
      expect(page.body, url).not.toMatch(/at .*\.ts:\d+|"code":/);
    }
  });

  it('shows a document with its 目录 record, and says when it was repealed', async () => {
    const page = await get('/gk/d/gov-normative-repealed');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('本文件废止');
    expect(page.body).toContain('示范府发〔2019〕8号');
    expect(page.body).toContain('11320100MB0000000X/2019-00008');
    expect(page.body).toContain('<time datetime="2019-05-10">');
    const current = await get('/gk/d/civ-disability-subsidy');
    expect(current.body).not.toContain('class="banner"');
    expect(current.body).toContain('残疾人两项补贴');
    expect((await get('/gk/d/no-such-document')).statusCode).toBe(404);
  });

  it('gives people a 404 page and the API its JSON', async () => {
    for (const url of [
      '/gk/a/no-such-agency',
      '/gk/a/no-such-agency/guide',
      '/no/such/page',
      '/gk/a/demo-district/reports/1999',
    ]) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(404);
      expect(page.headers['content-type'], url).toContain('text/html');
      expect(page.body, url).toContain('没有找到这个页面');
    }
    const api = await get('/api/v1/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toContain('application/json');
  });

  it('generates the 指南 from the agency record, and says why an empty column is empty', async () => {
    const guide = await get('/gk/a/demo-education/guide');
    expect(guide.body).toContain('示范区学府路8号');
    expect(guide.body).toContain('010-00000011');
    expect(guide.body).toContain('国办函〔2020〕109号');
    expect(guide.body).toContain('class="flow"');
    const reports = await get('/gk/a/demo-education/reports');
    expect(reports.body).toContain('暂无已发布的年度报告');
  });

  it('shows an agency’s published annual reports in the official tables, with their downloads', async () => {
    const stock = { issued: 0, repealed: 0, inForce: 0 };
    await setReportFigures(server.platform, cliOperator, 'demo-education', 2025, {
      regulations: stock,
      normativeDocuments: { issued: 2, repealed: 1, inForce: 9 },
      licensing: 3,
      penalty: 0,
      enforcement: 0,
      feesTenThousandYuan: '0',
    });
    const agencyId = (await listPortalAgencies(server.platform)).find((a) => a.code === 'demo-education')!.id;
    const as = (role: 'registrar' | 'approver') => staff({ role, agencyId });
    const saved = server.clock.now;
    server.clock.now = new Date('2026-01-20T02:00:00Z');
    try {
      // Approved is not published: the column still says why it is empty, the year's page is a 404.
      await approveReport(server.platform, as('approver'), 'demo-education', 2025);
      expect((await get('/gk/a/demo-education/reports')).body).toContain('暂无已发布的年度报告');
      expect((await get('/gk/a/demo-education/reports/2025')).statusCode).toBe(404);
      await publishReport(server.platform, as('registrar'), 'demo-education', 2025);
    } finally {
      server.clock.now = saved;
    }
    const docx = `/api/v1/public/agencies/${agencyId}/reports/2025/export?format=docx`;
    const pdf = `/api/v1/public/agencies/${agencyId}/reports/2025/export?format=pdf`;
    const list = await get('/gk/a/demo-education/reports');
    expect(list.body).not.toContain('暂无已发布的年度报告');
    expect(list.body).toContain('href="/gk/a/demo-education/reports/2025"');
    expect(list.body).toContain('<time datetime="2026-01-20">');
    expect(list.body).toContain(`href="${docx.replace(/&/g, '&amp;')}"`);
    expect(list.body).toContain(`href="${pdf.replace(/&/g, '&amp;')}"`);
    const report = await get('/gk/a/demo-education/reports/2025');
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('三、收到和处理政府信息公开申请情况');
    expect(report.body).toContain('table class="report"');
    expect(report.body).toContain(`href="${docx.replace(/&/g, '&amp;')}"`);
    // The links lead to the published file.
    const file = await get(docx);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // A year whose statutory date has passed but that nobody published is not shown.
    expect((await get('/gk/a/demo-education/reports/2024')).statusCode).toBe(404);
    expect((await get('/gk/a/demo-education')).body).toContain('2025 年度');
  });

  it('switches to 长者模式 and keeps it, and to English', async () => {
    const on = await get('/gk/elder?on=1&next=%2Fgk%2Fa%2Fdemo-education');
    expect(on.statusCode).toBe(303);
    expect(on.headers.location).toBe('/gk/a/demo-education');
    const cookie = cookieOf(on, 'gk_elder');
    const page = await get('/gk/a/demo-education', { cookie });
    expect(page.body).toContain('class="elder"');
    expect((await get('/gk/elder?on=1&next=https://evil.example/')).headers.location).toBe('/gk');
    const en = await get('/gk/a/demo-education?lang=en');
    expect(en.body).toContain('<html lang="en"');
    expect(en.body).toContain('Disclosure guide');
  });

  it('takes an application: token, field errors with the data kept, receipt, re-send, status without personal data', async () => {
    const form = await get('/gk/a/demo-education/apply');
    expect(form.headers['cache-control']).toBe('no-store');
    const token = hiddenValue(form.body, '_token');
    const fields = {
      _token: token,
      applicantType: 'naturalPerson',
      name: '张三丰',
      identityKind: 'residentId',
      identityNumber: residentId.slice(0, 17) + (residentId.endsWith('0') ? '1' : '0'),
      phone: '13800000000',
      description: '请公开2024年本局部门预算的“三公”经费明细。',
      medium: 'electronic',
      delivery: 'online',
    };
    const post = (body: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/gk/a/demo-education/apply', ...urlencoded(body) });
    // At once: a script, not a person.
    const tooQuick = await post(fields);
    expect(tooQuick.statusCode).toBe(400);
    expect(tooQuick.body).toContain('提交太快');
    server.clock.now = new Date(server.clock.now.getTime() + 30_000);
    const wrongId = await post(fields);
    expect(wrongId.statusCode).toBe(400);
    expect(/class="error-summary"[\s\S]*?<\/div>/.exec(wrongId.body)?.[0]).toContain('校验位不符');
    expect(wrongId.body).toContain('value="张三丰"');
    expect(wrongId.body).toContain('三公');
    expect(wrongId.body).toContain('aria-invalid="true"');
    const forged = await post({ ...fields, _token: `${token.split('.')[0]}.${token.split('.')[1]}.forged` });
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain('表单无效');

    const good = { ...fields, identityNumber: residentId };
    const receipt = await post(good);
    expect(receipt.statusCode).toBe(201);
    const tracking = /id="tracking-number">([^<]+)</.exec(receipt.body)![1]!;
    const code = /id="query-code">([^<]+)</.exec(receipt.body)![1]!;
    const again = await post(good);
    expect(again.statusCode).toBe(200);
    expect(again.body).toContain(tracking);
    expect(again.body).toContain('没有重复登记');

    const status = await app.inject({
      method: 'POST',
      url: '/gk/status',
      ...urlencoded({ number: tracking.toLowerCase(), code }),
    });
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain(tracking);
    expect(status.body).toContain('待确认收到');
    for (const personal of ['张三丰', residentId, '13800000000', '三公'])
      expect(status.body).not.toContain(personal);
    const wrong = await app.inject({
      method: 'POST',
      url: '/gk/status',
      ...urlencoded({ number: tracking, code: 'WRONG' }),
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('受理编号或查询码不正确');
    expect(wrong.body).toContain(`value="${tracking}"`);

    // The same identity: a second new form is taken, a third is over the per-identity limit (2 a day here).
    const secondToken = hiddenValue((await get('/gk/a/demo-education/apply')).body, '_token');
    server.clock.now = new Date(server.clock.now.getTime() + 30_000);
    const second = await post({ ...good, _token: secondToken });
    const third = async () => {
      const t = hiddenValue((await get('/gk/a/demo-education/apply')).body, '_token');
      server.clock.now = new Date(server.clock.now.getTime() + 30_000);
      return post({ ...good, description: '另一件申请', _token: t });
    };
    expect(second.statusCode).toBe(201);
    const refused = await third();
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain('已达上限');
    expect(refused.body).toContain('另一件申请');
  });
});
