import { DomainError } from '../../core/errors.js';
import { reportTitle } from '../../core/report/narrative.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import {
  CONTENT_TYPES,
  exportFileNames,
  parseExportFormat,
  renderReport,
  type ExportedFile,
} from './export/export-annual-report.js';
import { checkReportYear } from './set-report-figures.js';

/**
 * A published report as a file, for anyone (the portal's 年报 column): the report frozen at approval, rendered in
 * the requested format; the DOCX carries the publication time, so it is the same file every time. A report that
 * is not published is REPORT_NOT_PUBLISHED, whether or not one is being prepared.
 */
export async function exportPublishedReport(
  deps: PlatformDeps,
  agencyRef: string,
  year: number,
  formatName: string,
): Promise<ExportedFile> {
  const format = parseExportFormat(formatName);
  if (format === 'xlsx') {
    throw new DomainError(
      'EXPORT_FORMAT_UNKNOWN',
      '已发布的年度报告提供 DOCX、PDF、HTML、JSON 格式',
      'a published report is available as DOCX, PDF, HTML or JSON',
    );
  }
  checkReportYear(year);
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const found = await reportPublicationsRepository.find(deps.db, agency.id, year);
  if (found?.status !== 'published' || found.publishedAt === null) {
    throw new DomainError(
      'REPORT_NOT_PUBLISHED',
      `${agency.name} 尚未发布 ${year} 年度政府信息公开工作年度报告`,
      `${agency.name} has not published its ${year} annual report`,
    );
  }
  return {
    bytes: await renderReport(found.report, format, new Date(found.publishedAt)),
    format,
    contentType: CONTENT_TYPES[format],
    ...exportFileNames(reportTitle(found.report), year, format, false),
    notes: [],
  };
}
