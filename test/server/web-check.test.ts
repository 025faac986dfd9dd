/**
 * The web report checker over HTTP (fastify inject): the pages, the refusals (too large, zip bombs, CSRF), the
 * downloads, the sign-in page and the batch checker. Nothing uploaded may be stored: no database rows, no temp files.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../src/core/limits.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { cookieOf, hiddenValue, multipart, urlencoded } from '../support/forms.js';
import { EXPECTED, REPORTS } from '../support/fixtures.js';

const password = 'web check password';
const seed = (name: string) => readFileSync(`${REPORTS}seeds/${name}.txt`);
const expectedJson = (name: string) => readFileSync(`${EXPECTED}${name}.json`);

describe('the web report checker (HTTP)', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let app: FastifyInstance;
  let tempDir: string;
  let savedTmp: string | undefined;

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    app = server.app;
    for (const [username, role] of [
      ['web.supervisor', 'supervisor'],
      ['web.registrar', 'registrar'],
    ] as const) {
      await createUser(server.platform, cliOperator, {
        username,
        displayName: username,
        password,
        grants: [{ role, agency: 'demo-district' }],
      });
    }
    // Uploads must never reach the disk: give this process a temp folder of its own and check it stays empty.
    savedTmp = process.env.TMPDIR;
    tempDir = mkdtempSync(join(tmpdir(), 'gongkai-web-tmp-'));
    process.env.TMPDIR = tempDir;
  });
  afterAll(async () => {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(tempDir, { recursive: true, force: true });
    await server.close();
  });

  async function rowCounts() {
    const db = server.platform.db;
    const count = async (table: 'audit_log' | 'sessions' | 'users' | 'agencies' | 'api_tokens') =>
      Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return {
      audit: await count('audit_log'),
      sessions: await count('sessions'),
      users: await count('users'),
      agencies: await count('agencies'),
      tokens: await count('api_tokens'),
    };
  }

  async function signIn(username: string) {
    const form = await app.inject({ method: 'GET', url: '/login' });
    const csrfCookie = cookieOf(form, 'gongkai_login_csrf');
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      ...urlencoded({ _csrf: hiddenValue(form.body, '_csrf'), username, password, next: '' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    });
    expect(response.statusCode).toBe(303);
    const cookie = cookieOf(response, 'gongkai_session');
    const page = await app.inject({ method: 'GET', url: '/check', headers: { cookie } });
    return { cookie, csrf: hiddenValue(page.body, '_csrf'), location: response.headers.location };
  }

  it('serves /check without sign-in: Chinese by default, English with ?lang=en, strict CSP', async () => {
    const zh = await app.inject({ method: 'GET', url: '/check' });
    expect(zh.statusCode).toBe(200);
    expect(zh.headers['content-type']).toContain('text/html');
    expect(zh.body).toContain('<html lang="zh-CN">');
    expect(zh.body).toContain('<label for="text">粘贴报告文字</label>');
    expect(zh.body).toContain('enctype="multipart/form-data"');
    const csp = String(zh.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('script-src');
    expect(zh.body).not.toContain('<script');
    const en = await app.inject({ method: 'GET', url: '/check?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('Paste the report text');
    expect(en.body).toContain('href="/check"'); // the link back to Chinese
    const css = await app.inject({ method: 'GET', url: '/assets/site.css' });
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-type']).toContain('text/css');
    expect((await app.inject({ method: 'GET', url: '/' })).headers.location).toBe('/gk');
  });

  it('reads a pasted seed report and shows the official tables with where each number was read', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({ text: seed('000_f6cea51e2393d527').toString('utf8') })),
    });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).toContain('鼓楼街道办事处');
    expect(body).toContain('未发现错误');
    // Table 三: the merged header of the 2021 format.
    expect(body).toMatch(/<th colspan="3" rowspan="3" class="note"/);
    expect(body).toMatch(/<th colspan="7" scope="colgroup" id="t3-app">申请人情况<\/th>/);
    expect(body).toMatch(/<th colspan="5" scope="colgroup" id="t3-org">\s*法人或其他组织\s*<\/th>/);
    expect(body.match(/<tr data-row="/g)).toHaveLength(25);
    // Table 四: 15 result columns under 行政复议 / 行政诉讼.
    expect(body).toMatch(/<th colspan="10" scope="colgroup" id="t4-litigation">\s*行政诉讼\s*<\/th>/);
    expect(body.match(/id="c-appeals-[A-Za-z]+-[A-Za-z]+"/g)).toHaveLength(15);
    // Provenance: the cell is focusable and described by its source line.
    expect(body).toMatch(
      /<td\s+id="c-applications-newReceived-6"[^>]*tabindex="0"[^>]*aria-describedby="c-applications-newReceived-6-tip"/,
    );
    expect(body).toMatch(
      /id="c-applications-newReceived-6-tip" role="tooltip"\s*>一、本年新收[^<]*读取自：\s*第 \d+ 行/,
    ); // The report travels once: the language switch submits the downloads' form to /check/view.
    expect(body.match(/name="report"/g)).toHaveLength(1);
    expect(body).toMatch(
      /<form\s+method="post"\s+action="\/check\/export"\s+class="downloads"\s+id="resend"\s*>/,
    );
    expect(body).toMatch(
      /<button\s+type="submit"\s+form="resend"\s+formaction="\/check\/view\?lang=en"\s+lang="en"/,
    );
  });

  it('shows script tags in a pasted report as text, never as markup', async () => {
    const hostile = seed('000_f6cea51e2393d527')
      .toString('utf8')
      .replace('鼓楼街道办事处', '<script>alert("x")</script><img src=x onerror=alert(1)>鼓楼街道办事处');
    const response = await app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({ text: hostile })),
    });
    expect([200, 422]).toContain(response.statusCode);
    expect(response.body).not.toMatch(/<script|<img|onerror=alert/i);
    // Text holding tags is sniffed as HTML (reports pasted from a page's source): the tags are dropped as markup,
    // the report is still read, and whatever text remains is shown escaped.
    expect(response.body).toContain('鼓楼街道办事处');
    expect(response.body).not.toContain('alert(');
  });

  it('refuses a 50 MB upload with a Chinese 413 page, keeping nothing', async () => {
    const before = await rowCounts();
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    const response = await app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({ text: '' }, [{ field: 'file', name: 'big.pdf', bytes: big }])),
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('文件太大：单个文件不能超过 20 MB');
    expect(response.body).toContain('<html lang="zh-CN">');
    // Without a declared length (chunked), the stream limit refuses it too.
    const form = await multipart({ text: '' }, [{ field: 'file', name: 'big.pdf', bytes: big }]);
    const chunked = await app.inject({
      method: 'POST',
      url: '/check',
      payload: form.payload,
      headers: { ...form.headers, 'transfer-encoding': 'chunked' },
    });
    expect(chunked.statusCode).toBe(413);
    expect(chunked.body).toContain('文件太大');
    expect(await rowCounts()).toEqual(before);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('answers an unreadable file with the form and a reason, not an error', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({}, [{ field: 'file', name: 'x.bin', bytes: new Uint8Array([0, 1, 2, 0, 0, 0]) }])),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('role="alert"');
    expect(response.body).toContain('不是可识别的年度报告文件');
    const empty = await app.inject({ method: 'POST', url: '/check', ...(await multipart({ text: '  ' })) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('请先粘贴报告文字或选择一个文件');
  });

  it('downloads the result as JSON (report and findings) and CSV by re-sending it; both are checked again', async () => {
    const report = JSON.parse(expectedJson('huaian-hongze-2023').toString('utf8'));
    const page = await app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({}, [
        { field: 'file', name: 'hongze.json', bytes: expectedJson('huaian-hongze-2023') },
      ])),
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<td\s+id="c-appeals-reconsideration-total"\s+class="num error/);
    const resent = {
      name: hiddenValue(page.body, 'name'),
      format: 'json',
      report: hiddenValue(page.body, 'report'),
    };
    const json = await app.inject({
      method: 'POST',
      url: '/check/export',
      ...urlencoded({ ...resent, as: 'json' }),
    });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="report-check.json"/);
    const downloaded = json.json();
    expect(downloaded.report).toEqual(report);
    expect(downloaded.findings.map((f: { rule: string; path: string }) => `${f.rule} ${f.path}`)).toEqual([
      'template applications.otherProcessing',
      'appeal-total appeals.reconsideration.total',
      'appeal-total appeals.litigationAfterReconsideration.total',
    ]);
    const csv = await app.inject({
      method: 'POST',
      url: '/check/export',
      ...urlencoded({ ...resent, as: 'csv' }),
    });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('path,单元格 cell,数值 value,读取自 source,问题 findings');
    expect(lines.find((l) => l.startsWith('appeals.reconsideration.total,'))).toContain('appeal-total');
    // A tampered re-send cannot smuggle findings or markup: the report is parsed and checked again.
    const tampered = await app.inject({
      method: 'POST',
      url: '/check/export',
      ...urlencoded({ name: 'x', report: '{"findings":[]}', as: 'json' }),
    });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.headers['content-type']).toContain('text/html');
    // The language switch re-sends the report too.
    const english = await app.inject({ method: 'POST', url: '/check/view?lang=en', ...urlencoded(resent) });
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Appeal total');
  });

  it('signs staff in through an HTML form with a double-submit CSRF token, and out with the session token', async () => {
    const form = await app.inject({ method: 'GET', url: '/login' });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<label for="username">用户名</label>');
    const forged = await app.inject({
      method: 'POST',
      url: '/login',
      ...urlencoded({ _csrf: 'guess', username: 'web.supervisor', password }),
    });
    expect(forged.statusCode).toBe(403);
    expect(forged.cookies.find((c) => c.name === 'gongkai_session')).toBeUndefined();
    const wrong = await app.inject({
      method: 'POST',
      url: '/login',
      ...urlencoded({ _csrf: hiddenValue(form.body, '_csrf'), username: 'web.supervisor', password: 'nope' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookieOf(form, 'gongkai_login_csrf'),
      },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('用户名或密码错误');
    const session = await signIn('web.supervisor');
    expect(session.location).toBe('/console');
    const noToken = await app.inject({
      method: 'POST',
      url: '/logout',
      ...urlencoded({}),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    const out = await app.inject({
      method: 'POST',
      url: '/logout',
      ...urlencoded({ _csrf: session.csrf }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie },
    });
    expect(out.statusCode).toBe(303);
    const after = await app.inject({ method: 'GET', url: '/batch', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toBe('/login?next=%2Fbatch');
  });

  it('lets only supervisors and admins batch-check', async () => {
    expect((await app.inject({ method: 'GET', url: '/batch' })).headers.location).toBe(
      '/login?next=%2Fbatch',
    );
    const registrar = await signIn('web.registrar');
    expect(registrar.location).toBe('/console');
    const refused = await app.inject({ method: 'GET', url: '/batch', headers: { cookie: registrar.cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('只有主管部门和管理员可以批量检查报告');
  });

  it('checks several files and a zip at once, sorts by a form, and stores nothing', async () => {
    const { cookie, csrf } = await signIn('web.supervisor');
    const before = await rowCounts();
    const zip = zipSync({
      // A report of an agency of the supervisor's subtree: the table names it.
      'reports/hongze-2024.json': new TextEncoder().encode(
        JSON.stringify({
          ...JSON.parse(expectedJson('huaian-hongze-2024').toString('utf8')),
          agency: '示范区教育局（示范区教育局办公室编制）',
        }),
      ),
      'reports/notes.bin': new Uint8Array([0, 0, 0, 1]),
    });
    const body = await multipart({ _csrf: csrf }, [
      { field: 'files', name: 'hongze-2023.json', bytes: expectedJson('huaian-hongze-2023') },
      { field: 'files', name: 'city-2024.json', bytes: expectedJson('huaian-city-2024') },
      { field: 'files', name: 'bundle.zip', bytes: zip },
    ]);
    const response = await app.inject({
      method: 'POST',
      url: '/batch',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(response.statusCode).toBe(200);
    const rows = [...response.body.matchAll(/<tr data-entry="(\d+)">\s*<th scope="row">([^<]*)<\/th>/g)].map(
      (m) => m[2],
    );
    // Default order: most errors first; unreadable files last.
    expect(rows).toEqual([
      'hongze-2023.json',
      'bundle.zip/reports/hongze-2024.json',
      'city-2024.json',
      'bundle.zip/reports/notes.bin',
    ]);
    expect(response.body).toMatch(/<td>\s*示范区教育局 \(demo-education\)\s*<\/td>/);
    expect(response.body).toContain('不在您管理的范围内');
    expect(response.body).toContain('href="#r0-title"');
    expect(response.body).toContain('id="r0-title"');
    expect(response.body).toMatch(/<td\s+id="r0-c-appeals-reconsideration-total"\s+class="num error/);
    const sorted = await app.inject({
      method: 'POST',
      url: '/batch/sort',
      ...urlencoded({ _csrf: csrf, sort: 'name-asc', entries: hiddenValue(response.body, 'entries') }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    const sortedRows = [
      ...sorted.body.matchAll(/<tr data-entry="\d+">\s*<th scope="row">([^<]*)<\/th>/g),
    ].map((m) => m[1]);
    expect(sortedRows).toEqual(
      [...sortedRows].sort((a, b) => (a as string).localeCompare(b as string, 'zh-CN')),
    );
    expect(sorted.body).toContain('aria-sort="ascending"');
    const forged = await app.inject({
      method: 'POST',
      url: '/batch/sort',
      ...urlencoded({ _csrf: 'x', sort: 'name-asc', entries: '[]' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(forged.statusCode).toBe(403);
    expect(await rowCounts()).toEqual(before);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('refuses zip bombs (too large once decompressed, or too many entries) and a batch without its CSRF token', async () => {
    const { cookie, csrf } = await signIn('web.supervisor');
    const before = await rowCounts();
    const bomb = zipSync(
      { 'a.txt': new Uint8Array(limits.zipMaxUncompressedBytes + 1024 * 1024) },
      { level: 1 },
    );
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= limits.zipMaxEntries; i += 1) many[`r${i}.txt`] = new Uint8Array([0x61]);
    for (const [zip, message] of [
      [bomb, '解压后超过 64 MB'],
      [zipSync(many), `含有超过 ${limits.zipMaxEntries} 个文件`],
    ] as const) {
      const body = await multipart({ _csrf: csrf }, [{ field: 'files', name: 'bomb.zip', bytes: zip }]);
      const response = await app.inject({
        method: 'POST',
        url: '/batch',
        payload: body.payload,
        headers: { ...body.headers, cookie },
      });
      expect(response.statusCode).toBe(413);
      expect(response.body).toContain(message);
    }
    const noCsrf = await multipart({}, [
      { field: 'files', name: 'a.json', bytes: expectedJson('huaian-city-2024') },
    ]);
    const refused = await app.inject({
      method: 'POST',
      url: '/batch',
      payload: noCsrf.payload,
      headers: { ...noCsrf.headers, cookie },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('CSRF');
    expect(await rowCounts()).toEqual(before);
    expect(readdirSync(tempDir)).toEqual([]);
  });
});
