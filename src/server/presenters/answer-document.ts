import type { z } from 'zod';
import type { IssuedAnswerDocument } from '../../services/answers/issue-answer-document.js';
import type { answerDocumentReply } from '../schemas/answers.js';

/** An issued answer document as the staff API shows it: its 文号, outcome, date, who issued it, its title. */
export function presentAnswerDocument(doc: IssuedAnswerDocument): z.output<typeof answerDocumentReply> {
  return {
    applicationId: doc.applicationId,
    agencyId: doc.agencyId,
    documentNumber: doc.documentNumber,
    year: doc.year,
    number: doc.number,
    outcome: doc.outcome,
    kind: doc.content.kind,
    title: doc.content.title,
    datedOn: doc.datedOn,
    issuedAt: doc.issuedAt,
    issuedBy: doc.issuedBy,
    content: {
      letterhead: doc.content.letterhead,
      title: doc.content.title,
      documentNumber: doc.content.documentNumber,
      salutation: doc.content.salutation,
      paragraphs: doc.content.paragraphs,
      remedies: doc.content.remedies,
      signature: doc.content.signature,
    },
  };
}
