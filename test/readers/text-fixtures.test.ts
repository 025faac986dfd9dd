/**
 * Acceptance: every seed text and every fixture PDF converted by pdftotext (-layout, default, -raw) reads to
 * exactly its expected JSON, and its check gives exactly the findings its real arithmetic deserves.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listCells } from '../../src/core/report/cells.js';
import { checkReport } from '../../src/core/report/check.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { readReport } from '../../src/readers/index.js';
import { readTextSync } from '../../src/readers/text/index.js';
import { REPORTS, readExpected } from '../support/fixtures.js';

const SEEDS = `${REPORTS}seeds/`;
const PDFS = `${REPORTS}pdf/`;
const COMMITTED = new URL('../fixtures/pdftotext/', import.meta.url).pathname;
const MODES = { layout: ['-layout'], default: [], raw: ['-raw'] } as const;

/** The findings each fixture deserves, by rule and cell (the real arithmetic of the published tables). */
const DESERVED: Record<string, string[]> = {
  'huaian-hongze-2023': [
    'template@applications.otherProcessing',
    'appeal-total@appeals.reconsideration.total',
    'appeal-total@appeals.litigationAfterReconsideration.total',
  ],
  'huaian-hongze-2024': ['template@applications.otherProcessing'],
};

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The pdftotext output of a fixture PDF: generated now when poppler-utils is installed, else the committed copy. */
const generated = (() => {
  if (!hasPdftotext()) return null;
  return mkdtempSync(join(tmpdir(), 'gongkai-pdftotext-'));
})();

afterAll(() => {
  if (generated !== null) rmSync(generated, { recursive: true, force: true });
});

function pdftotext(base: string, mode: keyof typeof MODES): Uint8Array {
  if (generated === null) return readFileSync(`${COMMITTED}${base}.${mode}.txt`);
  const out = join(generated, `${base}.${mode}.txt`);
  execFileSync('pdftotext', [...MODES[mode], `${PDFS}${base}.pdf`, out]);
  return readFileSync(out);
}

/** The report restricted to the contract keys the expected file has. */
function contractPart(report: AnnualReport, expected: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(expected).map((key) => [key, (report as Record<string, unknown>)[key]]),
  );
}

function expectReads(report: AnnualReport, base: string): void {
  const expected = readExpected(`${base}.json`) as Record<string, unknown>;
  expect(contractPart(report, expected)).toEqual(expected);
  const findings = checkReport(report).map((f) => `${f.rule}@${f.path}`);
  expect(findings).toEqual(DESERVED[base] ?? []);
  expect(checkReport(report)).toEqual(checkReport(expected as AnnualReport));
}

function expectProvenance(report: AnnualReport): void {
  const provenance = report.provenance ?? {};
  // Every number read has the line and column it was read at.
  for (const cell of listCells(report)) {
    if (cell.value === null) continue;
    const at = provenance[cell.path];
    expect(at, cell.path).toBeDefined();
    expect(at!.line).toBeGreaterThan(0);
    expect(at!.column).toBeGreaterThan(0);
    expect(Number(at!.text)).toBe(cell.value);
  }
}

describe('seed texts', () => {
  const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt'));
  it('has the five seeds', () => expect(seeds).toHaveLength(5));
  for (const seed of seeds) {
    it(`${seed} reads to its expected JSON`, async () => {
      const bytes = readFileSync(`${SEEDS}${seed}`);
      const result = await readReport(bytes, seed);
      expect(result.format).toBe('text');
      expectReads(result.report, seed.replace(/\.txt$/, ''));
      expectProvenance(result.report);
    });
  }
});

describe('fixture PDFs through pdftotext', () => {
  const pdfs = readdirSync(PDFS)
    .filter((name) => name.endsWith('.pdf'))
    .map((name) => name.replace(/\.pdf$/, ''));
  it('has the three PDFs', () => expect(pdfs).toHaveLength(3));
  for (const base of pdfs) {
    for (const mode of Object.keys(MODES) as (keyof typeof MODES)[]) {
      it(`${base} (pdftotext ${mode}) reads to its expected JSON`, () => {
        const { report } = readTextSync(pdftotext(base, mode), `${base}.${mode}.txt`);
        expectReads(report, base);
        expectProvenance(report);
      });
    }
  }
});

describe('doubts of the fixtures', () => {
  it('hongze 2023 notes the 行政止公开 slip and the table-四 totals that do not add up', () => {
    const { report } = readTextSync(pdftotext('huaian-hongze-2023', 'default'), 'hongze.txt');
    const kinds = (report.doubts ?? []).map((d) => d.kind);
    expect(kinds).toContain('slip');
    expect(kinds).toContain('appeals-order');
    for (const doubt of report.doubts ?? []) {
      expect(doubt.message).toMatch(/[\u4e00-\u9fff]/);
      expect(doubt.messageEn).toMatch(/[a-z]/);
    }
  });
});
