/**
 * Splitting a run of digits whose cells ran together (`801000081` → 80 1 0 0 0 0 81) with the table's own
 * arithmetic: in a row of table 三 the 总计 is the sum of the six applicant columns; in table 四 each group's
 * 总计 is the sum of its four results. Only splits without leading zeros are considered.
 */

/** At most this many candidate splits are kept; more means the run cannot be told apart anyway. */
export const MAX_CANDIDATES = 16;

function part(digits: string, from: number, to: number): number | null {
  if (to - from > 1 && digits.charCodeAt(from) === 48) return null; // leading zero
  return Number(digits.slice(from, to));
}

/**
 * Every split of `digits` into `parts` numbers followed by their sum (a group of `parts + 1` cells), e.g. a
 * table-三 row is `splitSummed(run, 6)`. Depth-first with pruning on the running sum, so it stays fast.
 */
export function splitSummed(digits: string, parts: number, limit = MAX_CANDIDATES): number[][] {
  const out: number[][] = [];
  const n = digits.length;
  for (let totalLength = 1; totalLength <= n - parts; totalLength++) {
    const total = part(digits, n - totalLength, n);
    if (total === null) continue;
    const body = n - totalLength;
    const current: number[] = [];
    const walk = (from: number, sum: number): void => {
      if (out.length >= limit) return;
      const left = parts - current.length;
      if (left === 0) {
        if (from === body && sum === total) out.push([...current, total]);
        return;
      }
      const maxLength = Math.min(body - from - (left - 1), totalLength);
      for (let length = 1; length <= maxLength; length++) {
        const value = part(digits, from, from + length);
        if (value === null) break;
        if (sum + value > total) break;
        current.push(value);
        walk(from + length, sum + value);
        current.pop();
      }
    };
    walk(0, 0);
  }
  return out;
}

/** Every split of `digits` into `count` numbers without leading zeros (no arithmetic to check; used for 二). */
export function splitPlain(digits: string, count: number, limit = MAX_CANDIDATES): number[][] {
  const out: number[][] = [];
  const current: number[] = [];
  const walk = (from: number): void => {
    if (out.length >= limit) return;
    const left = count - current.length;
    if (left === 0) {
      if (from === digits.length) out.push([...current]);
      return;
    }
    for (let length = 1; length <= digits.length - from - (left - 1); length++) {
      const value = part(digits, from, from + length);
      if (value === null) break;
      current.push(value);
      walk(from + length);
      current.pop();
    }
  };
  walk(0);
  return out;
}

/** Splits of a table-四 run into its three groups of five (each group's 总计 = the sum of its four results). */
export function splitAppeals(digits: string, limit = MAX_CANDIDATES): number[][] {
  const out: number[][] = [];
  const walk = (from: number, acc: number[]): void => {
    if (out.length >= limit) return;
    if (acc.length === 15) {
      if (from === digits.length) out.push(acc);
      return;
    }
    const groupsLeft = (15 - acc.length) / 5;
    // Try every length for this group, then split it with its own arithmetic.
    for (let end = from + 5; end <= digits.length - (groupsLeft - 1) * 5; end++) {
      for (const group of splitSummed(digits.slice(from, end), 4, limit)) {
        walk(end, [...acc, ...group]);
        if (out.length >= limit) return;
      }
    }
  };
  walk(0, []);
  return out;
}
