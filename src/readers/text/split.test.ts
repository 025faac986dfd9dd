import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitAppeals, splitPlain, splitSummed } from './split.js';

describe('splitSummed', () => {
  it('finds the one split of the issue example', () => {
    expect(splitSummed('801000081', 6)).toEqual([[80, 1, 0, 0, 0, 0, 81]]);
  });
  it('reads a row of zeros', () => {
    expect(splitSummed('0000000', 6)).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
  });
  it('lists every split that adds up when several do', () => {
    const splits = splitSummed('110000011', 6);
    expect(splits.length).toBeGreaterThan(1);
    for (const split of splits) expect(split.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(split[6]);
  });
  it('finds none when no split adds up', () => {
    expect(splitSummed('9999999', 6)).toEqual([]);
  });
  it('always finds the split a row was printed from', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 6, maxLength: 6 }), (parts) => {
        const row = [...parts, parts.reduce((a, b) => a + b, 0)];
        const splits = splitSummed(row.join(''), 6);
        expect(splits.some((split) => split.join() === row.join())).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('splitAppeals', () => {
  it('splits three groups by their totals', () => {
    const row = [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20];
    expect(splitAppeals(row.join(''))).toContainEqual(row);
  });
});

describe('splitPlain', () => {
  it('lists the ways to cut digits into numbers without leading zeros', () => {
    expect(splitPlain('000', 3)).toEqual([[0, 0, 0]]);
    expect(splitPlain('1011', 3)).toEqual([
      [1, 0, 11],
      [10, 1, 1],
    ]);
  });
});
