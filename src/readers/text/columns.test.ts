import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS } from '../../core/report/template.js';
import { chooseByColumns, type RowOptions } from './columns.js';

const ROWS = APPLICATION_ROWS.map((_, index) => index);
const TOTAL = APPLICATION_ROWS.findIndex((row) => row.role === 'totalProcessed');
const RECEIVED = APPLICATION_ROWS.findIndex((row) => row.role === 'newReceived');
const FORWARD = APPLICATION_ROWS.findIndex((row) => row.role === 'carriedForward');
const CARRIED = APPLICATION_ROWS.findIndex((row) => row.role === 'carriedOver');
const OUTCOMES = ROWS.filter((index) => APPLICATION_ROWS[index]!.role === 'outcome');

/** A row of six values and their total. */
const row = (...six: number[]) => [...six, six.reduce((a, b) => a + b, 0)];
const zeros = row(0, 0, 0, 0, 0, 0);

/** A balanced table: two outcome rows hold values, the others zeros; every row given as its only option. */
function table(): Map<number, RowOptions> {
  const options = new Map<number, RowOptions>();
  for (const index of ROWS) options.set(index, [zeros]);
  options.set(OUTCOMES[0]!, [row(80, 1, 0, 0, 0, 0)]);
  options.set(OUTCOMES[1]!, [row(3, 0, 10, 0, 0, 0)]);
  options.set(TOTAL, [row(83, 1, 10, 0, 0, 0)]);
  options.set(RECEIVED, [row(83, 1, 10, 0, 0, 0)]);
  return options;
}

describe('choosing run-together splits by the columns', () => {
  it('settles two ambiguous rows that only the column sums tell apart', () => {
    const options = table();
    // Each row's digits admit two splits that add up across; only one pair adds up down the columns.
    const first = [row(8, 1, 0, 0, 0, 0), row(80, 1, 0, 0, 0, 0)];
    const second = [row(3, 0, 10, 0, 0, 0), row(3, 0, 1, 0, 0, 0)];
    options.set(OUTCOMES[0]!, first);
    options.set(OUTCOMES[1]!, second);
    const choice = chooseByColumns(options, ROWS)!;
    expect(choice.chosen.get(OUTCOMES[0]!)).toEqual(row(80, 1, 0, 0, 0, 0));
    expect(choice.chosen.get(OUTCOMES[1]!)).toEqual(row(3, 0, 10, 0, 0, 0));
    expect(choice.settled.has(OUTCOMES[0]!)).toBe(true);
    expect(choice.settled.has(OUTCOMES[1]!)).toBe(true);
    expect(choice).toMatchObject({ found: 1, complete: true });
  });

  it('also settles the 总计 and the balance rows (一 + 二 = 三（七）+ 四)', () => {
    const options = table();
    options.set(TOTAL, [row(8, 1, 10, 0, 0, 0), row(83, 1, 10, 0, 0, 0)]);
    options.set(RECEIVED, [row(83, 1, 10, 0, 0, 0), row(8, 31, 10, 0, 0, 0)]);
    const choice = chooseByColumns(options, ROWS)!;
    expect(choice.chosen.get(TOTAL)).toEqual(row(83, 1, 10, 0, 0, 0));
    expect(choice.chosen.get(RECEIVED)).toEqual(row(83, 1, 10, 0, 0, 0));
    expect([...choice.settled]).toEqual(expect.arrayContaining([TOTAL, RECEIVED]));
  });

  it('leaves open the rows the columns cannot tell apart', () => {
    const options = table();
    // Swapping the first column between two rows keeps every column sum.
    options.set(OUTCOMES[0]!, [row(80, 1, 0, 0, 0, 0), row(3, 1, 0, 0, 0, 0)]);
    options.set(OUTCOMES[1]!, [row(3, 0, 10, 0, 0, 0), row(80, 0, 10, 0, 0, 0)]);
    const choice = chooseByColumns(options, ROWS)!;
    expect(choice).toMatchObject({ found: 2, complete: true });
    expect(choice.settled.has(OUTCOMES[0]!)).toBe(false);
    expect(choice.settled.has(OUTCOMES[1]!)).toBe(false);
    expect(choice.settled.has(TOTAL)).toBe(true);
  });

  it('decides nothing when a row is unknown or the columns never add up', () => {
    const unknown = table();
    unknown.set(CARRIED, null);
    expect(chooseByColumns(unknown, ROWS)).toBeNull();
    const off = table();
    off.set(FORWARD, [row(1, 0, 0, 0, 0, 0)]);
    expect(chooseByColumns(off, ROWS)).toBeNull();
  });

  it('stays bounded when every row has many splits (the budget of steps ends the search)', () => {
    const options = table();
    // 9 splits per outcome row, all with an even first column: no choice reaches an odd total, yet no column
    // bound rules a partial choice out, so only the budget stops the 9^21 choices (the test's time limit
    // would catch a search that did not stop).
    const many = Array.from({ length: 9 }, (_, k) => row(2 * k, 16 - 2 * k, 0, 0, 0, 0));
    for (const index of OUTCOMES) options.set(index, many);
    options.set(TOTAL, [row(169, 167, 0, 0, 0, 0)]);
    options.set(RECEIVED, [row(169, 167, 0, 0, 0, 0)]);
    expect(chooseByColumns(options, ROWS)).toBeNull();
  });
});
