import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.js';
import { REPORTS, readExpected } from '../../../test/support/fixtures.js';
import { cellDifferences, contractOf } from '../../../test/support/layouts/compare.js';
import { SCANNED_PAGE, buildPdf, textPage } from '../../../test/support/minimal-pdf.js';
import { readReport } from '../index.js';
import { sniffFormat } from '../sniff.js';
import { readPdf } from './index.js';
import { loadPdfJs } from './pdfjs.js';

const PDF_DIR = `${REPORTS}pdf/`;
const pdfs = readdirSync(PDF_DIR).filter((name) => name.endsWith('.pdf'));

async function domainError(promise: Promise<unknown>): Promise<{ code: string; zh: string; en: string }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, zh: error.messageZh, en: error.messageEn };
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('PDF reader on the fixture PDFs', () => {
  it('has the three fixture PDFs', () => expect(pdfs.length).toBe(3));

  it('loads the pdf.js worker with its speed changes', async () => {
    expect((await loadPdfJs()).workerPatched).toBe(true);
  });

  for (const name of pdfs) {
    it(`reads ${name} to exactly its expected JSON`, async () => {
      const bytes = new Uint8Array(readFileSync(`${PDF_DIR}${name}`));
      expect(sniffFormat(bytes, 'no-extension')).toBe('pdf');
      const result = await readReport(bytes, name);
      expect(result.format).toBe('pdf');
      const expected = readExpected(name.replace(/\.pdf$/, '.json'));
      expect(cellDifferences(contractOf(result.report), expected)).toEqual([]);
      expect(contractOf(result.report)).toEqual(expected);
      // The caller's bytes are left as they were (pdf.js transfers the buffer it is given).
      expect(bytes.byteLength).toBeGreaterThan(0);
    });
  }

  it('reads a Node Buffer and leaves it as it was', async () => {
    const buffer = readFileSync(`${PDF_DIR}huaian-hongze-2024.pdf`);
    const before = Buffer.from(buffer);
    const result = await readReport(buffer, 'buffer.pdf');
    expect(result.report.year).toBe(2024);
    expect(buffer.equals(before)).toBe(true);
  });

  it('says where each figure was read: page and position', async () => {
    const result = await readPdf(new Uint8Array(readFileSync(`${PDF_DIR}huaian-city-2024.pdf`)), 'city.pdf');
    const at = result.report.provenance?.['applications.newReceived[6]'];
    expect(at).toMatchObject({ page: 4 });
    expect(at?.x).toBeGreaterThan(400);
    expect(at?.y).toBeGreaterThan(300);
  });
});

describe('PDF reader on other files', () => {
  it('refuses a PDF with no text layer (a scan) as needing OCR, in Chinese and English', async () => {
    const error = await domainError(readPdf(buildPdf([SCANNED_PAGE, SCANNED_PAGE]), 'scan.pdf'));
    expect(error.code).toBe('REPORT_NEEDS_OCR');
    expect(error.zh).toContain('需要 OCR');
    expect(error.en).toContain('needs OCR');
  });

  it('reads text that holds no report as REPORT_NOT_FOUND', async () => {
    const page = textPage([{ text: 'An ordinary letter with no tables in it at all.', x: 72, y: 700 }]);
    expect((await domainError(readPdf(buildPdf([page]), 'letter.pdf'))).code).toBe('REPORT_NOT_FOUND');
  });

  it('refuses a truncated or corrupt PDF with REPORT_UNREADABLE or REPORT_NEEDS_OCR', async () => {
    const bytes = new Uint8Array(readFileSync(`${PDF_DIR}huaian-hongze-2023.pdf`));
    for (const cut of [10, 1000, 50_000]) {
      const error = await domainError(readPdf(bytes.slice(0, cut), 'cut.pdf'));
      expect(['REPORT_UNREADABLE', 'REPORT_NEEDS_OCR', 'REPORT_NOT_FOUND']).toContain(error.code);
    }
    const garbage = new TextEncoder().encode('%PDF-1.7\nthis is not a pdf at all');
    expect(['REPORT_UNREADABLE', 'REPORT_NEEDS_OCR']).toContain(
      (await domainError(readPdf(garbage, 'bad.pdf'))).code,
    );
  });
});
