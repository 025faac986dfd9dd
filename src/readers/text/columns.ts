/**
 * Choosing the splits of several run-together rows of table 三 at once, by the column arithmetic the table
 * prints: for every column, the outcome rows （一）…（六） add up to 三（七）总计, and 一 + 二 = 三（七）+ 四.
 * Each row's own split already adds up across (its 总计 is the sum of its six columns); when several splits of a
 * row add up, only the columns can tell them apart, and usually only together with the other rows' splits.
 *
 * The search tries one split per row, outcome rows with the fewest splits first, and drops a partial choice as
 * soon as a column can no longer reach its total. It lists up to `MAX_SOLUTIONS` consistent choices under a
 * budget of steps: a row is settled when every choice found agrees on it and the list is complete.
 */
import { APPLICATION_ROWS, APPLICATION_ROW_WIDTH } from '../../core/report/template.js';

const WIDTH = APPLICATION_ROW_WIDTH;
/** Consistent choices listed at most: enough to see which rows they disagree on. */
export const MAX_SOLUTIONS = 8;
/** Partial choices tried at most in one table; beyond it nothing is settled by the columns. */
export const MAX_COLUMN_STEPS = 200_000;

/** What is known of one row: a single row of values, its candidate splits, or nothing (null). */
export type RowOptions = readonly (readonly number[])[] | null;

/** The outcome of the search. */
export interface ColumnChoice {
  /** The first consistent choice: one row of values per template row that had options. */
  chosen: Map<number, readonly number[]>;
  /** The rows whose value every consistent choice agrees on (all of them when the choice is unique). */
  settled: Set<number>;
  /** How many consistent choices were found (at most MAX_SOLUTIONS); `complete` when that is all of them. */
  found: number;
  complete: boolean;
  /** Every consistent choice found (the first is `chosen`). */
  solutions: Map<number, readonly number[]>[];
}

interface Budget {
  steps: number;
}

/**
 * Calls `onChoice` for every choice of one option per row whose column sums equal `target`, up to `limit` and
 * within the budget (the picks are option positions, row by row, reused between calls).
 */
function sumChoices(
  options: readonly (readonly (readonly number[])[])[],
  target: readonly number[],
  limit: number,
  budget: Budget,
  onChoice: (picks: readonly number[]) => void,
): void {
  const n = options.length;
  // The least and greatest each column can still gain from the rows after position `i`.
  const minAfter = Array.from({ length: n + 1 }, () => new Array<number>(WIDTH).fill(0));
  const maxAfter = Array.from({ length: n + 1 }, () => new Array<number>(WIDTH).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let c = 0; c < WIDTH; c++) {
      let least = Infinity;
      let most = -Infinity;
      for (const option of options[i]!) {
        least = Math.min(least, option[c]!);
        most = Math.max(most, option[c]!);
      }
      minAfter[i]![c] = minAfter[i + 1]![c]! + least;
      maxAfter[i]![c] = maxAfter[i + 1]![c]! + most;
    }
  }
  const sum = new Array<number>(WIDTH).fill(0);
  const picks = new Array<number>(n).fill(0);
  let count = 0;
  const walk = (i: number): void => {
    if (count >= limit || ++budget.steps > MAX_COLUMN_STEPS) return;
    for (let c = 0; c < WIDTH; c++) {
      if (sum[c]! + minAfter[i]![c]! > target[c]! || sum[c]! + maxAfter[i]![c]! < target[c]!) return;
    }
    if (i === n) {
      count += 1;
      onChoice(picks);
      return;
    }
    const row = options[i]!;
    for (let k = 0; k < row.length && count < limit; k++) {
      const option = row[k]!;
      for (let c = 0; c < WIDTH; c++) sum[c] = sum[c]! + option[c]!;
      picks[i] = k;
      walk(i + 1);
      for (let c = 0; c < WIDTH; c++) sum[c] = sum[c]! - option[c]!;
    }
  };
  walk(0);
}

/**
 * Chooses one option per row so that every column adds up. `options` maps template row indexes (of the rows the
 * table has, `rows`) to what is known of them. Returns null when the columns cannot decide anything: a row they
 * involve is unknown, no choice is consistent (the report's own arithmetic is off), or the search ran out of steps.
 */
export function chooseByColumns(
  options: ReadonlyMap<number, RowOptions>,
  rows: readonly number[],
): ColumnChoice | null {
  const indexOf = (role: string) => rows.find((index) => APPLICATION_ROWS[index]!.role === role);
  const total = indexOf('totalProcessed');
  const received = indexOf('newReceived');
  const carriedOver = indexOf('carriedOver');
  const forward = indexOf('carriedForward');
  const outcomes = rows.filter((index) => APPLICATION_ROWS[index]!.role === 'outcome');
  if (total === undefined || received === undefined || carriedOver === undefined || forward === undefined) {
    return null;
  }
  const involved = [received, carriedOver, total, forward, ...outcomes];
  for (const index of involved) {
    const known = options.get(index);
    if (known === undefined || known === null || known.length === 0) return null;
  }
  const optionsOf = (index: number) => options.get(index)!;
  // Outcome rows with one option first (they only shift the target), then the fewest options first.
  const ordered = [...outcomes].sort((a, b) => optionsOf(a).length - optionsOf(b).length);
  const budget: Budget = { steps: 0 };
  const solutions: Map<number, readonly number[]>[] = [];
  for (const totalRow of optionsOf(total)) {
    if (solutions.length >= MAX_SOLUTIONS || budget.steps > MAX_COLUMN_STEPS) break;
    // 一 + 二 = 三（七）+ 四: the balance rows, for this 总计.
    const balance: Map<number, readonly number[]>[] = [];
    for (const r1 of optionsOf(received)) {
      for (const r2 of optionsOf(carriedOver)) {
        for (const r4 of optionsOf(forward)) {
          budget.steps += 1;
          let fits = true;
          for (let c = 0; c < WIDTH && fits; c++) fits = r1[c]! + r2[c]! === totalRow[c]! + r4[c]!;
          if (fits) {
            balance.push(
              new Map([
                [received, r1],
                [carriedOver, r2],
                [forward, r4],
              ]),
            );
          }
        }
      }
    }
    if (balance.length === 0) continue;
    // （一）…（六） add up to 三（七）总计.
    sumChoices(ordered.map(optionsOf), totalRow, MAX_SOLUTIONS, budget, (picks) => {
      for (const rest of balance) {
        if (solutions.length >= MAX_SOLUTIONS) return;
        const chosen = new Map(rest);
        chosen.set(total, totalRow);
        ordered.forEach((index, position) => chosen.set(index, optionsOf(index)[picks[position]!]!));
        solutions.push(chosen);
      }
    });
  }
  // Complete when the search neither ran out of steps nor stopped at the most choices it lists.
  const complete = budget.steps <= MAX_COLUMN_STEPS && solutions.length < MAX_SOLUTIONS;
  if (solutions.length === 0) return null;
  const first = solutions[0]!;
  const settled = new Set<number>();
  if (complete) {
    for (const index of involved) {
      const value = first.get(index)!;
      if (solutions.every((s) => s.get(index) === value)) settled.add(index);
    }
  }
  return { chosen: first, settled, found: solutions.length, complete, solutions };
}
