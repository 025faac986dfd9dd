/**
 * Row labels of the statutory template, reduced to the keys a reader matches against. Every key is derived
 * from `src/core/report/template.ts`, so a label is typed once (DESIGN-GUIDE convention 2).
 */
import {
  APPLICATION_ROWS,
  OUTCOME_GROUPS,
  PROACTIVE_TABLES,
  type ApplicationRow,
} from '../../core/report/template.js';
import { labelKey } from './normalize.js';

/** A table-三 row with the keys that recognise its label. */
export interface RowMatcher {
  row: ApplicationRow;
  index: number;
  /** The label reduced (numbering kept for short labels such as `3其他`, `七总计`). */
  key: string;
}

const LEADING_NUMBERING = /^(?:[一二三四五六七八九十]+|\d+)(?=[\u4e00-\u9fff])/;

/** The label's key: reduced, the part in brackets after the main words dropped, numbering dropped when long. */
function rowKey(label: string): string {
  const main = label.replace(/（区分处理的.*$/, '');
  const key = labelKey(main);
  const bare = key.replace(LEADING_NUMBERING, '');
  return bare.length >= 4 ? bare : key;
}

/** Matchers for the 25 rows of table 三, in printed order. */
export const ROW_MATCHERS: readonly RowMatcher[] = APPLICATION_ROWS.map((row, index) => ({
  row,
  index,
  key: rowKey(row.label),
}));

/** The cell paths of every table-三 row, built once (`applications.disclosed[3]`). */
export const CELL_PATHS: readonly (readonly string[])[] = APPLICATION_ROWS.map((row) =>
  Array.from({ length: 7 }, (_, c) => `${row.path}[${c}]`),
);

/** The key of the single 2019-format row （六）其他处理. */
export const OTHER_GROUP_KEY = labelKey(OUTCOME_GROUPS[3].label).replace(LEADING_NUMBERING, '');

/** Keys of the group labels of table 三 (they carry no numbers of their own). */
export const GROUP_KEYS: readonly string[] = OUTCOME_GROUPS.map((group) =>
  labelKey(group.label).replace(LEADING_NUMBERING, ''),
);

/** The first characters a fragment must share with a key to count as its beginning (labels split over lines). */
const MIN_FRAGMENT = 4;

/**
 * The row whose label the text is (or the beginning or end of), or null. A whole key inside the text wins;
 * a fragment counts only when it names one row alone, and `preferFrom` breaks ties towards the next row expected.
 */
export function matchRow(text: string, preferFrom = 0): RowMatcher | null {
  const key = labelKey(text);
  if (key === '') return null;
  let found = MATCHES.get(key);
  if (found === undefined) {
    found = keyMatches(key);
    if (MATCHES.size >= 4096) MATCHES.clear();
    MATCHES.set(key, found);
  }
  if (!Array.isArray(found)) return found as RowMatcher | null;
  const candidates = found as readonly RowMatcher[];
  if (candidates.length === 0) return null;
  if (candidates.length === 1) return candidates[0]!;
  return candidates.find((candidate) => candidate.index >= preferFrom) ?? null;
}

/**
 * What a key names, whatever row is expected: the row whose whole key it holds, or else the rows it is a
 * fragment of (`preferFrom` chooses among them). Computed once per key: labels repeat from report to report.
 */
const MATCHES = new Map<string, RowMatcher | null | readonly RowMatcher[]>();

function keyMatches(key: string): RowMatcher | null | readonly RowMatcher[] {
  let best: RowMatcher | null = null;
  let bestEnd = -1;
  for (const matcher of ROW_MATCHERS) {
    const at = key.lastIndexOf(matcher.key);
    if (at === -1) continue;
    // Short keys (`3其他`, `七总计`) must end the text or be followed by nothing but more label text.
    const end = at + matcher.key.length;
    if (matcher.key.length < 4 && end !== key.length) continue;
    if (end > bestEnd || (end === bestEnd && best !== null && matcher.key.length > best.key.length)) {
      best = matcher;
      bestEnd = end;
    }
  }
  if (best) return best;
  const bare = key.replace(LEADING_NUMBERING, '');
  if (bare.length < MIN_FRAGMENT) return null;
  return ROW_MATCHERS.filter(
    (matcher) =>
      matcher.key.length >= MIN_FRAGMENT &&
      (matcher.key.startsWith(bare) ||
        (bare.length >= 5 && matcher.key.includes(bare)) ||
        (matcher.key.length >= 8 && bare.includes(matcher.key.slice(0, 6)))),
  );
}

/** Section-二 cells by the row label that carries them, in printed order (2021 format). */
export const PROACTIVE_ROWS = PROACTIVE_TABLES.flatMap((table) =>
  table.rows.map((row) => ({
    key: labelKey(row.label),
    paths: row.cells.map((cell) => cell.path),
    kind: row.cells[0]!.kind,
  })),
);
