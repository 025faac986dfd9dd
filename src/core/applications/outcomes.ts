/**
 * The 21 statutory leaf outcomes of a disclosure application (条例第三十六条 to 第三十九条 and 国办函〔2020〕109号),
 * one per outcome row of the annual report's table 三. An answer has exactly one; a severed answer (区分处理,
 * 条例第三十七条) counts only as 部分公开 (DOMAIN.md §2.6).
 */
import { OUTCOME_ROWS, type ApplicationRow } from '../report/template.js';

/** An outcome code is its row's path below `applications.`, e.g. `withheld.stateSecret`. */
export type OutcomeCode =
  | 'disclosed'
  | 'partiallyDisclosed'
  | 'withheld.stateSecret'
  | 'withheld.prohibitedByLaw'
  | 'withheld.securityStability'
  | 'withheld.thirdPartyRights'
  | 'withheld.internalAffairs'
  | 'withheld.processInformation'
  | 'withheld.enforcementFiles'
  | 'withheld.administrativeQuery'
  | 'unableToProvide.notHeld'
  | 'unableToProvide.needsCreation'
  | 'unableToProvide.unclearAfterCorrection'
  | 'notProcessed.complaint'
  | 'notProcessed.duplicate'
  | 'notProcessed.publication'
  | 'notProcessed.excessive'
  | 'notProcessed.confirmation'
  | 'otherProcessing.correctionOverdue'
  | 'otherProcessing.feeUnpaid'
  | 'otherProcessing.other';

/** One statutory outcome: its code, its report row (label, legal basis) and whether it discloses anything. */
export interface Outcome {
  code: OutcomeCode;
  row: ApplicationRow;
}

/** The 21 outcomes in the order of the report's rows. */
export const OUTCOMES: readonly Outcome[] = OUTCOME_ROWS.map((row) => ({
  code: row.path.slice('applications.'.length) as OutcomeCode,
  row,
}));

const byCode = new Map(OUTCOMES.map((outcome) => [outcome.code, outcome]));

/** True for one of the 21 statutory outcome codes. */
export function isOutcomeCode(value: string): value is OutcomeCode {
  return byCode.has(value as OutcomeCode);
}

/** The outcome of a code. */
export function outcomeOf(code: OutcomeCode): Outcome {
  return byCode.get(code)!;
}
