/** Debian's Chromium driven by playwright-core (never a downloaded browser), and screenshots for people to look at. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';

/**
 * The time Chromium may take to start, and each page action or navigation: generous, because the tests must pass
 * on a fully loaded machine (speed is measured in bench/, not here).
 */
export const BROWSER_TIMEOUT_MS = 180_000;

/**
 * Launches headless Chromium with no background traffic. Every context and page it makes has
 * BROWSER_TIMEOUT_MS as its default time limit (instead of Playwright's 30 s).
 */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    timeout: BROWSER_TIMEOUT_MS,
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    context.setDefaultTimeout(BROWSER_TIMEOUT_MS);
    context.setDefaultNavigationTimeout(BROWSER_TIMEOUT_MS);
    return context;
  };
  browser.newPage = async (...args: Parameters<Browser['newPage']>) => {
    const context = await browser.newContext(...args);
    const page = await context.newPage();
    page.on('close', () => void context.close());
    return page;
  };
  return browser;
}

/** Where screenshots go (git-ignored). */
export const SCREENSHOTS = 'test-results/screenshots';

export const DESKTOP = { width: 1400, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Saves a screenshot of the page at desktop and phone widths; with `at`, the phone one is scrolled to it. */
export async function screenshots(page: Page, name: string, at?: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-desktop.png`, fullPage: false });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone.png`, fullPage: false });
  if (at) {
    await page.locator(at).first().scrollIntoViewIfNeeded();
    await page.waitForTimeout(200); // let the resized layout settle before the picture
    await page.screenshot({ path: `${SCREENSHOTS}/${name}-phone-table.png`, fullPage: false });
  }
  if (size) await page.setViewportSize(size);
}
