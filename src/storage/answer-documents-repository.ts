import type { AnswerDocumentContent } from '../core/answers/compose.js';
import type { OutcomeCode } from '../core/applications/outcomes.js';
import type { Executor } from './executor.js';
import type { AnswerDocumentTable } from './schema.js';

/** The answer document issued for a case (one per case), as issued. */
export interface IssuedAnswerDocument {
  applicationId: string;
  agencyId: string;
  year: number;
  number: number;
  /** The 文号 as printed, e.g. `示教公开〔2026〕第7号`. */
  documentNumber: string;
  outcome: OutcomeCode;
  /** The date printed on the document (YYYY-MM-DD). */
  datedOn: string;
  content: AnswerDocumentContent;
  issuedAt: string;
  issuedBy: string;
}

function toIssued(row: AnswerDocumentTable): IssuedAnswerDocument {
  return {
    applicationId: row.application_id,
    agencyId: row.agency_id,
    year: Number(row.year),
    number: Number(row.number),
    documentNumber: row.document_number,
    outcome: row.outcome as OutcomeCode,
    datedOn: row.dated_on,
    content: JSON.parse(row.content_json) as AnswerDocumentContent,
    issuedAt: row.issued_at,
    issuedBy: row.issued_by,
  };
}

/** Issued answer documents: written once, never changed (a 文号 once issued stays with its case). */
export const answerDocumentsRepository = {
  async insert(db: Executor, doc: IssuedAnswerDocument): Promise<void> {
    await db
      .insertInto('answer_documents')
      .values({
        application_id: doc.applicationId,
        agency_id: doc.agencyId,
        year: doc.year,
        number: doc.number,
        document_number: doc.documentNumber,
        outcome: doc.outcome,
        dated_on: doc.datedOn,
        content_json: JSON.stringify(doc.content),
        issued_at: doc.issuedAt,
        issued_by: doc.issuedBy,
      })
      .execute();
  },
  async findByApplication(db: Executor, applicationId: string): Promise<IssuedAnswerDocument | undefined> {
    const row = await db
      .selectFrom('answer_documents')
      .selectAll()
      .where('application_id', '=', applicationId)
      .executeTakeFirst();
    return row && toIssued(row);
  },
  /** The numbers an agency issued in a year, in order (for audits of the sequence). */
  async numbersOf(db: Executor, agencyId: string, year: number): Promise<number[]> {
    const rows = await db
      .selectFrom('answer_documents')
      .select('number')
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .orderBy('number')
      .execute();
    return rows.map((r) => Number(r.number));
  },
};
