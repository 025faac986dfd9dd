/**
 * Use case: the text staff write for a section of the annual report (issue 13 item 5) — 五 (存在的主要问题及改进情况)
 * and 六 (其他需要报告的事项), and 一 (总体情况) when they replace the draft written from the records. Audited; the
 * compiled report carries it in `sections[].text`.
 */
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { reportSectionsRepository } from '../../storage/report-sections-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles, inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import { checkReportYear } from './set-report-figures.js';

/** Sections staff write: 一 (over the draft), 五 and 六. */
export const WRITABLE_SECTIONS = ['一', '五', '六'] as const;
export const SECTION_TEXT_MAX = 20_000;

export async function setReportSection(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
  number: string,
  text: string,
): Promise<{ number: string; text: string }> {
  checkReportYear(year);
  if (!(WRITABLE_SECTIONS as readonly string[]).includes(number)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `只能填写第一、五、六部分的文字（第二至四部分由表格生成）：${number}`,
      `only sections 一, 五 and 六 take written text (二 to 四 are the tables): ${number}`,
    );
  }
  const clean = text.replace(/\r\n?/g, '\n').trim();
  if (clean.length > SECTION_TEXT_MAX) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `文字超过 ${SECTION_TEXT_MAX} 字`,
      `the text is longer than ${SECTION_TEXT_MAX} characters`,
    );
  }
  return withAudit(deps, principal, async (trx, record) => {
    const agency = await findAgencyByRef(trx, agencyRef);
    const tree = await agenciesRepository.listAll(trx);
    if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id))
      throw errors.agencyNotFound(agencyRef);
    if (!inScope(scopeOf(principal, tree, handleApplicationRoles), agency.id)) throw errors.forbidden();
    const before = await reportSectionsRepository.find(trx, agency.id, year, number);
    await reportSectionsRepository.upsert(
      trx,
      agency.id,
      year,
      number,
      clean,
      deps.clock().toISOString(),
      auditActorOf(principal).label,
    );
    record({
      action: 'report.figures-set',
      entityType: 'report',
      entityId: `${agency.id}/${year}/section-${number}`,
      agencyId: agency.id,
      before: before === undefined ? null : { section: number, text: before },
      after: { section: number, text: clean },
    });
    return { number, text: clean };
  });
}
