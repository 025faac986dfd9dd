/**
 * The annual report's tables 三 and 四 counted from case records (DOMAIN.md §7 rule 16), so they balance by
 * construction, with the cases behind every cell.
 *
 * Counting, for report year Y (dates are YYYY-MM-DD):
 * - 一、本年新收: cases whose receipt date (收到申请之日, 条例第三十一条) falls in Y;
 * - 二、上年结转: cases received before Y and still open at the end of Y − 1;
 * - 三 outcome rows: cases closed in Y, by their statutory outcome;
 * - 四、结转下年度: cases received by the end of Y and still open at its end.
 * A case with no confirmed receipt date yet counts from its registration date, so no submitted application
 * is left out of the report (documented in docs/compile.md).
 * Table 四 counts the appeals filed in Y, by their result as of the cut-off date (default: Y-12-31); an appeal
 * not decided by then is 尚未审结.
 */
import { DomainError } from '../errors.js';
import type { AnnualReport, ApplicationRowCells } from '../report/model.js';
import { APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICATION_ROWS, TOTAL_COLUMN } from '../report/template.js';
import { type OutcomeCode, isOutcomeCode } from './outcomes.js';

/** The applicant's type: the report column it is counted in. */
export type ApplicantType = Exclude<(typeof APPLICANT_COLUMNS)[number]['key'], 'total'>;

export type AppealKind = (typeof APPEAL_GROUPS)[number]['key'];
export type AppealResult = 'upheld' | 'corrected' | 'other';

/** A reconsideration or lawsuit about an application's answer. */
export interface AppealFacts {
  id: string;
  kind: AppealKind;
  filedOn: string;
  /** null while the case is not decided (尚未审结). */
  result: AppealResult | null;
  decidedOn: string | null;
}

/** What the report needs to know of one application. */
export interface CaseFacts {
  id: string;
  applicantType: ApplicantType;
  /** The statutory receipt date; null while a receipt awaits confirmation. */
  receivedOn: string | null;
  registeredOn: string;
  /** The day the case closed (answered, lapsed, withdrawn); null while open. */
  closedOn: string | null;
  /** The statutory outcome; required once closed. */
  outcome: OutcomeCode | null;
  appeals?: readonly AppealFacts[];
}

/** Options of a compilation. */
export interface CompileOptions {
  year: number;
  /** Appeals decided after this date count as 尚未审结; default the year's last day. */
  appealCutoff?: string;
  /** Appeals given apart from their cases (counted exactly like `CaseFacts.appeals`). */
  appeals?: Iterable<AppealFacts>;
}

/** Tables 三 and 四, and for every cell path the ids of the cases (or appeals) counted in it. */
export interface CompiledTables {
  applications: AnnualReport['applications'];
  appeals: AnnualReport['appeals'];
  explain: Record<string, string[]>;
}

const columnIndex = new Map(APPLICANT_COLUMNS.map((column) => [column.key, column.index]));

function invalid(facts: CaseFacts, zh: string, en: string): DomainError {
  return new DomainError('CASE_FACTS_INVALID', `办件 ${facts.id}：${zh}`, `Case ${facts.id}: ${en}`, {
    id: facts.id,
  });
}

/** Counts tables 三 and 四 of year `options.year` from the cases; throws CASE_FACTS_INVALID on impossible facts. */
export function compileTables(cases: Iterable<CaseFacts>, options: CompileOptions): CompiledTables {
  const first = `${options.year}-01-01`;
  const last = `${options.year}-12-31`;
  const cutoff = options.appealCutoff ?? last;
  const rows = new Map<string, number[]>(APPLICATION_ROWS.map((row) => [row.path, [0, 0, 0, 0, 0, 0, 0]]));
  const explain: Record<string, string[]> = {};
  // The id lists of every cell, created once: this loop runs for every case of a year.
  const lists = new Map<string, string[][]>(
    APPLICATION_ROWS.map((row) => [row.path, Array.from({ length: 7 }, () => [] as string[])]),
  );
  const count = (path: string, column: number, id: string) => {
    const row = rows.get(path)!;
    const ids = lists.get(path)!;
    row[column]! += 1;
    row[TOTAL_COLUMN]! += 1;
    ids[column]!.push(id);
    ids[TOTAL_COLUMN]!.push(id);
  };
  const appeals = Object.fromEntries(
    APPEAL_GROUPS.map((group) => [group.key, { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }]),
  ) as Record<AppealKind, Record<'upheld' | 'corrected' | 'other' | 'pending' | 'total', number>>;

  const countAppeal = (appeal: AppealFacts) => {
    if (appeal.filedOn < first || appeal.filedOn > last) return;
    const decided = appeal.result !== null && appeal.decidedOn !== null && appeal.decidedOn <= cutoff;
    const result = decided ? appeal.result! : 'pending';
    const group = appeals[appeal.kind];
    group[result] += 1;
    group.total += 1;
    (explain[`appeals.${appeal.kind}.${result}`] ??= []).push(appeal.id);
    (explain[`appeals.${appeal.kind}.total`] ??= []).push(appeal.id);
  };

  for (const facts of cases) {
    const column = columnIndex.get(facts.applicantType);
    if (column === undefined || column === TOTAL_COLUMN) {
      throw invalid(
        facts,
        `申请人类型无效：${facts.applicantType}`,
        `invalid applicant type: ${facts.applicantType}`,
      );
    }
    const start = facts.receivedOn ?? facts.registeredOn;
    const closed = facts.closedOn;
    if (closed !== null) {
      if (facts.outcome === null || !isOutcomeCode(facts.outcome)) {
        throw invalid(facts, '已办结的办件必须有法定办理结果', 'a closed case must have a statutory outcome');
      }
      if (closed < start) throw invalid(facts, '办结日期早于收到申请日期', 'closed before it was received');
    }
    if (start > last || (closed !== null && closed < first)) {
      // Outside the year: neither received, carried, processed nor carried forward in it.
    } else {
      count(start >= first ? 'applications.newReceived' : 'applications.carriedOver', column, facts.id);
      if (closed !== null && closed <= last) {
        count(`applications.${facts.outcome}`, column, facts.id);
        count('applications.totalProcessed', column, facts.id);
      } else {
        count('applications.carriedForward', column, facts.id);
      }
    }
    for (const appeal of facts.appeals ?? []) countAppeal(appeal);
  }
  for (const appeal of options.appeals ?? []) countAppeal(appeal);
  for (const [path, ids] of lists) {
    ids.forEach((list, column) => {
      if (list.length > 0) explain[`${path}[${column}]`] = list;
    });
  }

  const row = (path: string) => rows.get(`applications.${path}`) as ApplicationRowCells;
  return {
    applications: {
      newReceived: row('newReceived'),
      carriedOver: row('carriedOver'),
      disclosed: row('disclosed'),
      partiallyDisclosed: row('partiallyDisclosed'),
      withheld: {
        stateSecret: row('withheld.stateSecret'),
        prohibitedByLaw: row('withheld.prohibitedByLaw'),
        securityStability: row('withheld.securityStability'),
        thirdPartyRights: row('withheld.thirdPartyRights'),
        internalAffairs: row('withheld.internalAffairs'),
        processInformation: row('withheld.processInformation'),
        enforcementFiles: row('withheld.enforcementFiles'),
        administrativeQuery: row('withheld.administrativeQuery'),
      },
      unableToProvide: {
        notHeld: row('unableToProvide.notHeld'),
        needsCreation: row('unableToProvide.needsCreation'),
        unclearAfterCorrection: row('unableToProvide.unclearAfterCorrection'),
      },
      notProcessed: {
        complaint: row('notProcessed.complaint'),
        duplicate: row('notProcessed.duplicate'),
        publication: row('notProcessed.publication'),
        excessive: row('notProcessed.excessive'),
        confirmation: row('notProcessed.confirmation'),
      },
      otherProcessing: {
        correctionOverdue: row('otherProcessing.correctionOverdue'),
        feeUnpaid: row('otherProcessing.feeUnpaid'),
        other: row('otherProcessing.other'),
      },
      totalProcessed: row('totalProcessed'),
      carriedForward: row('carriedForward'),
    },
    appeals,
    explain,
  };
}
