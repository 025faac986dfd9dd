/**
 * Figures the narrative of a report states about its own tables (sections 一 and 二): applications received in
 * total and by applicant type, answered, each outcome, reconsiderations and lawsuits, normative documents issued,
 * repealed and in force. The checker compares them with the cells (rule `prose`); the readers use them to choose
 * between splits of run-together digits that the arithmetic leaves open.
 */

/** One figure a sentence states, and the cells it is about. */
export interface StatedFigure {
  /** The figure is the sum of these cells (one cell, or a group such as 法人或其他组织). */
  cells: readonly string[];
  /** Other readings that are also right (收到 may count the applications carried over from last year). */
  alternatives: readonly (readonly string[])[];
  value: number;
  /** The sentence (or its part) that states it, as printed with spaces removed. */
  sentence: string;
}

const RECEIVED = 'applications.newReceived';
const CARRIED = 'applications.carriedOver';

/** Applicant types as prose names them → their columns of table 三. */
const APPLICANTS: readonly (readonly [RegExp, readonly number[]])[] = [
  [/^自然人$/, [0]],
  [/^商业企业$/, [1]],
  [/^科研机构$/, [2]],
  [/^社会公益组织$/, [3]],
  [/^法律服务机构$/, [4]],
  [/^法人[或和及与]其他组织$/, [1, 2, 3, 4, 5]],
];

/** Outcome words → the rows whose 总计 column they sum. */
const OUTCOMES: Record<string, readonly string[]> = {
  予以公开: ['applications.disclosed'],
  部分公开: ['applications.partiallyDisclosed'],
  不予公开: [
    'stateSecret',
    'prohibitedByLaw',
    'securityStability',
    'thirdPartyRights',
    'internalAffairs',
    'processInformation',
    'enforcementFiles',
    'administrativeQuery',
  ].map((key) => `applications.withheld.${key}`),
  无法提供: ['notHeld', 'needsCreation', 'unclearAfterCorrection'].map(
    (key) => `applications.unableToProvide.${key}`,
  ),
  不予处理: ['complaint', 'duplicate', 'publication', 'excessive', 'confirmation'].map(
    (key) => `applications.notProcessed.${key}`,
  ),
};

const NUMBER = '(\\d{1,7})';
const RECEIVED_PATTERN = new RegExp(
  `(?:收到|受理|新收|接收|接到)了?[^\\d，。；、]{0,14}?申请(?:共|总计|合计|数量)?(?:为)?${NUMBER}(?:件|个)`,
  'g',
);
const APPLICANT_PATTERN = new RegExp(
  `(自然人|商业企业|科研机构|社会公益组织|法律服务机构|法人[或和及与]其他组织)的?(?:提出的?)?(?:申请)?(?:共|为)?${NUMBER}件`,
  'g',
);
const PROCESSED_PATTERN = new RegExp(
  `(?:已|共|全部)?(?:办结|答复|办理完毕)了?(?:申请)?(?:共)?${NUMBER}件`,
  'g',
);
const OUTCOME_PATTERN = new RegExp(
  `(予以公开|部分公开|不予公开|无法提供|不予处理)(?:的)?(?:共|为)?${NUMBER}件`,
  'g',
);
const RECONSIDERATION_PATTERN = new RegExp(`行政复议(?:案件|申请)?(?:共|为)?${NUMBER}(?:件|起)`, 'g');
const LITIGATION_PATTERN = new RegExp(`行政诉讼(?:案件)?(?:共|为)?${NUMBER}(?:件|起)`, 'g');
const IN_FORCE_PATTERN = new RegExp(`现行有效的?(?:行政)?规范性文件(?:共|为)?${NUMBER}(?:件|份)`, 'g');
const ISSUED_PATTERN = new RegExp(
  `(?:制发|出台|印发|发布|制定)了?的?(?:行政)?规范性文件(?:共|为)?${NUMBER}(?:件|份)`,
  'g',
);
const REPEALED_PATTERN = new RegExp(`废止了?的?(?:行政)?规范性文件(?:共|为)?${NUMBER}(?:件|份)`, 'g');

const column = (row: string, c: number) => `${row}[${c}]`;

/** The sentences of a text, spaces removed, full-width digits made ASCII. */
function sentences(text: string): string[] {
  const half = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return half
    .split(/[。；;！？!?\n]+/)
    .map((s) => s.replace(/[\s\u3000]+/g, ''))
    .filter((s) => /\d/.test(s));
}

function each(pattern: RegExp, sentence: string, found: (m: RegExpExecArray) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(sentence); m !== null; m = pattern.exec(sentence)) found(m);
}

/** The figures a narrative states about the tables, in the order they are stated. */
export function statedFigures(text: string): StatedFigure[] {
  const out: StatedFigure[] = [];
  for (const sentence of sentences(text)) {
    const add = (cells: string[], value: string, alternatives: string[][] = []) =>
      out.push({ cells, alternatives, value: Number(value), sentence });
    const aboutApplications = sentence.includes('申请');
    let received = false;
    each(RECEIVED_PATTERN, sentence, (m) => {
      received = true;
      add([column(RECEIVED, 6)], m[1]!, [[column(RECEIVED, 6), column(CARRIED, 6)]]);
    });
    if (received) {
      each(APPLICANT_PATTERN, sentence, (m) => {
        const columns = APPLICANTS.find(([name]) => name.test(m[1]!))?.[1];
        if (columns === undefined) return;
        const cells = columns.map((c) => column(RECEIVED, c));
        add(cells, m[2]!, [[...cells, ...columns.map((c) => column(CARRIED, c))]]);
      });
    }
    if (aboutApplications) {
      each(PROCESSED_PATTERN, sentence, (m) => add([column('applications.totalProcessed', 6)], m[1]!));
      each(OUTCOME_PATTERN, sentence, (m) =>
        add(
          OUTCOMES[m[1]!]!.map((row) => column(row, 6)),
          m[2]!,
        ),
      );
    }
    each(RECONSIDERATION_PATTERN, sentence, (m) => add(['appeals.reconsideration.total'], m[1]!));
    each(LITIGATION_PATTERN, sentence, (m) =>
      add(['appeals.litigationDirect.total', 'appeals.litigationAfterReconsideration.total'], m[1]!),
    );
    each(IN_FORCE_PATTERN, sentence, (m) => add(['proactive.normativeDocuments.inForce'], m[1]!));
    each(ISSUED_PATTERN, sentence, (m) => add(['proactive.normativeDocuments.issued'], m[1]!));
    each(REPEALED_PATTERN, sentence, (m) => add(['proactive.normativeDocuments.repealed'], m[1]!));
  }
  return out;
}

/**
 * Whether a figure agrees with cell values (`valueOf` gives a cell's value, null when blank or unknown):
 * true or false when all the cells of some reading are known, null when none can be decided.
 */
export function figureAgrees(
  figure: StatedFigure,
  valueOf: (path: string) => number | null | undefined,
): boolean | null {
  let decided = false;
  for (const cells of [figure.cells, ...figure.alternatives]) {
    let sum = 0;
    let known = true;
    for (const path of cells) {
      const value = valueOf(path);
      if (value === null || value === undefined) {
        known = false;
        break;
      }
      sum += value;
    }
    if (!known) continue;
    decided = true;
    if (sum === figure.value) return true;
  }
  return decided ? false : null;
}
