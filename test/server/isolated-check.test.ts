/**
 * The web checker's readers run in worker threads (src/services/reports/isolated-check.ts over the scan's pool): the same
 * results as reading in-process, a stalled reader answered with REPORT_TIMEOUT within the limit while the server
 * keeps answering, 503 when no worker can run, and a clean shutdown with the pool. Real workers, no mocks; the
 * stall is the scan's test seam (GONGKAI_SCAN_TEST_STALL, on the upload's name).
 *
 * No timing here depends on the machine's speed: real reads get a generous limit (READ_LIMIT_MS), and the
 * checkers that meet a stalled file (STALL_LIMIT_MS) otherwise read only a small text report. What is compared
 * is the order of events (health answers while the stalled read is still pending; the busy refusal comes before
 * the stalled reads end), never a duration against a tight bound.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAndCheckReport } from '../../src/services/reports/check-report.js';
import { createUser } from '../../src/services/accounts/create-user.js';
import { IsolatedChecker } from '../../src/services/reports/isolated-check.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { freshSqlite } from '../helpers/databases.js';
import { freshServer } from '../helpers/server.js';
import { cookieOf, hiddenValue, multipart, urlencoded } from '../support/forms.js';
import { REPORTS } from '../support/fixtures.js';

const STALL = 'stall-in-test';
/** The limit for real reads (a PDF among them): far beyond what any read takes, even on a loaded machine. */
const READ_LIMIT_MS = 120_000;
/** The limit of the checkers that meet a stalled file: each stall costs this long, so it is kept short. */
const STALL_LIMIT_MS = 5000;
const seedText = readFileSync(`${REPORTS}seeds/000_f6cea51e2393d527.txt`);
const pdfName = readdirSync(`${REPORTS}pdf`)
  .filter((n) => n.endsWith('.pdf'))
  .sort()[0] as string;
const pdf = readFileSync(`${REPORTS}pdf/${pdfName}`);

describe('the web checker reads in worker threads', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let checker: IsolatedChecker;
  let stalling: Awaited<ReturnType<typeof freshServer>>;
  let stallChecker: IsolatedChecker;

  beforeAll(async () => {
    checker = new IsolatedChecker({
      workers: 1,
      timeoutMs: READ_LIMIT_MS,
      env: { ...process.env, GONGKAI_SCAN_TEST_STALL: STALL },
    });
    server = await freshServer(freshSqlite, { reportChecker: checker });
    stallChecker = new IsolatedChecker({
      workers: 1,
      timeoutMs: STALL_LIMIT_MS,
      env: { ...process.env, GONGKAI_SCAN_TEST_STALL: STALL },
    });
    stalling = await freshServer(freshSqlite, { reportChecker: stallChecker });
  });
  afterAll(async () => {
    await server?.close();
    await stalling?.close();
  });

  it('starts no worker until the first check', () => {
    expect(checker.running).toBe(0);
  });

  it('gives the same report, findings, format and doubts as reading in-process (text and PDF)', async () => {
    for (const [bytes, source] of [
      [seedText, 'seed.txt'],
      [pdf, pdfName],
    ] as const) {
      const isolated = await checker.check({ bytes, source });
      const inProcess = await readAndCheckReport({ bytes: new Uint8Array(bytes), source });
      expect(isolated).toEqual(inProcess);
    }
    expect(checker.running).toBe(1);
    // The caller's bytes are copied before the transfer, never detached.
    expect(seedText.byteLength).toBeGreaterThan(0);
    const upload = await server.app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({ text: '' }, [
        { field: 'file', name: pdfName, bytes: pdf, type: 'application/pdf' },
      ])),
    });
    expect(upload.statusCode).toBe(200);
    expect(upload.body).toContain('<table');
  });

  it('answers a stalled reader with a REPORT_TIMEOUT page within the limit, serving others meanwhile', async () => {
    await stallChecker.check({ bytes: seedText, source: 'seed.txt' }); // the worker is up: time only the stall
    const started = performance.now();
    let settled = false;
    const stalled = stalling.app
      .inject({
        method: 'POST',
        url: '/check',
        ...(await multipart({ text: '' }, [
          { field: 'file', name: `${STALL}.txt`, bytes: seedText, type: 'text/plain' },
        ])),
      })
      .finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The server answers while the stalled read is still pending (it ends only at the limit).
    const health = await stalling.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(settled).toBe(false);

    const response = await stalled;
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(STALL_LIMIT_MS - 50);
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<html lang="zh-CN">');
    expect(response.body).toContain(`读取“${STALL}.txt”超过 5 秒的时限，已中止`);
    expect(response.body).toContain('took longer than the 5 s limit');
    expect(response.body.indexOf('超过 5 秒')).toBeLessThan(response.body.indexOf('took longer'));

    // The stuck worker was replaced: the next report is read as usual.
    const next = await stalling.app.inject({
      method: 'POST',
      url: '/check?lang=en',
      ...(await multipart({ text: seedText.toString('utf8') })),
    });
    expect(next.statusCode).toBe(200);
    expect(next.body).toContain('鼓楼街道办事处');
    expect(stallChecker.running).toBe(1);
  });

  it('gives a report that cannot be read its coded error, as before', async () => {
    await expect(
      checker.check({ bytes: new TextEncoder().encode('这不是报告'), source: 'x.txt' }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/^REPORT_/) });
    const response = await server.app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({}, [
        { field: 'file', name: 'broken.pdf', bytes: pdf.subarray(0, 200), type: 'application/pdf' },
      ])),
    });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('<textarea');
  });

  it('marks only the stalled file of a batch, and checks the others', async () => {
    const password = 'isolated check password';
    await createUser(stalling.platform, cliOperator, {
      username: 'isolated.supervisor',
      displayName: 'isolated.supervisor',
      password,
      grants: [{ role: 'supervisor', agency: 'demo-district' }],
    });
    const form = await stalling.app.inject({ method: 'GET', url: '/login' });
    const login = await stalling.app.inject({
      method: 'POST',
      url: '/login',
      ...urlencoded({
        _csrf: hiddenValue(form.body, '_csrf'),
        username: 'isolated.supervisor',
        password,
        next: '',
      }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: cookieOf(form, 'gongkai_login_csrf'),
      },
    });
    const cookie = cookieOf(login, 'gongkai_session');
    const csrf = hiddenValue(
      (await stalling.app.inject({ method: 'GET', url: '/batch', headers: { cookie } })).body,
      '_csrf',
    );
    const body = await multipart({ _csrf: csrf }, [
      { field: 'files', name: `${STALL}.txt`, bytes: seedText },
      { field: 'files', name: 'seed.txt', bytes: seedText },
    ]);
    const response = await stalling.app.inject({
      method: 'POST',
      url: '/batch',
      payload: body.payload,
      headers: { ...body.headers, cookie },
    });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`读取“${STALL}.txt”超过 5 秒的时限`);
    expect(response.body).toContain('鼓楼街道办事处');
  });

  it('refuses a check at once with 503 when the queue for the workers is full, and recovers', async () => {
    const queued = new IsolatedChecker({
      workers: 1,
      maxWaiting: 1,
      timeoutMs: STALL_LIMIT_MS,
      env: { ...process.env, GONGKAI_SCAN_TEST_STALL: STALL },
    });
    const busy = await freshServer(freshSqlite, { reportChecker: queued });
    try {
      let ended = 0;
      const stalled = (n: number) =>
        queued
          .check({ bytes: seedText, source: `${STALL}-${n}.txt` })
          .catch((error: unknown) => error)
          .finally(() => (ended += 1));
      // One stalls in the worker, one waits for it: the queue is full.
      const running = [stalled(1), stalled(2)];
      expect(queued.pending).toBe(2);
      const refused = await busy.app.inject({
        method: 'POST',
        url: '/check',
        ...(await multipart({ text: seedText.toString('utf8') })),
      });
      // Refused without waiting for the stalled reads (each ends only at the limit).
      expect(ended).toBe(0);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('10');
      expect(refused.body).toContain('<html lang="zh-CN">');
      expect(refused.body).toContain('报告检查正忙，排队的文件已满，请稍后再试');
      expect(refused.body).toContain('The report checker is busy');
      // Both stalled reads end in their time limit; then the checker takes reports again.
      for (const outcome of await Promise.all(running)) {
        expect(outcome).toMatchObject({ code: 'REPORT_TIMEOUT' });
      }
      expect(queued.pending).toBe(0);
      const next = await busy.app.inject({
        method: 'POST',
        url: '/check',
        ...(await multipart({ text: seedText.toString('utf8') })),
      });
      expect(next.statusCode).toBe(200);
      expect(next.body).toContain('鼓楼街道办事处');
    } finally {
      await busy.close();
    }
  });

  it('limits the checks of one client per minute (429, in Chinese first)', async () => {
    const limited = await freshServer(freshSqlite, { checkPerMinute: 2 });
    try {
      const post = async () =>
        limited.app.inject({
          method: 'POST',
          url: '/check',
          ...(await multipart({ text: seedText.toString('utf8') })),
        });
      expect((await post()).statusCode).toBe(200);
      expect((await post()).statusCode).toBe(200);
      const third = await post();
      expect(third.statusCode).toBe(429);
      expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
      expect(third.body).toMatch(/本机检查次数过多，请 \d+ 秒后再试。粘贴的文字仍在下方。/);
      // The pasted report is not lost: it is back in the form, escaped.
      expect(third.body).toContain('<textarea');
      expect(third.body).toContain('鼓楼街道办事处');
      // The re-sends (downloads, language switch) are limited too, before their body is read.
      const resend = await limited.app.inject({
        method: 'POST',
        url: '/check/view',
        ...urlencoded({ name: 'r.json', format: 'json', report: '{}' }),
      });
      expect(resend.statusCode).toBe(429);
      expect(resend.body).toContain('请求过于频繁，请稍后再试');
      expect(resend.body.indexOf('请求过于频繁')).toBeLessThan(resend.body.indexOf('too many requests'));
      // The form itself is not limited.
      expect((await limited.app.inject({ method: 'GET', url: '/check' })).statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('closes the pool with the server; a closed checker answers 503', async () => {
    const other = new IsolatedChecker({ workers: 1 });
    const second = await freshServer(freshSqlite, { reportChecker: other });
    try {
      const ok = await second.app.inject({
        method: 'POST',
        url: '/check',
        ...(await multipart({ text: seedText.toString('utf8') })),
      });
      expect(ok.statusCode).toBe(200);
      expect(other.running).toBe(1);
    } finally {
      await second.close();
    }
    expect(other.running).toBe(0);
    await expect(other.check({ bytes: seedText, source: 'seed.txt' })).rejects.toMatchObject({
      code: 'REPORT_CHECKER_UNAVAILABLE',
    });

    await checker.close();
    const refused = await server.app.inject({
      method: 'POST',
      url: '/check',
      ...(await multipart({ text: seedText.toString('utf8') })),
    });
    expect(refused.statusCode).toBe(503);
    expect(refused.body).toContain('报告检查暂时无法使用');
    expect(refused.body).toContain('The report checker is unavailable');
    expect(checker.running).toBe(0);
  });
});
