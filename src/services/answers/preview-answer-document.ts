import {
  formatDocumentNumber,
  composeAnswerDocument,
  reconsiderationBodyOf,
} from '../../core/answers/compose.js';
import { isOutcomeCode, type OutcomeCode } from '../../core/applications/outcomes.js';
import type { AnswerTemplateKind } from '../../core/answers/templates.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { updateAnswerTemplateInput, type UpdateAnswerTemplateInput } from './answer-template-input.js';
import {
  answerTemplateKindOf,
  assertValidAnswerTemplate,
  effectiveAnswerTemplates,
} from './answer-templates.js';
import { beijingDate } from '../applications/case-calendar.js';
import { answerDocx } from './docx/answer-docx.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

/**
 * A sample document (DOCX) of one template kind with the agency's templates and placeholder case data, so staff
 * see what an edit will produce; with `draft`, the unsaved wording is validated and used instead. No 文号 is taken.
 */
export async function previewAnswerDocument(
  deps: PlatformDeps,
  principal: Principal,
  agencyRef: string,
  kindName: string,
  draft?: UpdateAnswerTemplateInput,
): Promise<{ docx: Uint8Array; title: string }> {
  const kind = answerTemplateKindOf(kindName);
  const agency = await findAgencyByRef(deps.db, agencyRef);
  const tree = await agenciesRepository.listAll(deps.db);
  if (!accessPolicy.canReadAnswerTemplates(principal, tree, agency.id))
    throw errors.agencyNotFound(agencyRef);
  const templates = await effectiveAnswerTemplates(deps.db, tree, agency.id);
  if (draft !== undefined) {
    const input = validate(updateAnswerTemplateInput, draft);
    const title = input.title === undefined || input.title === '' ? null : input.title;
    assertValidAnswerTemplate(kind, { title, body: input.body });
    templates.set(kind, { ...templates.get(kind)!, title, body: input.body });
  }
  const source = (k: AnswerTemplateKind) => templates.get(k)!;
  const now = deps.clock();
  const today = beijingDate(now);
  const outcome: OutcomeCode = isOutcomeCode(kind) ? kind : 'disclosed';
  const content = composeAnswerDocument(source, {
    agency,
    reconsiderationBody: reconsiderationBodyOf(tree, agency.id),
    applicantName: '（申请人姓名或名称）',
    trackingNumber: '（申请编号）',
    request: '（所申请的政府信息）',
    receivedDate: today,
    outcome,
    details: '（经办人填写的具体说明）',
    referralAgency: '（负责公开的行政机关名称及联系方式）',
    legalGround: '（经办人填写的依据）',
    answerDate: today,
    documentNumber: formatDocumentNumber(source, agency, Number(today.slice(0, 4)), '××'),
  });
  return { docx: await answerDocx(content, now), title: content.title };
}
