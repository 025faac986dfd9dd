import { wouldCreateCycle, type Agency } from '../../core/agency.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { calendarKeyOf } from '../applications/case-calendar.js';
import { refreshAgencyCaseClocks } from '../applications/refresh-case-clocks.js';
import { updateAgencyInput, type UpdateAgencyInput } from './agency-input.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from './find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

/** Changes an agency's name, kind, 指南 details, settings or parent. */
export async function updateAgency(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: UpdateAgencyInput,
): Promise<Agency> {
  const input = validate(updateAgencyInput, raw);
  return withAudit(deps, principal, async (trx, record) => {
    const tree = await agenciesRepository.listAll(trx);
    const before = await findAgencyByRef(trx, ref);
    if (!accessPolicy.canReadAgency(principal, tree, before.id)) {
      throw errors.agencyNotFound(ref); // do not reveal agencies outside the caller's scope
    }
    const parentId =
      input.parent === undefined
        ? before.parentId
        : input.parent === null
          ? null
          : (await findAgencyByRef(trx, input.parent)).id;
    if (!accessPolicy.canUpdateAgency(principal, tree, before.id, { from: before.parentId, to: parentId }))
      throw errors.forbidden();
    if (wouldCreateCycle(tree, before.id, parentId)) throw errors.agencyCycle();
    const pick = <K extends keyof Agency>(key: K, value: Agency[K] | undefined): Agency[K] =>
      value === undefined ? before[key] : value;
    const after: Agency = {
      ...before,
      parentId,
      name: pick('name', input.name),
      kind: pick('kind', input.kind),
      officeName: pick('officeName', input.officeName),
      address: pick('address', input.address),
      officeHours: pick('officeHours', input.officeHours),
      phone: pick('phone', input.phone),
      fax: pick('fax', input.fax),
      website: pick('website', input.website),
      email: pick('email', input.email),
      settings: pick('settings', input.settings),
      updatedAt: deps.clock().toISOString(),
    };
    await agenciesRepository.update(trx, after);
    // Local working days or the counting rule changed: the open cases' due dates move with them.
    if (calendarKeyOf(after) !== calendarKeyOf(before)) {
      await refreshAgencyCaseClocks(trx, after, after.updatedAt);
    }
    record({
      action: 'agency.update',
      entityType: 'agency',
      entityId: after.id,
      agencyId: after.id,
      before,
      after,
    });
    return after;
  });
}
