/**
 * The exports read back by Gongkai's own readers: DOCX, PDF (Chromium printing the HTML) and HTML each give the
 * compiled report back cell for cell and check as clean as it did; the PDF's text layer holds every label as
 * printed (no Kangxi radicals); the XLSX holds the tables with their merges and numbers as numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReport } from '../../src/core/report/check.js';
import { getAt } from '../../src/core/report/cells.js';
import { placeCells, printsSingleOtherRow, reportLayout } from '../../src/core/report/layout.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { renderReportHtml } from '../../src/core/report/render-html.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  APPLICATIONS_TABLE_NOTE,
  OUTCOME_GROUP_LABEL,
  OUTCOME_GROUPS,
  PROACTIVE_TABLES,
  SECTIONS,
} from '../../src/core/report/template.js';
import { readReport } from '../../src/readers/index.js';
import { closePdfPrinter } from '../../src/services/reports/export/pdf-printer.js';
import { renderReport } from '../../src/services/reports/export/export-annual-report.js';
import { readExpected } from '../support/fixtures.js';
import { everyCellNonZeroReport } from '../support/full-report.js';
import { cellDifferences, contractOf } from '../support/layouts/compare.js';

const created = new Date('2027-01-20T02:00:00Z');

/** A real published report's figures (淮安市洪泽区 2024, many zeros) and one with every cell non-zero. */
const reports: [string, AnnualReport][] = [
  ['a real report (洪泽区 2024)', readExpected('huaian-hongze-2024.json') as AnnualReport],
  ['every cell non-zero', everyCellNonZeroReport()],
];

function summary(report: AnnualReport): string[] {
  return checkReport(report).map((f) => `${f.severity} ${f.rule} ${f.path}`);
}

afterAll(() => closePdfPrinter());

describe.each(reports)('%s exported and read back', (_name, original) => {
  const expected = contractOf(original);

  it.each(['docx', 'pdf', 'html'] as const)(
    '%s: every cell equals the compiled report, and it checks the same',
    async (format) => {
      const bytes = await renderReport(original, format, created);
      const read = await readReport(bytes, `report.${format}`);
      expect(cellDifferences(contractOf(read.report), expected)).toEqual([]);
      expect(summary(read.report)).toEqual(summary(original));
      expect(read.report.doubts ?? []).toEqual([]);
      expect(read.report.sections?.map((s) => s.number)).toEqual(SECTIONS.map((s) => s.number));
    },
  );

  it('xlsx: one sheet per table, the template merges, numbers as numbers in their places', async () => {
    const bytes = await renderReport(original, 'xlsx', created);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const tables = reportLayout(original);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(tables.map((t) => t.sheetName));
    for (const table of tables) {
      const sheet = workbook.getWorksheet(table.sheetName)!;
      let values = 0;
      for (const { cell, row, column } of placeCells(table)) {
        const target = sheet.getCell(2 + row, 1 + column);
        if (cell.kind === 'value') {
          const v = getAt(original, cell.path!) as number | null;
          expect(target.value, cell.path).toBe(v);
          if (v !== null) expect(typeof target.value).toBe('number');
          values += 1;
        } else {
          expect(target.value).toBe(cell.text);
        }
        if (cell.rowSpan > 1 || cell.colSpan > 1) {
          // Every cell the merge covers reads as its top-left cell.
          const last = sheet.getCell(2 + row + cell.rowSpan - 1, 1 + column + cell.colSpan - 1);
          expect(last.isMerged).toBe(true);
          expect(last.master.address).toBe(target.address);
        }
      }
      expect(values).toBe(
        {
          proactive: 10,
          applications: (printsSingleOtherRow(original) ? 23 : 25) * 7,
          appeals: 15,
        }[table.key],
      );
    }
    const applications = workbook.getWorksheet('三、依申请公开')!;
    expect(applications.getCell('D2').value).toBe('申请人情况');
    expect(applications.getCell('J2').master.address).toBe('D2');
    expect(applications.getCell('E3').value).toBe('法人或其他组织');
    expect(applications.getCell('I3').master.address).toBe('E3');
    const appeals = workbook.getWorksheet('四、复议诉讼')!;
    expect(appeals.getCell('A2').value).toBe('行政复议');
    expect(appeals.getCell('F2').value).toBe('行政诉讼');
    expect(appeals.getCell('O2').master.address).toBe('F2');
  });
});

/** Every label a reader of the printed report looks for. */
function printedLabels(): string[] {
  return [
    ...SECTIONS.map((s) => `${s.number}、${s.title}`),
    ...PROACTIVE_TABLES.flatMap((t) => [
      t.caption,
      ...t.columns.map((c) => c.label),
      ...t.rows.map((r) => r.label),
    ]),
    APPLICATIONS_TABLE_NOTE,
    ...APPLICANT_COLUMNS.map((c) => c.label),
    OUTCOME_GROUP_LABEL,
    ...OUTCOME_GROUPS.map((g) => g.label),
    ...APPLICATION_ROWS.map((r) => r.label),
    ...APPEAL_GROUPS.map((g) => g.label),
    '行政诉讼',
    ...APPEAL_RESULTS.map((r) => r.label),
  ];
}

describe('the PDF text layer', () => {
  it('holds every label as printed, with no Kangxi radicals, in embedded TrueType fonts (never Noto CJK)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
    try {
      const pdf = await renderReport(everyCellNonZeroReport(), 'pdf', created);
      writeFileSync(join(dir, 'report.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-raw', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
      // Kangxi radicals and CJK radicals supplement: what Noto CJK's text layer turns 工 人 民 目 into.
      expect(text.match(/[\u2E80-\u2FDF]/gu) ?? []).toEqual([]);
      const flat = text.replace(/\s+/g, '');
      for (const label of printedLabels()) expect(flat, label).toContain(label.replace(/\s+/g, ''));
      expect(flat).toContain('示范区全量测试局2026年政府信息公开工作年度报告');
      const fonts = execFileSync('pdffonts', [join(dir, 'report.pdf')], { encoding: 'utf8' });
      const rows = fonts.split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row).not.toMatch(/Noto/i);
        expect(row).toMatch(/TrueType/);
        expect(row).toMatch(/ yes yes yes /); // embedded, subset, with a ToUnicode map
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the HTML names only TrueType CJK fonts after the GB fonts, never Noto', () => {
    const html = renderReportHtml(everyCellNonZeroReport());
    expect(html).not.toMatch(/Noto/i);
    expect(html).toContain('"仿宋_GB2312"');
    expect(html).toContain('"AR PL UMing CN"');
  });
});
