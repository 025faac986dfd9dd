/**
 * Exports an agency's annual report for a year as DOCX, PDF, XLSX, HTML or JSON (the report compiled from its
 * records, with the section text the agency wrote), or, for a supervisor, the subtree: the combined report in
 * any format, or as XLSX the workbook of one row per agency. Clear errors for an unknown format, an agency
 * outside the principal's scope (not found, as every read does) and a year with no data at all.
 */
import { DomainError } from '../../../core/errors.js';
import type { AnnualReport } from '../../../core/report/model.js';
import { reportTitle, unwrittenSections } from '../../../core/report/narrative.js';
import { renderReportHtml } from '../../../core/report/render-html.js';
import { SECTIONS } from '../../../core/report/template.js';
import type { Executor } from '../../../storage/executor.js';
import { reportTextsRepository } from '../../../storage/report-publications-repository.js';
import type { Principal } from '../../accounts/principal.js';
import type { PlatformDeps } from '../../platform/platform.js';
import { compileAnnualReport, type CompiledAnnualReport } from '../compile-annual-report.js';
import { subtreeOverview } from '../subtree-overview.js';
import { printPdf } from './pdf-printer.js';
import { reportDocx } from './report-docx.js';
import { reportXlsx, subtreeXlsx } from './report-xlsx.js';

/** The formats a report exports to. */
export const EXPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** A file ready to send or write. */
export interface ExportedFile {
  bytes: Uint8Array;
  format: ExportFormat;
  contentType: string;
  /** The Chinese file name (`示范区教育局2026年政府信息公开工作年度报告.docx`). */
  fileName: string;
  /** An ASCII name for clients that cannot read RFC 5987 (`annual-report-2026.docx`). */
  asciiName: string;
  /** What a person should know: sections left for the agency to write, findings of the checker. */
  notes: { message: string; messageEn: string }[];
}

export interface ExportQuery {
  agency: string;
  year: number;
  format: string;
  subtree?: boolean;
}

/** The format, or EXPORT_FORMAT_UNKNOWN naming the ones there are. */
export function parseExportFormat(format: string): ExportFormat {
  const f = format.trim().toLowerCase();
  if ((EXPORT_FORMATS as readonly string[]).includes(f)) return f as ExportFormat;
  throw new DomainError(
    'EXPORT_FORMAT_UNKNOWN',
    `不支持的导出格式：${format}（可选 ${EXPORT_FORMATS.join('、')}）`,
    `unknown export format: ${format} (one of ${EXPORT_FORMATS.join(', ')})`,
  );
}

/** Whether anything at all was recorded for the year: cases, appeals or table 二 figures. */
export function hasReportData(compiled: CompiledAnnualReport): boolean {
  return compiled.caseCount > 0 || compiled.appealCount > 0 || compiled.proactiveEnteredCount > 0;
}

/** REPORT_NO_DATA: nothing was recorded for the agency in the year. */
export function noReportData(year: number, agencyName: string): DomainError {
  return new DomainError(
    'REPORT_NO_DATA',
    `${agencyName} ${year} 年度没有任何办件、复议诉讼或表二填报数据，无法导出年度报告`,
    `${agencyName} has no cases, appeals or table 二 figures for ${year}: nothing to export`,
  );
}

/** The report with the section text the agency wrote for the year (a single agency's report only). */
export async function withSectionText(
  db: Executor,
  compiled: CompiledAnnualReport,
  year: number,
): Promise<AnnualReport> {
  if (compiled.agencies.length !== 1) return compiled.report;
  const texts = await reportTextsRepository.find(db, compiled.agencies[0]!.id, year);
  if (!texts) return compiled.report;
  return {
    ...compiled.report,
    // Written text wins; otherwise the compiled report's own (section 一's draft from the records).
    sections: SECTIONS.map((s) => {
      const text = texts[s.number] ?? compiled.report.sections?.find((c) => c.number === s.number)?.text;
      return { number: s.number, title: s.title, ...(text ? { text } : {}) };
    }),
  };
}

/** Renders a report in one of the document formats. */
export async function renderReport(
  report: AnnualReport,
  format: ExportFormat,
  created: Date,
): Promise<Uint8Array> {
  switch (format) {
    case 'docx':
      return reportDocx(report, created);
    case 'pdf':
      return printPdf(renderReportHtml(report));
    case 'xlsx':
      return reportXlsx(report, created);
    case 'html':
      return new TextEncoder().encode(renderReportHtml(report));
    case 'json':
      return new TextEncoder().encode(`${JSON.stringify(report, null, 2)}\n`);
  }
}

/** The file names of an export: Chinese, and an ASCII fallback. */
export function exportFileNames(title: string, year: number, format: ExportFormat, subtree: boolean) {
  const safe = title.replace(/[\\/:*?"<>|\r\n\t]/g, '_').slice(0, 120);
  return {
    fileName: `${safe}.${format}`,
    asciiName: `annual-report-${year}${subtree ? '-subtree' : ''}.${format}`,
  };
}

/** Exports the report (or a supervisor's subtree) in the requested format. */
export async function exportAnnualReport(
  deps: PlatformDeps,
  principal: Principal,
  query: ExportQuery,
): Promise<ExportedFile> {
  const format = parseExportFormat(query.format);
  const created = deps.clock();
  if (query.subtree && format === 'xlsx') {
    const overview = await subtreeOverview(deps, principal, query);
    const title = `${overview.root.name}及下级机关${overview.year}年政府信息公开工作年度报告汇总`;
    return {
      bytes: await subtreeXlsx(overview, created),
      format,
      contentType: CONTENT_TYPES.xlsx,
      ...exportFileNames(title, overview.year, format, true),
      notes: [],
    };
  }
  const compiled = await compileAnnualReport(deps, principal, {
    agency: query.agency,
    year: query.year,
    subtree: query.subtree,
  });
  if (!hasReportData(compiled)) throw noReportData(query.year, compiled.agencies[0]?.name ?? query.agency);
  const report = await withSectionText(deps.db, compiled, query.year);
  const notes = [
    ...unwrittenSections(report).map((heading) => ({
      message: `${heading} 尚无文字，请在发布前填写`,
      messageEn: `${heading} has no text yet; write it before publishing`,
    })),
    ...compiled.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ message: `检查错误：${f.message}`, messageEn: `check error: ${f.messageEn}` })),
  ];
  return {
    bytes: await renderReport(report, format, created),
    format,
    contentType: CONTENT_TYPES[format],
    ...exportFileNames(reportTitle(report), query.year, format, query.subtree === true),
    notes,
  };
}
