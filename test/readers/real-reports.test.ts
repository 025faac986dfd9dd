/**
 * Acceptance (issue 12): real published reports as people find them — crawled pages run together on a line or a
 * few, cells with no separator or one space apart, the 2019 试行 template, OCR markdown with a lost or wrong
 * header — read to the JSON a person read by hand (`../shared/fixtures/reports/real/expected/`), and their check
 * gives exactly the findings their real arithmetic deserves. The three real PDFs read through pdf.js get no
 * false section errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCells } from '../../src/core/report/cells.js';
import { checkReport } from '../../src/core/report/check.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { readReport } from '../../src/readers/index.js';
import { REPORTS } from '../support/fixtures.js';

const REAL = `${REPORTS}real/`;
const PDFS = `${REPORTS}pdf/`;

/** The findings each report deserves (rule@cell); none listed means none. */
const DESERVED: Record<string, string[]> = {
  'huaian-hongze-2023.pdf': [
    'template@applications.otherProcessing',
    'appeal-total@appeals.reconsideration.total',
    'appeal-total@appeals.litigationAfterReconsideration.total',
  ],
  'huaian-hongze-2024.pdf': ['template@applications.otherProcessing'],
};

/** Every cell of the contract, 2019 reports' section 二 included (listCells leaves out what a format lacks). */
function allCells(report: AnnualReport): Map<string, number | null> {
  const cells = new Map(listCells(report).map((c) => [c.path, c.value] as const));
  for (const [key, value] of Object.entries(report.proactive)) {
    if (typeof value === 'object' && value !== null) {
      for (const [part, cell] of Object.entries(value))
        cells.set(`proactive.${key}.${part}`, cell as number | null);
    } else cells.set(`proactive.${key}`, value as number | null);
  }
  return cells;
}

/** The cells read differently from the expected file: where expected is null, null or a doubted value is right. */
function differences(read: AnnualReport, expected: AnnualReport): string[] {
  const got = allCells(read);
  const doubted = (read.doubts ?? []).map((d) => d.path).filter((p): p is string => p !== undefined);
  const out: string[] = [];
  for (const [path, want] of allCells(expected)) {
    const value = got.get(path);
    if (value === want) continue;
    if (
      want === null &&
      doubted.some((d) => path === d || path.startsWith(`${d}.`) || path.startsWith(`${d}[`))
    )
      continue;
    out.push(`${path}: ${String(value)} ≠ ${String(want)}`);
  }
  return out;
}

const files = readdirSync(REAL).filter((name) => name.endsWith('.txt'));

describe('real published reports', () => {
  it('has the seven samples', () => expect(files).toHaveLength(7));

  for (const file of files) {
    it(`${file} reads to its expected JSON, with exactly the findings it deserves`, async () => {
      const expected = JSON.parse(
        readFileSync(`${REAL}expected/${file.replace(/\.txt$/, '.json')}`, 'utf8'),
      ) as AnnualReport;
      const { report, format } = await readReport(readFileSync(`${REAL}${file}`), file);
      expect(format).toBe('text');
      expect(differences(report, expected)).toEqual([]);
      expect(report.year).toBe(expected.year);
      expect(report.template).toBe(expected.template);
      // The expected agency is written for a person (the office that compiled a summary, the OCR's misspelling
      // noted in brackets); the title's agency as printed stands in it.
      expect(report.agency?.length ?? 0).toBeGreaterThanOrEqual(4);
      expect(expected.agency).toContain(report.agency);
      // All six sections found, each heading once.
      expect(report.sections?.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
      const findings = checkReport(report).map((f) => `${f.rule}@${f.path}`);
      expect(findings).toEqual(DESERVED[file] ?? []);
    });
  }
});

describe('the real PDFs through pdf.js', () => {
  const pdfs = readdirSync(PDFS).filter((name) => name.endsWith('.pdf'));
  it('has the three PDFs', () => expect(pdfs).toHaveLength(3));
  for (const file of pdfs) {
    it(`${file} finds all six sections and gets no false error`, async () => {
      const { report } = await readReport(readFileSync(`${PDFS}${file}`), file);
      expect(report.sections?.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
      const findings = checkReport(report).map((f) => `${f.rule}@${f.path}`);
      expect(findings).toEqual(DESERVED[file] ?? []);
    }, 60_000);
  }
});
