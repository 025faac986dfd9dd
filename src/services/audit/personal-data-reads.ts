import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from '../accounts/principal.js';
import { withAudit } from './audit-trail.js';

/** What was read: the applicant's details in a case view or document, or their names in a list. */
export type PersonalDataReadKind = 'case' | 'case-list' | 'answer-document';

/**
 * Records in the audit trail that `principal` read applicants' personal data (条例第十五条; who, which cases, when,
 * from where): one entry per read, naming the case — or, for a list, the agency and the tracking numbers shown.
 * Written before the data is returned, so a read that cannot be logged is not served.
 */
export async function recordPersonalDataRead(
  deps: PlatformDeps,
  principal: Principal,
  read: { kind: PersonalDataReadKind; agencyId: string; cases: { id: string; trackingNumber: string }[] },
): Promise<void> {
  if (read.cases.length === 0) return;
  const single = read.kind !== 'case-list' ? read.cases[0] : undefined;
  await withAudit(deps, principal, async (_trx, record) => {
    record({
      action: 'personal-data.read',
      entityType: single ? 'application' : 'agency',
      entityId: single ? single.id : read.agencyId,
      agencyId: read.agencyId,
      before: null,
      after: { kind: read.kind, trackingNumbers: read.cases.map((c) => c.trackingNumber) },
    });
  });
}
