/** Debian's Chromium driven by playwright-core (never a downloaded browser), and screenshots for people to look at. */
import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';

/** Launches headless Chromium with no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
