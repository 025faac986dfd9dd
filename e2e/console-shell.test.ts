/**
 * End-to-end: the console's frame in Chromium. Signing in at /login leads to /console; the home screen shows
 * what is due; the language switch turns the screens to English and back; the menu works on a phone; a deep
 * link survives a reload (history mode); signing out ends the session; no script error and no CSP violation
 * on the way, and every answer the console received matched the API's documented schema.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lookAt, NARROW, signedIn, startConsole, type ConsoleHarness } from './console/harness.js';

describe('the console frame in Chromium', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsole();
  });
  afterAll(async () => {
    expect(h.breaches).toEqual([]);
    await h?.close();
  });

  it('signs in to the home screen, switches language, signs out', async () => {
    const { page, problems } = await signedIn(h, 'e2e.registrar');
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/?$/);
    await expect.poll(() => page.locator('h1').textContent()).toBe('今天要办的事');
    await page.getByRole('heading', { name: '已逾期的申请' }).waitFor();
    await lookAt(page, 'home');

    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('What needs me today');
    expect(await page.evaluate('document.documentElement.lang')).toBe('en');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('What needs me today');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('今天要办的事');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${h.url}/console`);
    await page.waitForURL(/\/login\?next=%2Fconsole/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens the menu on a 390 px phone and keeps a deep link across a reload', async () => {
    const { page, problems } = await signedIn(h, 'e2e.supervisor', '/console/no-such-screen', NARROW);
    expect(new URL(page.url()).pathname).toBe('/console/no-such-screen');
    await page.getByRole('heading', { name: '没有这个页面。' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '没有这个页面。' }).waitFor();
    await page.getByRole('button', { name: '打开菜单' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link', { name: '首页' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('今天要办的事');
    expect(new URL(page.url()).pathname).toBe('/console/');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
