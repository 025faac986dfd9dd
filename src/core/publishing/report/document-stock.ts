/**
 * Table 二's 规章 and 行政规范性文件 rows counted from the published documents (issue 13 item 5), each cell with the
 * documents behind it, like tables 三 and 四 (src/core/applications/compile-report.ts).
 *
 * Counting, for report year Y (dates are YYYY-MM-DD):
 * - 本年制发件数 (`issued`): documents whose 制发 date — the 成文日期, or the 发布日期 when there is none — falls in Y;
 * - 本年废止件数 (`repealed`): documents that stopped being in force in Y — 废止 (repealed by another document) or
 *   失效 (expired at the end of their own term) — by the date that happened;
 * - 现行有效件数 (`inForce`): documents made on or before the last day of Y that had not stopped being in force by
 *   then (an amended document, 已修改, stays in force).
 * So `inForce(Y) = inForce(Y − 1) + issued(Y) − repealed(Y)` holds by construction (the checker's
 * stock-continuity rule), for documents that stop after they were made. Withdrawn publications (撤回) and drafts
 * are not documents of the registry and are left out by the caller.
 */
import { DomainError } from '../../errors.js';

export type StockCategory = 'regulations' | 'normativeDocuments';
export const STOCK_CATEGORIES: readonly StockCategory[] = ['regulations', 'normativeDocuments'];

/** What table 二 needs to know of one published 规章 or 行政规范性文件. */
export interface DocumentStockFacts {
  /** How `--explain` names it: its 索引号, else its id. */
  id: string;
  category: StockCategory;
  /** The 制发 date: 成文日期, or 发布日期 when unknown. */
  madeOn: string;
  /** The day it stopped being in force (废止 or 失效); null while in force. */
  endedOn: string | null;
}

export interface StockRow {
  issued: number;
  repealed: number;
  inForce: number;
}

export interface CompiledStock {
  regulations: StockRow;
  normativeDocuments: StockRow;
  /** Cell path (`proactive.regulations.issued`…) → the documents counted in it, in the order given. */
  explain: Record<string, string[]>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function invalid(facts: DocumentStockFacts, zh: string, en: string): DomainError {
  return new DomainError('VALIDATION_FAILED', `文件 ${facts.id}：${zh}`, `Document ${facts.id}: ${en}`, {
    id: facts.id,
  });
}

/**
 * Counts the stock rows of year `year`. With `explain: false` only the numbers are kept (the fast path for a
 * registry of a million documents). Throws VALIDATION_FAILED on a malformed date or an end before the making.
 */
export function compileDocumentStock(
  documents: Iterable<DocumentStockFacts>,
  options: { year: number; explain?: boolean },
): CompiledStock {
  const first = `${options.year}-01-01`;
  const last = `${options.year}-12-31`;
  const keepIds = options.explain ?? true;
  const rows: Record<StockCategory, StockRow> = {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
  };
  const explain: Record<string, string[]> = {};
  const note = (category: StockCategory, column: keyof StockRow, id: string) => {
    rows[category][column] += 1;
    if (keepIds) (explain[`proactive.${category}.${column}`] ??= []).push(id);
  };
  for (const doc of documents) {
    if (!DATE.test(doc.madeOn))
      throw invalid(doc, `制发日期无效：${doc.madeOn}`, `invalid date made: ${doc.madeOn}`);
    if (doc.endedOn !== null) {
      if (!DATE.test(doc.endedOn)) {
        throw invalid(doc, `废止日期无效：${doc.endedOn}`, `invalid end date: ${doc.endedOn}`);
      }
      if (doc.endedOn < doc.madeOn) {
        throw invalid(
          doc,
          `废止日期 ${doc.endedOn} 早于制发日期 ${doc.madeOn}`,
          `ended ${doc.endedOn} before it was made ${doc.madeOn}`,
        );
      }
    }
    if (doc.madeOn >= first && doc.madeOn <= last) note(doc.category, 'issued', doc.id);
    if (doc.endedOn !== null && doc.endedOn >= first && doc.endedOn <= last)
      note(doc.category, 'repealed', doc.id);
    if (doc.madeOn <= last && (doc.endedOn === null || doc.endedOn > last))
      note(doc.category, 'inForce', doc.id);
  }
  return { ...rows, explain };
}
