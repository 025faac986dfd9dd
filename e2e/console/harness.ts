/**
 * The console's end-to-end harness: a real server (listening on a port) over a fresh seeded SQLite database,
 * the console as `npm run build` made it, Debian's Chromium, staff accounts with known passwords, sign-in
 * through the /login form, axe on each screen, screenshots at 1280 and 390 px, and a watch on the page for
 * script errors and CSP violations. Every JSON answer the console receives is checked against the route's
 * documented response schema.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { createUser } from '../../src/services/accounts/create-user.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import type { Role } from '../../src/core/roles.js';
import { defaultConsoleDir } from '../../src/server/routes/console.js';
import { freshSqlite } from '../../test/helpers/databases.js';
import { checkResponses, type ContractBreach } from '../../test/helpers/response-contract.js';
import { freshServer } from '../../test/helpers/server.js';
import { launchChromium, SCREENSHOTS } from '../browser.js';

export const WIDE = { width: 1280, height: 860 };
export const NARROW = { width: 390, height: 844 };
export const PASSWORD = 'console e2e password';

/** The staff of the demo district the journeys use (username → role on agency). */
export const STAFF: Record<string, { role: Role; agency: string }> = {
  'e2e.registrar': { role: 'registrar', agency: 'demo-education' },
  'e2e.approver': { role: 'approver', agency: 'demo-district' },
  'e2e.supervisor': { role: 'supervisor', agency: 'demo-district' },
  'e2e.admin': { role: 'admin', agency: 'demo-district' },
  'e2e.auditor': { role: 'auditor', agency: 'demo-district' },
  'e2e.street': { role: 'registrar', agency: 'demo-subdistrict' },
};

export interface ConsoleHarness {
  server: Awaited<ReturnType<typeof freshServer>>;
  url: string;
  browser: Browser;
  breaches: ContractBreach[];
  close: () => Promise<void>;
}

export async function startConsole(): Promise<ConsoleHarness> {
  if (!existsSync(`${defaultConsoleDir()}index.html`)) {
    throw new Error('The console is not built: run `npm run build` (dist/web/console) before these tests.');
  }
  const server = await freshServer(freshSqlite);
  const breaches = checkResponses(server.app);
  for (const [username, grant] of Object.entries(STAFF)) {
    await createUser(server.platform, cliOperator, {
      username,
      displayName: username,
      password: PASSWORD,
      grants: [{ role: grant.role, agency: grant.agency }],
    });
  }
  const url = await server.app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await launchChromium();
  return {
    server,
    url,
    browser,
    breaches,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What went wrong on a page that a person would not see in the screenshot: script errors, blocked content. */
export function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/status of 4\d\d/.test(text)) problems.push(`console: ${text}`);
    if (/Content Security Policy/i.test(text)) problems.push(`CSP: ${text}`);
  });
  return problems;
}

/** A new page at `viewport`, signed in as `username` through the /login form, on `path` of the console. */
export async function signedIn(
  h: ConsoleHarness,
  username: string,
  path = '/console',
  viewport = WIDE,
): Promise<{ page: Page; problems: string[] }> {
  const context = await h.browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page);
  await page.goto(`${h.url}${path}`);
  // The console sends a signed-out visitor to /login?next=…
  await page.waitForURL(/\/login/);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(/\/console/), page.click('button[type="submit"]')]);
  await page.locator('.gk-header').waitFor();
  return { page, problems };
}

/** axe's violations on the page as it stands, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

/**
 * Checks a screen the way a person would meet it at both widths: axe clean at 1280 and at 390 px, nothing
 * wider than the phone's screen, and a full-page screenshot of each (test-results/screenshots/console-NAME-*).
 */
export async function lookAt(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize() ?? WIDE;
  for (const [label, viewport] of [
    ['1280', WIDE],
    ['390', NARROW],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(250); // let the layout and the charts settle
    expect(await axeViolations(page), `${name} at ${label} px`).toEqual([]);
    if (label === '390') {
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - window.innerWidth',
      );
      expect(overflow, `${name}: the page is wider than a 390 px phone`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: `${SCREENSHOTS}/console-${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize(size);
}
