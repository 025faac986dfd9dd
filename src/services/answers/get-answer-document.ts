import { DomainError } from '../../core/errors.js';
import {
  answerDocumentsRepository,
  type IssuedAnswerDocument,
} from '../../storage/answer-documents-repository.js';
import { answerDocx } from './docx/answer-docx.js';
import { loadCase } from '../applications/get-application.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from '../accounts/principal.js';
import { recordPersonalDataRead } from '../audit/personal-data-reads.js';

/** The answer document issued for a case (read by whoever may read the case), or ANSWER_NOT_ISSUED. */
export async function getAnswerDocument(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
): Promise<IssuedAnswerDocument> {
  const { stored, agency } = await loadCase(deps.db, principal, ref);
  const document = await answerDocumentsRepository.findByApplication(deps.db, stored.record.id);
  if (!document) {
    throw new DomainError(
      'ANSWER_NOT_ISSUED',
      `申请 ${stored.record.trackingNumber} 尚未出具答复文书（先生成，取得文号）`,
      `no answer document has been issued for ${stored.record.trackingNumber} yet (issue it first)`,
    );
  }
  // The document names the applicant and their address: the read is audited.
  await recordPersonalDataRead(deps, principal, {
    kind: 'answer-document',
    agencyId: agency.id,
    cases: [stored.record],
  });
  return document;
}

/** The issued document as a .docx file, rebuilt from the text frozen at issue (same bytes every time). */
export async function getAnswerDocx(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
): Promise<{ docx: Uint8Array; document: IssuedAnswerDocument }> {
  const document = await getAnswerDocument(deps, principal, ref);
  return { docx: await answerDocx(document.content, new Date(document.issuedAt)), document };
}
