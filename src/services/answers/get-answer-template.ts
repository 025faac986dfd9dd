import { placeholderDescriptions, placeholdersFor } from '../../core/answers/templates.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import {
  answerTemplatesRepository,
  type StoredAnswerTemplate,
} from '../../storage/answer-templates-repository.js';
import {
  answerTemplateKindOf,
  effectiveAnswerTemplates,
  type EffectiveAnswerTemplate,
} from './answer-templates.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';

export interface AnswerTemplateDetail {
  agencyId: string;
  template: EffectiveAnswerTemplate;
  /** The placeholders this kind may use, with what each is. */
  placeholders: { name: string; zh: string; en: string }[];
  /** The agency's own versions of this kind, newest first. */
  history: StoredAnswerTemplate[];
}

/** One kind's effective template for an agency, the placeholders it may use and the agency's versions. */
export async function getAnswerTemplate(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  kindName: string,
): Promise<AnswerTemplateDetail> {
  const kind = answerTemplateKindOf(kindName);
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!accessPolicy.canReadAnswerTemplates(principal, tree, agency.id))
    throw errors.agencyNotFound(agencyRef);
  const templates = await effectiveAnswerTemplates(deps.db, tree, agency.id);
  return {
    agencyId: agency.id,
    template: templates.get(kind)!,
    placeholders: placeholdersFor(kind).map((name) => ({ name, ...placeholderDescriptions[name] })),
    history: await answerTemplatesRepository.history(deps.db, agency.id, kind),
  };
}
