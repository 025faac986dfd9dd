import { DomainError } from '../../core/errors.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { compileFromRecords } from './compile-annual-report.js';
import { withSectionText, hasReportData, noReportData } from './export/export-annual-report.js';
import { checkReportYear } from './set-report-figures.js';
import { beginPublicationStep } from './publication-step.js';
import { getPublicationState, type ReportPublicationState } from './get-publication-state.js';

/** The 负责人 approve the report (a recorded, audited step until the 主动公开 review chain takes it over). */
export const approveReportRoles = ['approver'] as const;

/**
 * Approves an agency's report for a year: compiles it from the records with the text the agency wrote, refuses
 * it while the checker finds errors (上年结转 included, against last year's published report) or while there is
 * nothing recorded, and freezes it as approved. Approving again replaces an approval not yet published.
 */
export async function approveReport(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
): Promise<ReportPublicationState> {
  checkReportYear(year);
  await withAudit(deps, principal, async (trx, record) => {
    const { agency, current } = await beginPublicationStep(
      trx,
      principal,
      agencyRef,
      year,
      approveReportRoles,
      'approve',
    );
    const compiled = await compileFromRecords(trx, { agencyName: agency.name, agencies: [agency], year });
    if (!hasReportData(compiled)) throw noReportData(year, agency.name);
    const errorFindings = compiled.findings.filter((f) => f.severity === 'error');
    if (errorFindings.length > 0) {
      throw new DomainError(
        'REPORT_CHECK_FAILED',
        `年度报告检查有 ${errorFindings.length} 个错误，不能审批：${errorFindings[0]!.message}`,
        `the report has ${errorFindings.length} check error(s) and cannot be approved: ${errorFindings[0]!.messageEn}`,
        { findings: errorFindings },
      );
    }
    const report = await withSectionText(trx, compiled, year);
    await reportPublicationsRepository.approve(trx, {
      agencyId: agency.id,
      year,
      report,
      at: deps.clock().toISOString(),
      by: auditActorOf(principal).label,
    });
    record({
      action: 'report.approve',
      entityType: 'report',
      entityId: `${agency.id}/${year}`,
      agencyId: agency.id,
      before: current ? { status: current.status, approvedAt: current.approvedAt } : null,
      after: { status: 'approved', warnings: compiled.findings.length },
    });
  });
  return getPublicationState(deps, principal, agencyRef, year);
}
