import { agenciesRepository } from '../../storage/agencies-repository.js';
import { effectiveAnswerTemplates, type EffectiveAnswerTemplate } from './answer-templates.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';

/** The effective template of every kind for an agency (its own, inherited or default). */
export async function listAnswerTemplates(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
): Promise<{ agencyId: string; templates: EffectiveAnswerTemplate[] }> {
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!accessPolicy.canReadAnswerTemplates(principal, tree, agency.id))
    throw errors.agencyNotFound(agencyRef);
  const templates = await effectiveAnswerTemplates(deps.db, tree, agency.id);
  return { agencyId: agency.id, templates: [...templates.values()] };
}
