/**
 * End-to-end: the public portal in a real Chromium against a real server, no JavaScript on the pages. Each journey
 * a citizen takes — browse to a document, search and filter, apply and look the status up, 长者模式 and English,
 * a wrong address — with axe on every page and screenshots at 1280 and 390 px (test-results/screenshots/portal-*).
 */
import { mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../src/core/identity.js';
import { cliOperator } from '../src/services/accounts/principal.js';
import { listPortalAgencies } from '../src/services/portal/portal-directory.js';
import { approveReport } from '../src/services/reports/approve-report.js';
import { publishReport } from '../src/services/reports/publish-report.js';
import { setReportFigures } from '../src/services/reports/set-report-figures.js';
import { indexDocument } from '../src/services/search/index-document.js';
import { CIV, corpus, FIN, GOV } from '../test/fixtures/search/corpus.js';
import { freshSqlite } from '../test/helpers/databases.js';
import { freshServer } from '../test/helpers/server.js';
import { staff } from '../test/support/applications.js';
import { launchChromium, SCREENSHOTS } from './browser.js';

const WIDE = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const first17 = '32010219800101123';
const residentId = first17 + residentIdCheckChar(first17);

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

/** Screenshots at 1280 and 390 px (full page), and axe at both widths. */
async function look(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, suffix] of [
    [WIDE, 'wide'],
    [PHONE, 'phone'],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENSHOTS}/portal-${name}-${suffix}.png`, fullPage: true });
    expect(await axeViolations(page), `${name} at ${size.width}px`).toEqual([]);
    // Nothing wider than the screen on a phone (tables scroll inside their own box).
    if (size === PHONE) {
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - window.innerWidth',
      )) as number;
      expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(1);
    }
  }
  await page.setViewportSize(WIDE);
}

// A loaded machine: axe and full-page screenshots at two widths take their time.
describe('the public portal in Chromium', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof freshServer>>;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await freshServer(freshSqlite);
    const agencies = await listPortalAgencies(server.platform);
    const id = (code: string) => agencies.find((a) => a.code === code)!.id;
    const mapped: Record<string, string> = {
      [GOV]: id('demo-district'),
      [FIN]: id('demo-education'),
      [CIV]: id('demo-subdistrict'),
    };
    for (const doc of corpus)
      await indexDocument(server.platform, { ...doc, agencyId: mapped[doc.agencyId]! });
    const stock = { issued: 0, repealed: 0, inForce: 0 };
    await setReportFigures(server.platform, cliOperator, 'demo-education', 2025, {
      regulations: stock,
      normativeDocuments: { issued: 3, repealed: 1, inForce: 12 },
      licensing: 40,
      penalty: 2,
      enforcement: 0,
      feesTenThousandYuan: '0',
    });
    // The 年报 column shows published reports only: approve and publish 2025 on time.
    const education = staff({ role: 'approver', agencyId: mapped[FIN]! });
    const saved = server.clock.now;
    server.clock.now = new Date('2026-01-20T02:00:00Z');
    await approveReport(server.platform, education, 'demo-education', 2025);
    await publishReport(
      server.platform,
      staff({ role: 'registrar', agencyId: mapped[FIN]! }),
      'demo-education',
      2025,
    );
    server.clock.now = saved;
    url = await server.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium();
    // The pages carry no scripts (CSP script-src 'none'); JavaScript stays on only for axe's own probe.
    context = await browser.newContext({ viewport: WIDE, locale: 'zh-CN' });
    page = await context.newPage();
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('browses from the district to a document, and skips to the content by keyboard', async () => {
    await page.goto(`${url}/`);
    expect(new URL(page.url()).pathname).toBe('/gk');
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent?.trim()')).toBe('跳到主要内容');
    await look(page, 'district');
    await page.getByRole('link', { name: '示范区人民政府', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('示范区人民政府政府信息公开专栏');
    await look(page, 'agency');
    await page.getByRole('link', { name: '法定主动公开内容' }).click();
    await page
      .getByRole('link', { name: /行政规范性文件/ })
      .first()
      .click();
    expect(await page.locator('.items li').count()).toBe(2);
    await look(page, 'content');
    await page.getByRole('link', { name: /最低生活保障办法的通知/ }).click();
    expect(await page.locator('.banner').textContent()).toContain('本文件废止');
    expect(await page.locator('table.meta').textContent()).toContain('示范府发〔2019〕8号');
    await look(page, 'document');
    await page.goto(`${url}/gk/a/demo-education/guide`);
    expect(await page.locator('table.meta').textContent()).toContain('示范区学府路8号');
    await look(page, 'guide');
    await page.goto(`${url}/gk/a/demo-education/reports`);
    await page.getByRole('link', { name: /2025年政府信息公开工作年度报告/ }).click();
    expect(await page.locator('table.report').count()).toBeGreaterThan(2);
    await look(page, 'report');
  });

  it('searches, narrows by a facet and changes the order', async () => {
    await page.goto(`${url}/gk`);
    await page.getByLabel('检索政府信息').fill('预算');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/gk\/search\?q=/);
    expect(await page.locator('.items mark').allTextContents()).toContain('预算');
    const total = Number(/共找到 (\d+) 条/.exec((await page.getByRole('status').textContent()) ?? '')![1]);
    expect(total).toBeGreaterThanOrEqual(4);
    await look(page, 'search');
    await page.getByRole('link', { name: '示范区教育局' }).click();
    expect(await page.getByRole('status').textContent()).toContain('共找到 2 条');
    await page.getByRole('link', { name: '发布日期' }).click();
    const dates = await page.locator('.items time').allTextContents();
    expect(dates).toEqual([...dates].sort().reverse());
    await page.goto(`${url}/gk/search?q=${encodeURIComponent('預算公開')}`);
    expect(await page.locator('.items li').first().textContent()).toContain('關於做好');
    await page.goto(`${url}/gk/search?q=${encodeURIComponent('示范府发[2024]3号')}`);
    expect(await page.locator('.items li').first().textContent()).toContain('文号/索引号匹配');
  });

  it('applies online, gets a receipt and looks the status up without personal data', async () => {
    await page.goto(`${url}/gk/a/demo-subdistrict/apply`);
    await look(page, 'apply');
    await page.getByLabel('自然人').check();
    await page.getByLabel('姓名或名称').fill('李四');
    await page.getByLabel('居民身份证').check();
    await page.getByLabel('证件号码').fill(`${first17}${residentId.endsWith('1') ? '2' : '1'}`);
    await page.getByLabel('联系电话（选填）').fill('13900000000');
    await page.getByLabel('所需信息的内容描述').fill('请提供本街道2024年城乡低保资金发放的汇总情况。');
    await page.getByLabel('电子文本').check();
    await page.getByLabel('网上获取').check();
    server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    await page.getByRole('button', { name: '提交申请' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('校验位不符');
    expect(await page.getByLabel('所需信息的内容描述').inputValue()).toContain('城乡低保');
    await look(page, 'apply-error');
    await page.getByRole('link', { name: /校验位不符/ }).click();
    expect(await page.evaluate('document.activeElement?.id')).toBe('identityNumber');
    await page.getByLabel('证件号码').fill(residentId);
    server.clock.now = new Date(server.clock.now.getTime() + 60_000);
    await page.getByRole('button', { name: '提交申请' }).click();
    const tracking = (await page.locator('#tracking-number').textContent())!.trim();
    const code = (await page.locator('#query-code').textContent())!.trim();
    expect(tracking).toMatch(/\d/);
    await look(page, 'receipt');

    await page.goto(`${url}/gk/status`);
    await page.getByLabel('受理编号').fill(tracking);
    await page.getByLabel('查询码').fill(code);
    await page.getByRole('button', { name: '查询' }).click();
    const body = (await page.locator('main').textContent()) ?? '';
    expect(body).toContain('待确认收到');
    for (const personal of ['李四', residentId, '13900000000', '城乡低保'])
      expect(body).not.toContain(personal);
    await look(page, 'status');
  });

  it('switches to 长者模式 (kept across pages) and to English', async () => {
    await page.goto(`${url}/gk/a/demo-education`);
    const before = (await page.evaluate('getComputedStyle(document.body).fontSize')) as string;
    await page.getByRole('link', { name: '长者模式' }).click();
    expect(await page.locator('html').getAttribute('class')).toBe('elder');
    const after = (await page.evaluate('getComputedStyle(document.body).fontSize')) as string;
    expect(parseFloat(after)).toBeGreaterThan(parseFloat(before));
    await page.goto(`${url}/gk`);
    expect(await page.locator('html').getAttribute('class')).toBe('elder');
    await look(page, 'elder');
    await page.getByRole('link', { name: '退出长者模式' }).click();
    expect(await page.locator('html').getAttribute('class')).toBe('');
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toContain('government information');
    await look(page, 'english');
  });

  it('answers a wrong address and bad input with pages', async () => {
    const missing = await page.goto(`${url}/gk/a/no-such-agency`);
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('没有找到这个页面');
    await look(page, 'not-found');
    const bad = await page.goto(`${url}/gk/search?q=${encodeURIComponent('<b>x</b>')}&year=3`);
    expect(bad?.status()).toBe(400);
    expect(await page.getByRole('alert').textContent()).toContain('检索条件无效');
  });
});
