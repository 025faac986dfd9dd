import type { AnnualReport } from '../../core/report/model.js';
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { reportFiguresRepository } from '../../storage/report-figures-repository.js';
import { proactiveFiguresInput, type ProactiveFiguresInput } from '../applications/application-input.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles, inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

/** Table 二 as stored: counts, and the 万元 fee figure kept as the decimal text staff typed. */
export type ProactiveFigures = ReturnType<typeof proactiveFiguresInput.parse>;

export function checkReportYear(year: number): number {
  if (!Number.isInteger(year) || year < 2008 || year > 2100) {
    throw new DomainError('VALIDATION_FAILED', `年度无效：${year}`, `invalid year: ${year}`);
  }
  return year;
}

/** Stores the figures of table 二 (第二十条 items) an agency enters for a report year. */
export async function setReportFigures(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  year: number,
  raw: ProactiveFiguresInput,
): Promise<ProactiveFigures> {
  checkReportYear(year);
  const figures = validate(proactiveFiguresInput, raw);
  return withAudit(deps, principal, async (trx, record) => {
    const agency = await findAgencyByRef(trx, agencyRef);
    const tree = await agenciesRepository.listAll(trx);
    if (!inScope(scopeOf(principal, tree, readAgencyRoles), agency.id))
      throw errors.agencyNotFound(agencyRef);
    if (!inScope(scopeOf(principal, tree, handleApplicationRoles), agency.id)) throw errors.forbidden();
    const before = await reportFiguresRepository.find(trx, agency.id, year);
    await reportFiguresRepository.upsert(trx, agency.id, year, figures, deps.clock().toISOString());
    record({
      action: 'report.figures-set',
      entityType: 'report',
      entityId: `${agency.id}/${year}`,
      agencyId: agency.id,
      before: before?.proactive ?? null,
      after: figures,
    });
    return figures;
  });
}

/** Zero figures, used where none were entered (the compiled report says so in `proactiveEntered`). */
export const zeroFigures: ProactiveFigures = {
  regulations: { issued: 0, repealed: 0, inForce: 0 },
  normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
  licensing: 0,
  penalty: 0,
  enforcement: 0,
  feesTenThousandYuan: '0',
};

/** Sums figures of several agencies; the 万元 amounts are added as integers of 0.0001 万元 (no floating point). */
export function sumFigures(all: readonly ProactiveFigures[]): ProactiveFigures {
  const stock = (key: 'regulations' | 'normativeDocuments') => ({
    issued: all.reduce((n, f) => n + f[key].issued, 0),
    repealed: all.reduce((n, f) => n + f[key].repealed, 0),
    inForce: all.reduce((n, f) => n + f[key].inForce, 0),
  });
  const units = all.reduce((n, f) => n + toUnits(f.feesTenThousandYuan), 0n);
  return {
    regulations: stock('regulations'),
    normativeDocuments: stock('normativeDocuments'),
    licensing: all.reduce((n, f) => n + f.licensing, 0),
    penalty: all.reduce((n, f) => n + f.penalty, 0),
    enforcement: all.reduce((n, f) => n + f.enforcement, 0),
    feesTenThousandYuan: fromUnits(units),
  };
}

function toUnits(decimal: string): bigint {
  const [whole, fraction = ''] = decimal.split('.');
  return BigInt(whole!) * 10_000n + BigInt(fraction.padEnd(4, '0'));
}

function fromUnits(units: bigint): string {
  const whole = units / 10_000n;
  const fraction = (units % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/** The report model's section 二 from stored figures (the 万元 cell is the number as printed). */
export function proactiveSection(figures: ProactiveFigures): AnnualReport['proactive'] {
  return { ...figures, feesTenThousandYuan: Number(figures.feesTenThousandYuan) };
}
