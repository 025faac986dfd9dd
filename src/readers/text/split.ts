/**
 * Splitting a run of digits whose cells ran together (`801000081` → 80 1 0 0 0 0 81) with the table's own
 * arithmetic: in a row of table 三 the 总计 is the sum of the six applicant columns; in table 四 each group's
 * 总计 is the sum of its four results. Only splits without leading zeros are considered.
 */

/** At most this many candidate splits are kept; more means the run cannot be told apart anyway. */
export const MAX_CANDIDATES = 16;
/** At most this many partial splits are tried for one run, so a long run costs bounded time. */
export const MAX_STEPS = 50_000;

function digitSum(digits: string, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

function part(digits: string, from: number, to: number): number | null {
  if (to - from > 1 && digits.charCodeAt(from) === 48) return null; // leading zero
  return Number(digits.slice(from, to));
}

/** Powers of ten up to 10^308, looked up rather than computed at every step of the search. */
const POWERS = Array.from({ length: 309 }, (_, e) => 10 ** e);

function pow10(exponent: number): number {
  return exponent < POWERS.length ? POWERS[exponent]! : 10 ** exponent;
}

/** Dead-end states of a search are marked in a table of this many entries when they fit (most runs). */
const SCRATCH_SIZE = 1 << 19;
let scratchTable: Int32Array | null = null;
let lastStamp = 0;

function scratch(): Int32Array {
  scratchTable ??= new Int32Array(SCRATCH_SIZE);
  return scratchTable;
}

/** A stamp no entry of the table holds yet (the table is cleared when the stamps run out). */
function nextStamp(table: Int32Array): number {
  if (lastStamp === 0x7fffffff) {
    table.fill(0);
    lastStamp = 0;
  }
  return ++lastStamp;
}

/**
 * Every split of `digits` into `parts` numbers followed by their sum (a group of `parts + 1` cells), e.g. a
 * table-三 row is `splitSummed(run, 6)`. Depth-first with pruning on the running sum, so it stays fast.
 */
export function splitSummed(digits: string, parts: number, limit = MAX_CANDIDATES): number[][] {
  const out: number[][] = [];
  const n = digits.length;
  let steps = 0;
  const suffix = new Float64Array(n);
  for (let totalLength = 1; totalLength <= n - parts; totalLength++) {
    const body = n - totalLength;
    // The longest of the parts has at least ceil(body / parts) digits and cannot be longer than the total.
    if (Math.ceil(body / parts) > totalLength) continue;
    const total = part(digits, body, n);
    if (total === null) continue;
    // Casting out nines: any split of the body sums to its digit sum modulo 9, so the total must agree.
    if (digitSum(digits, 0, body) % 9 !== total % 9) continue;
    // The values of the body's last digits, so the last part of a split is read without slicing (exact to 15).
    let place = 1;
    let tail = 0;
    for (let p = body - 1; p >= 0 && p >= body - 15; p--) {
      tail += (digits.charCodeAt(p) - 48) * place;
      place *= 10;
      suffix[p] = tail;
    }
    // Dead-end states (see `walk`): in the scratch table when they fit, else in a set.
    const states = (n * 8 + parts + 1) * (total + 1);
    const table = states <= SCRATCH_SIZE ? scratch() : null;
    const stamp = table === null ? 0 : nextStamp(table);
    const dead = table === null ? new Set<number>() : null;
    // The parts chosen so far (the first `depth` entries), kept in one array rather than pushed and popped.
    const current: number[] = [];
    const walk = (from: number, sum: number, depth: number): boolean => {
      if (out.length >= limit || ++steps > MAX_STEPS) return true;
      const left = parts - depth;
      const rest = body - from;
      if (left === 1) return last(from, sum, depth);
      // Dead ends already met: the same position, parts left and running sum fail again (zeros make many
      // paths). A state is `(from * 8 + left) * (total + 1) + sum` (the sum never exceeds the total). When the
      // states fit in the scratch table they are marked there with this search's stamp (no clearing, no
      // hashing); else in a set.
      const state = (from * 8 + left) * (total + 1) + sum;
      const safe = Number.isSafeInteger(state);
      if (safe && (table !== null ? table[state] === stamp : dead!.has(state))) return false;
      let found = false;
      // Some remaining part has at least ceil(rest / left) digits: too big for what is left of the total?
      const longest = Math.ceil(rest / left);
      const maxLength = Math.min(rest - (left - 1), totalLength);
      // Or too small even if every remaining part were as long as it may be?
      if (
        !(longest > 1 && pow10(longest - 1) > total - sum) &&
        left * (pow10(maxLength) - 1) >= total - sum
      ) {
        const leading = digits.charCodeAt(from) === 48;
        let value = 0;
        for (let length = 1; length <= maxLength; length++) {
          value = value * 10 + (digits.charCodeAt(from + length - 1) - 48);
          if (length > 1 && leading) break; // no leading zeros
          if (sum + value > total) break;
          current[depth] = value;
          if (left === 2) {
            // The last part, read here rather than in a call of its own (counted as one step all the same).
            if (out.length >= limit || ++steps > MAX_STEPS) found = true;
            else if (last(from + length, sum + value, depth + 1)) found = true;
          } else if (walk(from + length, sum + value, depth + 1)) found = true;
        }
      }
      if (!found && safe) {
        if (table !== null) table[state] = stamp;
        else dead!.add(state);
      }
      return found;
    };
    /** The last part is the rest of the body: a split when it completes the sum. */
    const last = (from: number, sum: number, depth: number): boolean => {
      const rest = body - from;
      if (rest > 1 && digits.charCodeAt(from) === 48) return false; // leading zero
      const value = rest <= 15 ? suffix[from]! : Number(digits.slice(from, body));
      if (sum + value !== total) return false;
      const split = current.slice(0, depth);
      split.push(value, total);
      out.push(split);
      return true;
    };
    walk(0, 0, 0);
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
