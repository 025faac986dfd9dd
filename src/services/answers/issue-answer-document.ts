import {
  composeAnswerDocument,
  formatDocumentNumber,
  reconsiderationBodyOf,
} from '../../core/answers/compose.js';
import type { AnswerTemplateKind } from '../../core/answers/templates.js';
import type { CaseEvent } from '../../core/applications/events.js';
import type { ApplicationRecord } from '../../core/applications/record.js';
import { replay } from '../../core/applications/state-machine.js';
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import {
  answerDocumentsRepository,
  type IssuedAnswerDocument,
} from '../../storage/answer-documents-repository.js';
import { answerNumbersRepository } from '../../storage/answer-numbers-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import { issueAnswerDocumentInput, type IssueAnswerDocumentInput } from './answer-template-input.js';
import { effectiveAnswerTemplates } from './answer-templates.js';
import { withAudit } from '../audit/audit-trail.js';
import { loadCase } from '../applications/get-application.js';
import type { PlatformDeps } from '../platform/platform.js';
import { handleApplicationRoles } from '../policies/access.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { validate } from '../platform/validate.js';

export type { IssuedAnswerDocument };

/** What was requested, as the letter names it: the title (with its 文号) when given, else the description. */
export function requestedText(request: ApplicationRecord['request']): string {
  if (request.title === null) return request.description;
  return request.documentNumber ? `${request.title}（${request.documentNumber}）` : request.title;
}

/**
 * Issues the answer document (告知书 / 答复书) of a case that has its outcome: takes the next 文号 of the agency and
 * year of the answer, composes the text from the agency's templates and records both on the case, frozen. Issuing
 * again returns the document already issued (the same 文号): one case, one number.
 */
export async function issueAnswerDocument(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: IssueAnswerDocumentInput = {},
): Promise<{ document: IssuedAnswerDocument; created: boolean }> {
  const input = validate(issueAnswerDocumentInput, raw);
  try {
    return await issueOnce(deps, principal, ref, input);
  } catch (error) {
    // Two requests for the same case at once (PostgreSQL): the loser's insert fails and its number is rolled
    // back; on retry it finds the document the winner issued.
    if (isUniqueViolation(error)) return issueOnce(deps, principal, ref, input);
    throw error;
  }
}

async function issueOnce(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  input: { details?: string; referralAgency?: string },
): Promise<{ document: IssuedAnswerDocument; created: boolean }> {
  return withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadCase(trx, principal, ref, handleApplicationRoles);
    const caseId = stored.record.id;
    const existing = await answerDocumentsRepository.findByApplication(trx, caseId);
    if (existing) return { document: existing, created: false };
    const events = await applicationsRepository.listEvents(trx, caseId);
    const state = replay(events.map((e): CaseEvent => e.event));
    if (state.outcome === null || state.closedOn === null) {
      throw new DomainError(
        'ANSWER_NOT_AVAILABLE',
        `申请 ${stored.record.trackingNumber} 尚未办结，没有办理结果，不能出具答复文书`,
        `application ${stored.record.trackingNumber} has no outcome yet; no answer document can be issued`,
        { status: state.status },
      );
    }
    const tree = await agenciesRepository.listAll(trx);
    const templates = await effectiveAnswerTemplates(trx, tree, agency.id);
    const source = (kind: AnswerTemplateKind) => templates.get(kind)!;
    const datedOn = state.closedOn;
    const year = Number(datedOn.slice(0, 4));
    const number = await answerNumbersRepository.next(trx, agency.id, year);
    const documentNumber = formatDocumentNumber(source, agency, year, number);
    const content = composeAnswerDocument(source, {
      agency,
      reconsiderationBody: reconsiderationBodyOf(tree, agency.id),
      applicantName: stored.record.applicant.name,
      trackingNumber: stored.record.trackingNumber,
      request: requestedText(stored.record.request),
      receivedDate: state.receivedOn ?? state.registeredOn,
      outcome: state.outcome,
      details: input.details ?? null,
      referralAgency: input.referralAgency ?? null,
      legalGround: state.legalGround,
      answerDate: datedOn,
      documentNumber,
    });
    const document: IssuedAnswerDocument = {
      applicationId: caseId,
      agencyId: agency.id,
      year,
      number,
      documentNumber,
      outcome: state.outcome,
      datedOn,
      content,
      issuedAt: deps.clock().toISOString(),
      issuedBy: auditActorOf(principal).label,
    };
    await answerDocumentsRepository.insert(trx, document);
    record({
      action: 'answer.issue',
      entityType: 'application',
      entityId: caseId,
      agencyId: agency.id,
      before: null,
      // The 文号 and outcome only: the text holds the applicant's name, which the audit trail does not repeat.
      after: { documentNumber, year, number, outcome: state.outcome, datedOn },
    });
    return { document, created: true };
  });
}
