/**
 * Splitting a run of digits whose cells ran together (`801000081` → 80 1 0 0 0 0 81) with the table's own
 * arithmetic: in a row of table 三 the 总计 is the sum of the six applicant columns; in table 四 each group's
 * 总计 is the sum of its four results. Only splits without leading zeros are considered.
 */

/** At most this many candidate splits are kept; more means the run cannot be told apart anyway. */
export const MAX_CANDIDATES = 16;
/** At most this many partial splits are tried for one run, so a long run costs bounded time. */
export const MAX_STEPS = 50_000;

/** Lists of splits a search stopped before finishing (its step budget ran out): they may lack the true split. */
const INCOMPLETE = new WeakSet<number[][]>();

/** True when a search ran out of steps before finishing: its list of splits may lack the true one. */
export function isIncomplete(splits: number[][]): boolean {
  return INCOMPLETE.has(splits);
}

function digitSum(digits: string, from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += digits.charCodeAt(i) - 48;
  return sum;
}

function part(digits: string, from: number, to: number): number | null {
  if (to - from > 1 && digits.charCodeAt(from) === 48) return null; // leading zero
  if (to - from > 15) return Number(digits.slice(from, to));
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + (digits.charCodeAt(i) - 48);
  return value;
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

let sharedSuffix = new Float64Array(64);
let sharedMin = new Float64Array(512);
let sharedMax = new Float64Array(512);

/**
 * One search of `splitSummed`: the run, the sum its body must reach (`total`, the last `totalLength` digits),
 * and what the depth-first walk keeps. A class rather than closures, so a search allocates one object.
 */
class SummedSearch {
  /** The parts chosen so far (the first `depth` entries). */
  readonly current: number[] = [];
  /** The values of the body's last 15 digits, so the last part of a split is read without slicing. */
  readonly suffix: Float64Array;
  /** Per `(from, left)`: the least and the greatest sum of `left` parts cut from `from` to the body's end. */
  readonly minRest: Float64Array;
  readonly maxRest: Float64Array;
  steps = 0;
  body = 0;
  total = 0;
  totalLength = 0;
  table: Int32Array | null = null;
  stamp = 0;
  dead: Set<number> | null = null;

  constructor(
    readonly digits: string,
    readonly parts: number,
    readonly limit: number,
    readonly out: number[][],
  ) {
    // Searches never nest, so they share their arrays (allocating typed arrays costs more than a short search).
    const n = digits.length;
    const size = (n + 1) * (parts + 1);
    if (sharedSuffix.length < n) sharedSuffix = new Float64Array(Math.max(n, 2 * sharedSuffix.length));
    if (sharedMin.length < size) {
      sharedMin = new Float64Array(Math.max(size, 2 * sharedMin.length));
      sharedMax = new Float64Array(sharedMin.length);
    }
    this.suffix = sharedSuffix;
    this.minRest = sharedMin;
    this.maxRest = sharedMax;
  }

  /** Prepares the search for one length of the total; false when no split can reach it. */
  start(totalLength: number, total: number): boolean {
    const { digits, parts } = this;
    const body = digits.length - totalLength;
    this.body = body;
    this.total = total;
    this.totalLength = totalLength;
    let place = 1;
    let tail = 0;
    for (let p = body - 1; p >= 0 && p >= body - 15; p--) {
      tail += (digits.charCodeAt(p) - 48) * place;
      place *= 10;
      this.suffix[p] = tail;
    }
    // The bounds of what the parts still to come can add up to, by dynamic programming from the body's end
    // (each part has no leading zero and is at most the total). Exact while the total has at most 15 digits;
    // past that the walk runs without them.
    const width = parts + 1;
    const { minRest, maxRest } = this;
    if (body < parts || body > parts * totalLength) return false;
    if (totalLength <= 15) {
      // Only the states a walk can reach are filled: after `parts - left` parts (each 1 to `totalLength`
      // digits long), with `left` parts still to cover the rest (so `left` to `left * totalLength` digits).
      for (let left = 1; left <= parts; left++) {
        const lowFrom = Math.max(parts - left, body - left * totalLength);
        const highFrom = Math.min((parts - left) * totalLength, body - left);
        // Where the next part may end: inside the band of `left - 1` parts.
        const lowNext = body - (left - 1) * totalLength;
        const highNext = body - (left - 1);
        for (let from = lowFrom; from <= highFrom; from++) {
          let least = Infinity;
          let most = -Infinity;
          const leading = digits.charCodeAt(from) === 48;
          let value = 0;
          const maxLength = Math.min(highNext - from, totalLength);
          for (let length = 1; length <= maxLength; length++) {
            value = value * 10 + (digits.charCodeAt(from + length - 1) - 48);
            if (length > 1 && leading) break;
            if (value > total) break;
            if (from + length < lowNext) continue;
            const next = left === 1 ? -1 : (from + length) * width + left - 1;
            const low = next === -1 ? 0 : minRest[next]!;
            const high = next === -1 ? 0 : maxRest[next]!;
            if (value + low < least) least = value + low;
            if (value + high > most) most = value + high;
          }
          minRest[from * width + left] = least;
          maxRest[from * width + left] = most;
        }
      }
      if (minRest[parts]! > total || maxRest[parts]! < total) return false;
    }
    // Dead-end states (see `walk`): in the scratch table when they fit, else in a set.
    const states = (digits.length * 8 + parts + 1) * (total + 1);
    this.table = states <= SCRATCH_SIZE ? scratch() : null;
    this.stamp = this.table === null ? 0 : nextStamp(this.table);
    this.dead = this.table === null ? new Set<number>() : null;
    return true;
  }

  /** True when the search is over: enough candidates, or its budget of steps spent. */
  exhausted(): boolean {
    return this.out.length >= this.limit || ++this.steps > MAX_STEPS;
  }

  walk(from: number, sum: number, depth: number): boolean {
    if (this.exhausted()) return true;
    const { digits, parts, total, totalLength, body } = this;
    const left = parts - depth;
    if (left === 1) return this.last(from, sum, depth);
    const rest = body - from;
    // `left` parts cover between `left` and `left * totalLength` digits (and only such states have bounds).
    if (rest < left || rest > left * totalLength) return false;
    if (totalLength <= 15) {
      const bound = from * (parts + 1) + left;
      if (sum + this.minRest[bound]! > total || sum + this.maxRest[bound]! < total) return false;
    }
    // Dead ends already met: the same position, parts left and running sum fail again (zeros make many
    // paths). A state is `(from * 8 + left) * (total + 1) + sum` (the sum never exceeds the total). When the
    // states fit in the scratch table they are marked there with this search's stamp (no clearing, no
    // hashing); else in a set.
    const state = (from * 8 + left) * (total + 1) + sum;
    const safe = Number.isSafeInteger(state);
    const table = this.table;
    if (safe && (table !== null ? table[state] === this.stamp : this.dead!.has(state))) return false;
    let found = false;
    // Some remaining part has at least ceil(rest / left) digits: too big for what is left of the total?
    const longest = Math.ceil(rest / left);
    const maxLength = Math.min(rest - (left - 1), totalLength);
    // Or too small even if every remaining part were as long as it may be?
    if (!(longest > 1 && pow10(longest - 1) > total - sum) && left * (pow10(maxLength) - 1) >= total - sum) {
      const leading = digits.charCodeAt(from) === 48;
      let value = 0;
      for (let length = 1; length <= maxLength; length++) {
        value = value * 10 + (digits.charCodeAt(from + length - 1) - 48);
        if (length > 1 && leading) break; // no leading zeros
        if (sum + value > total) break;
        this.current[depth] = value;
        if (left === 2) {
          // The last part, read here rather than in a call of its own (counted as one step all the same).
          if (this.exhausted()) found = true;
          else if (this.last(from + length, sum + value, depth + 1)) found = true;
        } else if (this.walk(from + length, sum + value, depth + 1)) found = true;
      }
    }
    if (!found && safe) {
      if (table !== null) table[state] = this.stamp;
      else this.dead!.add(state);
    }
    return found;
  }

  /** The last part is the rest of the body: a split when it completes the sum. */
  last(from: number, sum: number, depth: number): boolean {
    const { digits, body, total } = this;
    const rest = body - from;
    if (rest > 1 && digits.charCodeAt(from) === 48) return false; // leading zero
    const value = rest <= 15 ? this.suffix[from]! : Number(digits.slice(from, body));
    if (sum + value !== total) return false;
    const split = this.current.slice(0, depth);
    split.push(value, total);
    this.out.push(split);
    return true;
  }
}

/**
 * Every split of `digits` into `parts` numbers followed by their sum (a group of `parts + 1` cells), e.g. a
 * table-三 row is `splitSummed(run, 6)`. Depth-first, pruned by the least and greatest sums the rest of the
 * run can still make, so it stays fast; splits come in order of the total's length, then of the parts'.
 */
export function splitSummed(digits: string, parts: number, limit = MAX_CANDIDATES): number[][] {
  const out: number[][] = [];
  const n = digits.length;
  let search: SummedSearch | undefined;
  // The digit sums of the body and of the total, kept as the total grows by one digit to the left.
  let bodyDigits = digitSum(digits, 0, n);
  let totalDigits = 0;
  for (let totalLength = 1; totalLength <= n - parts; totalLength++) {
    const body = n - totalLength;
    const digit = digits.charCodeAt(body) - 48;
    bodyDigits -= digit;
    totalDigits += digit;
    // The longest of the parts has at least ceil(body / parts) digits and cannot be longer than the total.
    if (Math.ceil(body / parts) > totalLength) continue;
    // Casting out nines: any split of the body sums to its digit sum modulo 9, and so does the total.
    if (bodyDigits % 9 !== totalDigits % 9) continue;
    const total = part(digits, body, n);
    if (total === null) continue;
    search ??= new SummedSearch(digits, parts, limit, out);
    if (search.start(totalLength, total)) search.walk(0, 0, 0);
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

/**
 * Every split of digit groups (`["300000", "3"]`, `["10", "0", "0", "0", "01"]`: cells one space apart, some of
 * them run together) into `count` numbers without leading zeros, each group giving one or more of them, that
 * `fits` accepts. A group boundary is always a cell boundary. Bounded like the other searches.
 */
export function splitGroups(
  groups: readonly string[],
  count: number,
  fits: (values: readonly number[]) => boolean,
  limit = MAX_CANDIDATES,
): number[][] {
  const out: number[][] = [];
  let digits = 0;
  for (const group of groups) digits += group.length;
  if (groups.length > count || digits < count) return out;
  const current: number[] = [];
  let steps = 0;
  const walk = (g: number, from: number): void => {
    if (out.length >= limit || ++steps > MAX_STEPS) return;
    if (g === groups.length) {
      if (current.length === count && fits(current)) out.push([...current]);
      return;
    }
    const group = groups[g]!;
    // Each later group needs at least one cell; this group's remaining digits at least one each... at most.
    const groupsAfter = groups.length - g - 1;
    const left = count - current.length - groupsAfter;
    if (left <= 0) return;
    for (let end = from + 1; end <= group.length; end++) {
      const value = part(group, from, end);
      if (value === null) break;
      current.push(value);
      if (end === group.length) walk(g + 1, 0);
      else if (left > 1) walk(g, end);
      current.pop();
    }
  };
  walk(0, 0);
  if (steps > MAX_STEPS) INCOMPLETE.add(out);
  return out;
}

/** True when the first six numbers add up to the seventh (a row of table 三). */
export function rowAdds(values: readonly number[]): boolean {
  let sum = 0;
  for (let c = 0; c < values.length - 1; c++) sum += values[c]!;
  return sum === values[values.length - 1];
}

/** True when each group of five adds up (结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计; table 四). */
export function appealsAdd(values: readonly number[]): boolean {
  for (let g = 0; g + 5 <= values.length; g += 5) {
    if (values[g]! + values[g + 1]! + values[g + 2]! + values[g + 3]! !== values[g + 4]) return false;
  }
  return true;
}

/**
 * `splitGroups` for a row whose last number is the sum of the others (table 三: `parts` cells and their 总计):
 * each length of the total taken from the end of the last group, the rest split into `parts` numbers that must
 * reach it (pruned as soon as the running sum passes it), so long groups cost little.
 */
export function splitGroupsSummed(
  groups: readonly string[],
  parts: number,
  limit = MAX_CANDIDATES,
): number[][] {
  const out: number[][] = [];
  if (groups.length === 0) return out;
  const last = groups[groups.length - 1]!;
  let steps = 0;
  for (let totalLength = 1; totalLength <= last.length; totalLength++) {
    const total = part(last, last.length - totalLength, last.length);
    if (total === null) continue;
    const body = [...groups.slice(0, -1)];
    if (totalLength < last.length) body.push(last.slice(0, last.length - totalLength));
    if (body.length === 0 || body.length > parts) continue;
    const current: number[] = [];
    const walk = (g: number, from: number, sum: number): void => {
      if (out.length >= limit || ++steps > MAX_STEPS || sum > total) return;
      if (g === body.length) {
        if (current.length === parts && sum === total) out.push([...current, total]);
        return;
      }
      const group = body[g]!;
      const left = parts - current.length - (body.length - g - 1);
      if (left <= 0) return;
      for (let end = from + 1; end <= group.length; end++) {
        const value = part(group, from, end);
        if (value === null || sum + value > total) break;
        current.push(value);
        if (end === group.length) walk(g + 1, 0, sum + value);
        else if (left > 1) walk(g, end, sum + value);
        current.pop();
      }
    };
    walk(0, 0, 0);
  }
  if (steps > MAX_STEPS) INCOMPLETE.add(out);
  return out;
}
