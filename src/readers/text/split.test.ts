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

/** Every split, by brute force: every cut into `parts + 1` numbers, the total's length first, then the parts'. */
function bruteForce(digits: string, parts: number): number[][] {
  const out: number[][] = [];
  for (let totalLength = 1; totalLength <= digits.length - parts; totalLength++) {
    const body = digits.length - totalLength;
    const totalText = digits.slice(body);
    if (totalText.length > 1 && totalText.startsWith('0')) continue;
    const total = Number(totalText);
    const walk = (from: number, acc: number[]): void => {
      if (acc.length === parts) {
        if (from === body && acc.reduce((a, b) => a + b, 0) === total) out.push([...acc, total]);
        return;
      }
      for (let end = from + 1; end <= body; end++) {
        const piece = digits.slice(from, end);
        if (piece.length > 1 && piece.startsWith('0')) break;
        walk(end, [...acc, Number(piece)]);
      }
    };
    walk(0, []);
  }
  return out;
}

describe('splitSummed against a brute-force search', () => {
  it('finds the same splits in the same order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 6, maxLength: 6 }),
        fc.stringMatching(/^[0-9]{0,3}$/),
        (parts, values, noise) => {
          // Rows that add up (with zeros and repeated digits, which make many splits), sometimes with noise.
          const row = values.slice(0, parts);
          const digits = [...row, row.reduce((a, b) => a + b, 0)].join('') + noise;
          expect(splitSummed(digits, parts, 10_000)).toEqual(bruteForce(digits, parts));
        },
      ),
      { numRuns: 400 },
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
