import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { answerTemplatesRepository } from '../../storage/answer-templates-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import { updateAnswerTemplateInput, type UpdateAnswerTemplateInput } from './answer-template-input.js';
import {
  answerTemplateKindOf,
  assertValidAnswerTemplate,
  effectiveAnswerTemplates,
  type EffectiveAnswerTemplate,
} from './answer-templates.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

const versionConflict = (current: number, expected: number) =>
  new DomainError(
    'ANSWER_TEMPLATE_VERSION_CONFLICT',
    `模板已被他人修改（当前版本 ${current}，编辑基于版本 ${expected}），请刷新后重试`,
    `the template changed meanwhile (current version ${current}, edited from ${expected}); reload and retry`,
    { current, expected },
  );

/**
 * Stores a new version of an agency's template of one kind, after validating it (placeholders, sections, title).
 * Earlier versions stay; the change is audited with the wording before and after.
 */
export async function updateAnswerTemplate(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  kindName: string,
  raw: UpdateAnswerTemplateInput,
): Promise<EffectiveAnswerTemplate> {
  const kind = answerTemplateKindOf(kindName);
  const input = validate(updateAnswerTemplateInput, raw);
  const title = input.title === undefined || input.title === '' ? null : input.title;
  assertValidAnswerTemplate(kind, { title, body: input.body });
  return withAudit(deps, principal, async (trx, record) => {
    const agency = await findAgencyByRef(trx, agencyRef);
    const tree = await agenciesRepository.listAll(trx);
    if (!accessPolicy.canReadAnswerTemplates(principal, tree, agency.id))
      throw errors.agencyNotFound(agencyRef);
    if (!accessPolicy.canEditAnswerTemplates(principal, tree, agency.id)) throw errors.forbidden();
    const current = await answerTemplatesRepository.latestVersion(trx, agency.id, kind);
    if (input.expectedVersion !== undefined && input.expectedVersion !== current) {
      throw versionConflict(current, input.expectedVersion);
    }
    const before = (await effectiveAnswerTemplates(trx, tree, agency.id)).get(kind)!;
    const stored = {
      agencyId: agency.id,
      kind,
      version: current + 1,
      title,
      body: input.body,
      createdAt: deps.clock().toISOString(),
      createdBy: auditActorOf(principal).label,
    };
    try {
      await answerTemplatesRepository.insert(trx, stored);
    } catch (error) {
      // Two editors saving at once: the second one's version number is taken.
      if (isUniqueViolation(error)) throw versionConflict(current + 1, current);
      throw error;
    }
    const after: EffectiveAnswerTemplate = {
      kind,
      title,
      body: input.body,
      version: stored.version,
      source: 'agency',
      sourceAgencyId: agency.id,
      updatedAt: stored.createdAt,
      updatedBy: stored.createdBy,
    };
    record({
      action: 'answerTemplate.update',
      entityType: 'answerTemplate',
      entityId: `${agency.id}/${kind}`,
      agencyId: agency.id,
      before,
      after,
    });
    return after;
  });
}
