/**
 * PDF by Chromium printing the report's HTML: Debian's `/usr/bin/chromium` (GONGKAI_CHROMIUM to change it)
 * driven by playwright-core, never a downloaded browser. The browser runs as its own process, launched on first
 * use and kept warm for later exports (a cold start costs seconds; a print of a warm one, a few hundred ms);
 * prints share one context with JavaScript off and every request refused, each on a page of its own that is
 * closed after it, so a report's text can do nothing but be printed. A browser that dies is relaunched on the next print.
 *
 * Chromium, not LibreOffice, because its table layout follows the HTML's merges and widths exactly, it embeds
 * the TrueType CJK font as subset CID fonts with ToUnicode maps (pdftotext reads every label), and a warm
 * browser prints in well under the 2 s budget where LibreOffice starts a new office process every time.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { DomainError } from '../../../core/errors.js';

const CHROMIUM = process.env.GONGKAI_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

interface Warm {
  browser: Browser;
  /** One context for every print: JavaScript off, every request refused; each print has its own page. */
  context: BrowserContext;
}

let browser: Promise<Warm> | null = null;

function launch(): Promise<Warm> {
  const started = chromium.launch({ executablePath: CHROMIUM, args: FLAGS }).then(async (b) => {
    b.on('disconnected', () => {
      if (browser === started) browser = null;
    });
    const context = await b.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    return { browser: b, context };
  });
  started.catch(() => {
    if (browser === started) browser = null;
  });
  browser = started;
  return started;
}

/** The page number of GB/T 9704: `— 1 —` in 4号宋体 below the 版心, one character in from the right edge. */
const FOOTER = `<div style="width:100%;box-sizing:border-box;padding:0 calc(26mm + 14pt) 20mm 0;text-align:right;font-size:14pt;font-family:'宋体','SimSun','AR PL UMing CN',serif;">— <span class="pageNumber"></span> —</div>`;

/** Prints an HTML document to PDF bytes (A4 with the page size and margins of its own `@page` rule). */
export async function printPdf(html: string): Promise<Uint8Array> {
  let warm: Warm;
  try {
    warm = await (browser ?? launch());
  } catch (error) {
    throw new DomainError(
      'EXPORT_UNAVAILABLE',
      `无法启动 Chromium 生成 PDF（${CHROMIUM}）：${(error as Error).message.split('\n')[0]}`,
      `cannot start Chromium to print the PDF (${CHROMIUM}): ${(error as Error).message.split('\n')[0]}`,
    );
  }
  const page = await warm.context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER,
    });
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  } finally {
    await page.close().catch(() => undefined);
  }
}

/** Closes the warm browser (at shutdown, and at the end of a CLI command or a test file). */
export async function closePdfPrinter(): Promise<void> {
  const current = browser;
  browser = null;
  if (current) await (await current.catch(() => null))?.browser.close();
}
