import { randomUUID } from 'node:crypto';
import { defaultAgencySettings, type Agency } from '../../core/agency.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import { createAgencyInput, type CreateAgencyInput } from './agency-input.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from './find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

/** Creates an agency under a parent the principal administers (a top-level one from the command line only). */
export async function createAgency(
  deps: PlatformDeps,
  principal: Principal,
  raw: CreateAgencyInput,
): Promise<Agency> {
  const input = validate(createAgencyInput, raw);
  const create = withAudit(deps, principal, async (trx, record) => {
    const tree = await agenciesRepository.listAll(trx);
    const parent = input.parent ? await findAgencyByRef(trx, input.parent) : null;
    if (parent && !accessPolicy.canReadAgency(principal, tree, parent.id))
      throw errors.agencyNotFound(input.parent ?? '');
    if (!accessPolicy.canCreateAgency(principal, tree, parent?.id ?? null)) throw errors.forbidden();
    if (await agenciesRepository.findByCode(trx, input.code)) throw errors.agencyCodeTaken(input.code);
    const now = deps.clock().toISOString();
    const agency: Agency = {
      id: randomUUID(),
      parentId: parent?.id ?? null,
      code: input.code,
      name: input.name,
      kind: input.kind,
      officeName: input.officeName ?? null,
      address: input.address ?? null,
      officeHours: input.officeHours ?? null,
      phone: input.phone ?? null,
      fax: input.fax ?? null,
      website: input.website ?? null,
      email: input.email ?? null,
      settings: input.settings ?? defaultAgencySettings,
      createdAt: now,
      updatedAt: now,
    };
    await agenciesRepository.insert(trx, agency);
    record({
      action: 'agency.create',
      entityType: 'agency',
      entityId: agency.id,
      agencyId: agency.id,
      before: null,
      after: agency,
    });
    return agency;
  });
  // Two requests racing for the same code: the database's unique index decides, reported like the check above.
  return create.catch((error: unknown) => {
    throw isUniqueViolation(error) ? errors.agencyCodeTaken(input.code) : error;
  });
}
