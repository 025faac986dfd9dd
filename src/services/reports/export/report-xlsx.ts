/**
 * Workbooks with exceljs. A report: one sheet per statutory table as the template draws it (merged headers from
 * `core/report/layout.ts`, numbers as numbers, 万元 with four decimals). A supervisor's subtree: one row per
 * agency with every cell of its report, its check findings and its publication status, and a sheet listing
 * every finding.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellName, listCells } from '../../../core/report/cells.js';
import { PUBLICATION_STATUS_WORDS } from '../../../core/report/deadline.js';
import {
  layoutValue,
  placeCells,
  reportLayout,
  sectionHeading,
  type LayoutTable,
} from '../../../core/report/layout.js';
import type { AnnualReport } from '../../../core/report/model.js';
import { reportTitle } from '../../../core/report/narrative.js';
import type { SubtreeOverview } from '../subtree-overview.js';

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = { name: '宋体', size: 10 };
const FEE_FORMAT = '0.0000';

function newWorkbook(created: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongkai';
  workbook.created = created;
  workbook.modified = created;
  return workbook;
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Draws one statutory table on its own sheet: a title row, then the table with its merges. */
function tableSheet(workbook: ExcelJS.Workbook, report: AnnualReport, table: LayoutTable): void {
  const sheet = workbook.addWorksheet(table.sheetName, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = table.columnWidths.length;
  sheet.columns = table.columnWidths.map((mm) => ({ width: Math.max(6, mm / 2.2) }));
  const title = sheet.getCell(1, 1);
  title.value = `${reportTitle(report)} · ${sectionHeading(table.section)}`;
  title.font = { name: '黑体', size: 12 };
  sheet.mergeCells(1, 1, 1, width);
  const top = 2;
  for (const { cell, row, column } of placeCells(table)) {
    const r = top + row;
    const c = 1 + column;
    const target = sheet.getCell(r, c);
    if (cell.kind === 'value') {
      const v = layoutValue(report, cell);
      target.value = v;
      if (cell.number === 'tenThousandYuan') target.numFmt = FEE_FORMAT;
    } else {
      target.value = cell.text;
    }
    target.font = { ...FONT, bold: cell.kind === 'header' && table.key === 'proactive' };
    target.alignment = {
      horizontal: cell.align === 'left' ? 'left' : 'center',
      vertical: 'middle',
      wrapText: true,
      ...(cell.vertical ? { textRotation: 'vertical' as const } : {}),
    };
    if (cell.kind === 'caption') {
      target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
    if (cell.rowSpan > 1 || cell.colSpan > 1) {
      sheet.mergeCells(r, c, r + cell.rowSpan - 1, c + cell.colSpan - 1);
    }
    for (let dr = 0; dr < cell.rowSpan; dr++) {
      for (let dc = 0; dc < cell.colSpan; dc++) sheet.getCell(r + dr, c + dc).border = border;
    }
  }
  if (table.headerRows > 0) sheet.views = [{ state: 'frozen', ySplit: top - 1 + table.headerRows }];
}

/** The report as a workbook: one sheet per statutory table (二, 三, 四). */
export async function reportXlsx(report: AnnualReport, created: Date): Promise<Uint8Array> {
  const workbook = newWorkbook(created);
  workbook.title = reportTitle(report);
  for (const table of reportLayout(report)) tableSheet(workbook, report, table);
  return toBytes(workbook);
}

const FIXED_COLUMNS = [
  { header: '机关', headerEn: 'Agency', width: 28 },
  { header: '机关代码', headerEn: 'Code', width: 16 },
  { header: '上级机关', headerEn: 'Parent', width: 24 },
  { header: '发布状态', headerEn: 'Publication', width: 16 },
  { header: '截止日期', headerEn: 'Due', width: 12 },
  { header: '发布日期', headerEn: 'Published on', width: 12 },
  { header: '办件数', headerEn: 'Cases', width: 8 },
  { header: '表二已填报', headerEn: 'Table 2 entered', width: 10 },
  { header: '错误', headerEn: 'Errors', width: 6 },
  { header: '警告', headerEn: 'Warnings', width: 6 },
  { header: '检查结果', headerEn: 'Findings', width: 48 },
] as const;

/**
 * A supervisor's workbook of a subtree: sheet 汇总 with one row per agency (every cell of its report under the
 * cell's name, its findings, its publication status), and sheet 检查结果 with one row per finding.
 */
export async function subtreeXlsx(overview: SubtreeOverview, created: Date): Promise<Uint8Array> {
  // The streaming writer: rows are written as they are added (a 500-agency subtree is ~100,000 cells).
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Gongkai';
  workbook.created = created;
  workbook.modified = created;
  workbook.title = `${overview.root.name}及下级机关${overview.year}年政府信息公开工作年度报告汇总`;
  const first = overview.rows[0]?.report;
  const cells = first ? listCells(first) : [];
  const cellPaths = cells.map((c) => c.path);
  const headers = [...FIXED_COLUMNS.map((c) => c.header), ...cellPaths.map((p) => cellName(p, 'zh'))];
  const sheet = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', xSplit: 1, ySplit: 2 }] });
  sheet.columns = [
    ...FIXED_COLUMNS.map((c) => ({ width: c.width })),
    ...cells.map((c) => ({
      width: 10,
      ...(c.kind === 'tenThousandYuan' ? { style: { numFmt: FEE_FORMAT } } : {}),
    })),
  ];
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: headers.length } };
  // Row 1: the cells' names; row 2: their paths in the JSON contract, for machines.
  for (const [r, values] of [headers, [...FIXED_COLUMNS.map((c) => c.headerEn), ...cellPaths]].entries()) {
    const row = sheet.addRow(values);
    row.font = { ...FONT, bold: r === 0 };
    row.alignment = { vertical: 'middle', wrapText: true };
    row.commit();
  }
  for (const row of overview.rows) {
    const values = new Map(listCells(row.report).map((c) => [c.path, c.value]));
    sheet
      .addRow([
        row.agency.name,
        row.agency.code,
        row.agency.parentName ?? '',
        PUBLICATION_STATUS_WORDS[row.publication.status].zh,
        row.publication.dueDate,
        row.publication.publishedOn ?? '',
        row.caseCount,
        row.proactiveEntered ? '是' : '否',
        row.errorCount,
        row.warningCount,
        row.findings.map((f) => `${f.severity === 'error' ? '错误' : '警告'}：${f.message}`).join('\n'),
        ...cellPaths.map((p) => values.get(p) ?? null),
      ])
      .commit();
  }
  sheet.commit();

  const findings = workbook.addWorksheet('检查结果');
  findings.columns = [
    { header: '机关', width: 28 },
    { header: '级别', width: 8 },
    { header: '规则', width: 14 },
    { header: '单元格', width: 36 },
    { header: '说明', width: 60 },
    { header: 'Message', width: 60 },
  ];
  findings.getRow(1).font = { ...FONT, bold: true };
  for (const row of overview.rows) {
    for (const f of row.findings) {
      findings
        .addRow([
          row.agency.name,
          f.severity === 'error' ? '错误' : '警告',
          f.rule,
          f.path,
          f.message,
          f.messageEn,
        ])
        .commit();
    }
  }
  findings.commit();
  await workbook.commit();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
