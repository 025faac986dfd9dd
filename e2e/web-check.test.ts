/**
 * End-to-end: the report checker in a real Chromium against a real server (listening on a port), without any
 * JavaScript of ours on the pages. Pastes seed reports, uploads the fixture PDFs, checks the marked cells, the
 * provenance on hover and keyboard focus, the downloads against the expected files, axe, and hostile input.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../src/services/accounts/create-user.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { readReport } from '../src/readers/index.js';
import { freshSqlite } from '../test/helpers/databases.js';
import { freshServer } from '../test/helpers/server.js';
import { EXPECTED, REPORTS } from '../test/support/fixtures.js';
import { DESKTOP, launchChromium, screenshots } from './browser.js';

const password = 'e2e supervisor password';
const CONTRACT_KEYS = ['schema', 'agency', 'year', 'template', 'proactive', 'applications', 'appeals'];
const SEEDS = readdirSync(`${REPORTS}seeds`)
  .filter((n) => n.endsWith('.txt'))
  .sort();
const PDFS = readdirSync(`${REPORTS}pdf`)
  .filter((n) => n.endsWith('.pdf'))
  .sort();

function contract(report: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CONTRACT_KEYS.map((key) => [key, report[key]]));
}
function expectedFor(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(`${EXPECTED}${file.replace(/\.(txt|pdf)$/, '.json')}`, 'utf8'));
}

/** Whether the merged readers can read a format yet (the PDF reader lives on its own branch until merged). */
async function canRead(bytes: Uint8Array, name: string): Promise<boolean> {
  try {
    await readReport(bytes, name);
    return true;
  } catch (error) {
    return !String(error).includes('REPORT_FORMAT_UNSUPPORTED');
  }
}
const pdfReader = await canRead(readFileSync(`${REPORTS}pdf/${PDFS[0]}`), PDFS[0] as string);

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

describe('the report checker in Chromium', () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let tempDir: string;
  let savedTmp: string | undefined;
  const dialogs: string[] = [];

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    await createUser(server.platform, cliOperator, {
      username: 'e2e.supervisor',
      displayName: '主管部门（测试）',
      password,
      grants: [{ role: 'supervisor', agency: 'demo-district' }],
    });
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    // The server (this process) gets a temp folder of its own, which must stay empty; the browser keeps its own.
    savedTmp = process.env.TMPDIR;
    tempDir = mkdtempSync(join(tmpdir(), 'gongkai-e2e-tmp-'));
    process.env.TMPDIR = tempDir;
    context = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true, locale: 'zh-CN' });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(async () => {
    await browser?.close();
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
    rmSync(tempDir, { recursive: true, force: true });
    await server?.close();
  });

  async function download(button: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const path = await file.path();
    return readFileSync(path, 'utf8');
  }

  it('/check has a labelled form, no axe violations, and works at phone width', async () => {
    await page.goto(`${url}/check`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.getByLabel('粘贴报告文字').count()).resolves.toBe(1);
    await expect(page.getByLabel('或上传报告文件').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'check-form');
    await page.click('text=English');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await screenshots(page, 'check-form-en');
  });

  it.each(SEEDS)(
    'pasted seed %s reads back as the expected report; the JSON download matches',
    async (seed) => {
      await page.goto(`${url}/check`);
      await page.fill('#text', readFileSync(`${REPORTS}seeds/${seed}`, 'utf8'));
      await page.click('button.primary');
      await page.waitForSelector('#verdict');
      const expected = expectedFor(seed);
      expect(await page.textContent('#agency')).toBe(expected.agency);
      const downloaded = JSON.parse(await download('button[value=json]'));
      expect(contract(downloaded.report)).toEqual(expected);
      // Every finding of the download is marked on its cell (when the cell is in the tables).
      for (const finding of downloaded.findings as { path: string; rule: string }[]) {
        const cell = page.locator(`td[data-path="${finding.path}"]`);
        if ((await cell.count()) === 1) {
          await expect(cell.locator(`a.mark[data-rule="${finding.rule}"]`).count()).resolves.toBeGreaterThan(
            0,
          );
        }
      }
      if (seed === SEEDS[0]) {
        const csv = (await download('button[value=csv]'))
          .replace(/^\ufeff/, '')
          .trim()
          .split('\r\n');
        expect(csv[0]).toBe('path,单元格 cell,数值 value,读取自 source,问题 findings');
        expect(csv.length - 1).toBe(10 + 25 * 7 + 15); // every cell of tables 二, 三 and 四
        expect(csv.find((line) => line.startsWith('applications.newReceived[6],'))).toMatch(/第 \d+ 行/);
        expect(await axeViolations(page)).toEqual([]);
        await screenshots(page, 'result-seed');
      }
    },
  );

  it('shows where a number was read on keyboard focus and on hover, with an accessible description', async () => {
    await page.goto(`${url}/check`);
    await page.fill('#text', readFileSync(`${REPORTS}seeds/${SEEDS[0]}`, 'utf8'));
    await page.click('button.primary');
    await page.waitForSelector('#verdict');
    // Tab from the top until a table cell has focus: cells are in the keyboard order.
    let focused = '';
    for (let i = 0; i < 60 && !focused; i += 1) {
      await page.keyboard.press('Tab');
      focused = (await page.evaluate('document.activeElement?.getAttribute("data-path") ?? ""')) as string;
    }
    expect(focused).toBe('proactive.regulations.issued');
    const cell = page.locator(`td[data-path="${focused}"]`);
    const tip = cell.locator('.tip');
    expect(await tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(
      /第二十条第（一）项 · 规章 · 本年制发件数 · 读取自：\s*第 \d+ 行/,
    );
    const describedBy = await cell.getAttribute('aria-describedby');
    expect(describedBy).toBe(await tip.getAttribute('id'));
    await screenshots(page, 'result-focus');
    // Hover shows it too (and focus elsewhere hides the first).
    await page.locator('#main h1').click();
    expect(await tip.isVisible()).toBe(false);
    const other = page.locator('td[data-path="applications.newReceived[6]"]');
    await other.hover();
    expect(await other.locator('.tip').isVisible()).toBe(true);
    expect(await other.locator('.tip').textContent()).toMatch(
      /一、本年新收政府信息公开申请数量 · 总计 · 读取自：\s*第 \d+ 行/,
    );
  });

  it('marks the cells a finding blames, with a visible mark and text, and lists it beside the table', async () => {
    const report = expectedFor('huaian-city-2024.pdf') as { applications: { totalProcessed: number[] } };
    report.applications.totalProcessed[0] = (report.applications.totalProcessed[0] as number) + 1;
    const file = join(tempDir, '..', `gongkai-e2e-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(report));
    try {
      await page.goto(`${url}/check`);
      await page.setInputFiles('#file', file);
      await page.click('button.primary');
      await page.waitForSelector('#verdict');
    } finally {
      rmSync(file);
    }
    const cell = page.locator('td[data-path="applications.totalProcessed[0]"]');
    expect(await cell.getAttribute('class')).toContain('error');
    const marks = await cell.locator('a.mark').allTextContents();
    expect(marks.join(' ')).toMatch(/✗\d+错误/);
    expect(await cell.locator('a.mark').first().isVisible()).toBe(true);
    const total = page.locator(
      'td[data-path="applications.totalProcessed[6]"] a.mark[data-rule="row-total"]',
    );
    expect(await total.count()).toBe(1);
    const listed = await page.locator('ol.findings-list li').allTextContents();
    expect(listed.some((text) => text.includes('三（七）总计 · 自然人'))).toBe(true);
    await screenshots(page, 'result-marked', '#h-s3');
    // The language switch re-sends the result: the same marks, in English.
    // The switch is a button of the result's re-send form (the report's one copy on the page).
    await page.click('header button[form]');
    await page.waitForSelector('html[lang="en"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('ol.findings-list li').first().textContent()).toContain('Row total');
    expect(await page.locator('td[data-path="applications.totalProcessed[0]"] a.mark').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'result-en', '#h-s3');
  });

  it.skipIf(!pdfReader).each(PDFS)(
    'uploaded PDF %s: the right cells are marked and the JSON matches',
    async (pdf) => {
      await page.goto(`${url}/check`);
      await page.setInputFiles('#file', `${REPORTS}pdf/${pdf}`);
      await page.click('button.primary');
      await page.waitForSelector('#verdict');
      const downloaded = JSON.parse(await download('button[value=json]'));
      expect(contract(downloaded.report)).toEqual(expectedFor(pdf));
      if (pdf === 'huaian-hongze-2023.pdf') {
        for (const path of [
          'appeals.reconsideration.total',
          'appeals.litigationAfterReconsideration.total',
        ]) {
          const mark = page.locator(`td[data-path="${path}"] a.mark[data-rule="appeal-total"]`);
          expect(await mark.count(), path).toBe(1);
        }
        // The 2019-style single （六）其他处理 row: the template finding is marked on its row header.
        const rowMark = page.locator('th:has(#t3-g-otherProcessing) a.mark[data-rule="template"]');
        expect(await rowMark.count()).toBe(1);
        await page.locator('td[data-path="appeals.reconsideration.total"]').focus();
        await screenshots(page, 'result-pdf', '#h-s4');
        const tip = await page.locator('td[data-path="appeals.reconsideration.total"] .tip').textContent();
        expect(tip).toMatch(/第 \d+ 页/);
      }
    },
  );

  it('shows script tags in a pasted report as text: nothing runs, nothing is injected', async () => {
    const hostile = readFileSync(`${REPORTS}seeds/${SEEDS[0]}`, 'utf8').replace(
      '鼓楼街道办事处',
      '<script>alert("pasted")</script><img src=x onerror="alert(1)">鼓楼街道办事处',
    );
    await page.goto(`${url}/check`);
    await page.fill('#text', hostile);
    await page.click('button.primary');
    await page.waitForLoadState('load');
    const injected = async () =>
      page.evaluate('document.querySelectorAll("script, img, iframe, object, [onerror], [onload]").length');
    expect(await injected()).toBe(0);
    expect(await page.textContent('#verdict')).toBeTruthy();
    // Text that is not a report comes back in the form, as text.
    await page.goto(`${url}/check`);
    await page.fill('#text', '<script>alert("again")</script><img src=x onerror="alert(2)">');
    await page.click('button.primary');
    await page.waitForSelector('#problem');
    expect(await injected()).toBe(0);
    expect(await page.inputValue('#text')).toBe(
      '<script>alert("again")</script><img src=x onerror="alert(2)">',
    );
    expect(dialogs).toEqual([]);
  });

  it('refuses a 50 MB upload with a Chinese page (413), storing nothing', async () => {
    const big = join(tempDir, '..', `gongkai-e2e-big-${process.pid}.pdf`);
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 0x20));
    try {
      await page.goto(`${url}/check`);
      await page.setInputFiles('#file', big);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/check') && r.request().method() === 'POST'),
        page.click('button.primary'),
      ]);
      expect(response.status()).toBe(413);
      await page.waitForSelector('#problem');
      expect(await page.textContent('#problem')).toContain('文件太大：单个文件不能超过 20 MB');
      await screenshots(page, 'refused-413');
    } finally {
      rmSync(big);
    }
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('supervisors sign in through /login and batch-check files with a sortable table; axe is clean', async () => {
    await page.goto(`${url}/batch`);
    expect(page.url()).toContain('/login?next=%2Fbatch');
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'login');
    const auditBefore = Number(
      (
        await server.platform.db
          .selectFrom('audit_log')
          .select(server.platform.db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await page.fill('#username', 'e2e.supervisor');
    await page.fill('#password', password);
    await page.click('button.primary');
    expect(new URL(page.url()).pathname).toBe('/batch');
    expect(await axeViolations(page)).toEqual([]);
    await page.setInputFiles('#files', [
      `${EXPECTED}huaian-hongze-2023.json`,
      `${EXPECTED}huaian-city-2024.json`,
      `${REPORTS}seeds/${SEEDS[1]}`,
    ]);
    await page.click('button.primary');
    await page.waitForSelector('#batch-table');
    const names = async () => page.locator('#batch-table tbody th').allTextContents();
    expect((await names())[0]).toBe('huaian-hongze-2023.json');
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, 'batch', '#batch-table');
    await page.click('#batch-table thead button[value^="name-"]');
    await page.waitForSelector('#batch-table');
    const sorted = await names();
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    await page.click('#batch-table tbody tr:first-child a');
    expect(new URL(page.url()).hash).toMatch(/^#r\d+-title$/);
    // Signing in wrote its audit entry; the batch wrote nothing.
    const auditAfter = Number(
      (
        await server.platform.db
          .selectFrom('audit_log')
          .select(server.platform.db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(auditAfter).toBe(auditBefore + 1);
    expect(readdirSync(tempDir)).toEqual([]);
  });
});
