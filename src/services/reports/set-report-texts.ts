import { z } from 'zod';
import { SECTIONS } from '../../core/report/template.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { auditActorOf } from '../accounts/principal.js';
import { reportTextsRepository } from '../../storage/report-publications-repository.js';
import type { Principal } from '../accounts/principal.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { validate } from '../platform/validate.js';
import { handleApplicationRoles, inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import { checkReportYear } from './set-report-figures.js';

/** At most this many characters of text per section. */
export const SECTION_TEXT_LIMIT = 20_000;

const text = z.string().max(SECTION_TEXT_LIMIT);

/** The six sections' text by number (一 … 六); a section left out or empty is not written. */
export const reportTextsInput = z
  .object(
    Object.fromEntries(SECTIONS.map((s) => [s.number, text.optional()])) as Record<
      string,
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict()
  .describe("各部分文字，键为 一 至 六 / the sections' text by number 一 … 六");

export type ReportTextsInput = Record<string, string | undefined>;

/** Stores the narrative text an agency writes for its report of a year (printed by the exports). */
export async function setReportTexts(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
  raw: ReportTextsInput,
): Promise<Record<string, string>> {
  checkReportYear(year);
  const input = validate(reportTextsInput, raw) as ReportTextsInput;
  const texts = Object.fromEntries(
    Object.entries(input).filter((entry): entry is [string, string] => (entry[1] ?? '').trim() !== ''),
  );
  return withAudit(deps, principal, async (trx, record) => {
    const agency = await findAgencyByRef(trx, agencyRef);
    const tree = await agenciesRepository.listAll(trx);
    if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id))
      throw errors.agencyNotFound(agencyRef);
    if (!inScope(scopeOf(principal, tree, handleApplicationRoles), agency.id)) throw errors.forbidden();
    const before = await reportTextsRepository.find(trx, agency.id, year);
    await reportTextsRepository.upsert(
      trx,
      agency.id,
      year,
      texts,
      deps.clock().toISOString(),
      auditActorOf(principal).label,
    );
    record({
      action: 'report.texts-set',
      entityType: 'report',
      entityId: `${agency.id}/${year}`,
      agencyId: agency.id,
      before: before ?? null,
      after: texts,
    });
    return texts;
  });
}

/** The text an agency wrote for its report of a year (section number → text; empty when none). */
export async function getReportTexts(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
): Promise<Record<string, string>> {
  checkReportYear(year);
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id)) throw errors.agencyNotFound(agencyRef);
  return (await reportTextsRepository.find(deps.db, agency.id, year)) ?? {};
}
