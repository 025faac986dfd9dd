/**
 * Exporting a compiled report from the records (SQLite and PostgreSQL): the DOCX reads back as the compiled
 * report, the supervisor's workbook has one row per agency with every cell, findings and publication status,
 * section text an agency wrote is printed, and bad requests are clear errors.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCells } from '../../src/core/report/cells.js';
import { isDomainError } from '../../src/core/errors.js';
import { readReport } from '../../src/readers/index.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { compileAnnualReport } from '../../src/services/reports/compile-annual-report.js';
import { exportAnnualReport } from '../../src/services/reports/export/export-annual-report.js';
import { closePdfPrinter } from '../../src/services/reports/export/pdf-printer.js';
import { reportTextsRepository } from '../../src/storage/report-publications-repository.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { staff } from '../support/applications.js';
import { cellDifferences, contractOf } from '../support/layouts/compare.js';
import { docxText } from '../support/xml-well-formed.js';

async function rejection(work: Promise<unknown>): Promise<{ code: string; zh: string; en: string }> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, zh: error.messageZh, en: error.messageEn };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe.each(databases)('report exports on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let ids: Map<string, string>;

  beforeAll(async () => {
    ({ platform, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    const rows = await platform.db.selectFrom('agencies').select(['id', 'code']).execute();
    ids = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => {
    await closePdfPrinter();
    await close();
  });

  it('a DOCX of an agency reads back as its compiled report, with the text the agency wrote', async () => {
    await reportTextsRepository.upsert(
      platform.db,
      ids.get('demo-subdistrict')!,
      2026,
      { 一: '本年度，示范街道办事处认真落实条例。\n第二段文字。', 五: '个别答复文书说理不够充分。' },
      '2026-03-02T01:00:00Z',
    );
    const file = await exportAnnualReport(platform, cliOperator, {
      agency: 'demo-subdistrict',
      year: 2026,
      format: 'docx',
    });
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.fileName).toBe('示范街道办事处2026年政府信息公开工作年度报告.docx');
    expect(file.asciiName).toBe('annual-report-2026.docx');
    expect(file.notes.map((n) => n.message)).toEqual(['六、其他需要报告的事项 尚无文字，请在发布前填写']);
    const compiled = await compileAnnualReport(platform, cliOperator, {
      agency: 'demo-subdistrict',
      year: 2026,
    });
    expect(compiled.caseCount).toBeGreaterThan(0);
    // One store for section text: what was written for the export is the compiled report's text too.
    expect(compiled.report.sections?.find((s) => s.number === '五')?.text).toBe('个别答复文书说理不够充分。');
    const read = await readReport(file.bytes, file.fileName);
    expect(cellDifferences(contractOf(read.report), contractOf(compiled.report))).toEqual([]);
    const text = docxText(strFromU8(unzipSync(file.bytes)['word/document.xml']!));
    expect(text).toContain('一、总体情况\n本年度，示范街道办事处认真落实条例。\n第二段文字。\n二、');
    expect(text).toContain('五、存在的主要问题及改进情况\n个别答复文书说理不够充分。\n六、');
  });

  it('a supervisor’s workbook has one row per agency with every cell, findings and publication status', async () => {
    const supervisor = staff({ role: 'supervisor', agencyId: ids.get('demo-district')! });
    const file = await exportAnnualReport(platform, supervisor, {
      agency: 'demo-district',
      year: 2026,
      format: 'xlsx',
      subtree: true,
    });
    expect(file.fileName).toBe('示范区人民政府及下级机关2026年政府信息公开工作年度报告汇总.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '检查结果']);
    const sheet = workbook.getWorksheet('汇总')!;
    const paths = (sheet.getRow(2).values as unknown[]).slice(1) as string[];
    const names = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    expect(names.slice(0, 4)).toEqual(['机关', '机关代码', '上级机关', '发布状态']);
    const rows = [3, 4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    // The supervisor first, then the agencies below it by name (示范街道… before 示范区教育局 in pinyin order).
    expect(rows.map((r) => r[1])).toEqual(['demo-district', 'demo-subdistrict', 'demo-education']);
    expect(sheet.getRow(6).values).toEqual([]);
    for (const row of rows) {
      expect(row[3]).toBe('待发布（未到期）'); // 2026-03-02: the 2026 report is due by 2027-01-31
      expect(row[4]).toBe('2027-01-31');
    }
    // Every cell of each agency's own report, as a number, under its path.
    for (const [i, code] of ['demo-district', 'demo-subdistrict', 'demo-education'].entries()) {
      const own = await compileAnnualReport(platform, cliOperator, { agency: code, year: 2026 });
      for (const cell of listCells(own.report)) {
        const column = paths.indexOf(cell.path);
        expect(column, cell.path).toBeGreaterThan(0);
        expect(rows[i]![column], `${code} ${cell.path}`).toBe(cell.value);
      }
    }
    expect(paths).toHaveLength(11 + 10 + 25 * 7 + 15);
  });

  it('refuses an unknown format, an agency outside the scope and a year with no data, clearly', async () => {
    const unknown = await rejection(
      exportAnnualReport(platform, cliOperator, { agency: 'demo-education', year: 2026, format: 'odt' }),
    );
    expect(unknown).toEqual({
      code: 'EXPORT_FORMAT_UNKNOWN',
      zh: '不支持的导出格式：odt（可选 docx、pdf、xlsx、json、html）',
      en: 'unknown export format: odt (one of docx, pdf, xlsx, json, html)',
    });
    const outside = staff({ role: 'registrar', agencyId: ids.get('demo-education')! });
    const scope = await rejection(
      exportAnnualReport(platform, outside, { agency: 'demo-subdistrict', year: 2026, format: 'docx' }),
    );
    expect(scope.code).toBe('AGENCY_NOT_FOUND');
    const empty = await rejection(
      exportAnnualReport(platform, cliOperator, { agency: 'demo-education', year: 2019, format: 'pdf' }),
    );
    expect(empty).toEqual({
      code: 'REPORT_NO_DATA',
      zh: '示范区教育局 2019 年度没有任何办件、复议诉讼或表二填报数据，无法导出年度报告',
      en: '示范区教育局 has no cases, appeals or table 二 figures for 2019: nothing to export',
    });
    const none = await rejection(
      exportAnnualReport(platform, cliOperator, { agency: 'demo-education', year: 2026, format: 'docx' }),
    );
    expect(none.code).toBe('REPORT_NO_DATA');
    const badYear = await rejection(
      exportAnnualReport(platform, cliOperator, { agency: 'demo-education', year: 1999, format: 'docx' }),
    );
    expect(badYear.code).toBe('VALIDATION_FAILED');
  });
});
