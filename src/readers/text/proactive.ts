/**
 * Section 二: the four 第二十条 tables. Each caption's table has a fixed number of cells (6, 1, 2, 1), so when a
 * caption's part holds exactly that many values they are read in printed order, whatever layout moved the labels;
 * otherwise each value is read after its row label.
 */
import { PROACTIVE_TABLES } from '../../core/report/template.js';
import { cellOf, type Reading } from './cells.js';
import { PROACTIVE_ROWS } from './labels.js';
import { labelKey } from './normalize.js';
import { splitGroups } from './split.js';
import { keyOf, type Line, type Token } from './tokens.js';

const CAPTIONS = PROACTIVE_TABLES.map((table) => labelKey(table.caption));
/** Each caption's cell paths, in printed order. */
const TABLE_PATHS = PROACTIVE_TABLES.map((table) =>
  table.rows.flatMap((row) => row.cells.map((cell) => cell.path)),
);
const ALL_PATHS = TABLE_PATHS.flat();
/** For each row of PROACTIVE_ROWS, the keys of the rows after it. */
const NEXT_LABELS = PROACTIVE_ROWS.map((_, r) => PROACTIVE_ROWS.slice(r + 1).map((other) => other.key));

interface Part {
  caption: number;
  tokens: Token[];
}

/** The section's tokens cut at each 第二十条第（X）项 caption. */
function parts(lines: readonly Line[]): Part[] {
  const out: Part[] = [];
  let current: Part = { caption: -1, tokens: [] };
  for (const line of lines) {
    for (const token of line.tokens) {
      if (token.kind === 'text') {
        const key = keyOf(token);
        const caption = CAPTIONS.findIndex((c) => key.includes(c));
        if (caption !== -1) {
          out.push(current);
          current = { caption, tokens: [] };
          continue;
        }
      }
      if (token.kind !== 'empty') current.tokens.push(token);
    }
  }
  out.push(current);
  return out;
}

/** Reads a split's values as tokens at the run or group they came from. */
function asTokens(values: readonly number[], from: readonly Token[]): Token[] {
  return values.map((value) => ({ ...from[0]!, kind: 'value' as const, value }));
}

/**
 * Chooses among the splits of section-二 digits with what the report gives: the figures its narrative states
 * (现行有效行政规范性文件698件) and, for the stock rows, that the documents in force include those issued this
 * year (现行有效 ≥ 本年制发). Each is used only when some split fits it; one split left is read, several are
 * listed in an `ambiguous-split` doubt and the cells stay null.
 */
function chooseSplit(
  splits: number[][],
  paths: readonly string[],
  reading: Reading,
): { left: number[][]; assumed: boolean } {
  let left = splits;
  let assumed = false;
  const figures = reading.figures.filter((f) => f.cells.length === 1 && paths.includes(f.cells[0]!));
  if (figures.length > 0) {
    const fitting = left.filter((split) =>
      figures.every((figure) => split[paths.indexOf(figure.cells[0]!)] === figure.value),
    );
    if (fitting.length > 0) left = fitting;
  }
  if (left.length > 1 && paths.length === 3 && paths[2]!.endsWith('.inForce')) {
    const plausible = left.filter((split) => split[2]! >= split[0]!);
    if (plausible.length > 0 && plausible.length < left.length) {
      left = plausible;
      assumed = true;
    }
  }
  return { left, assumed };
}

function valuesOf(
  tokens: readonly Token[],
  need: number,
  reading: Reading,
  paths: readonly string[],
  quiet = false,
): Token[] | null {
  const all = tokens.filter((t) => t.kind === 'value' || t.kind === 'run');
  const values = all.slice(0, need);
  if (values.length === need && values.every((t) => t.kind === 'value')) return values;
  if (values.length === 1 && values[0]!.kind === 'run' && need === 1) {
    const run = values[0]!;
    return [{ ...run, kind: 'value', value: Number(run.text) }];
  }
  // Digit groups (one run, or cells one space apart with some run together): as many as hold `need` digits.
  const groups: Token[] = [];
  let digits = 0;
  for (const token of all) {
    if (!/^\d+$/.test(token.text) || groups.length >= need) break;
    groups.push(token);
    digits += token.text.length;
    if (digits >= need && groups.length === need) break;
  }
  if (digits < need || groups.length === 0) return null;
  const splits = splitGroups(
    groups.map((t) => t.text),
    need,
    () => true,
  );
  if (splits.length === 0) return null;
  const { left: chosen, assumed } =
    splits.length === 1 ? { left: splits, assumed: false } : chooseSplit(splits, paths, reading);
  if (quiet && (chosen.length > 1 || assumed)) return null;
  const text = groups.map((t) => t.text).join(' ');
  if (chosen.length === 1) {
    if (assumed) {
      // Read, but only because the other splits would leave fewer documents in force than were issued.
      reading.doubt(
        'ambiguous-split',
        paths[0]!.replace(/\.[^.]+$/, ''),
        `二、主动公开的数字“${text}”连在一起，按“现行有效件数不少于本年制发件数”读作 ${chosen[0]!.join(' ')}，其他拆分：${splits
          .filter((s) => s !== chosen[0])
          .map((s) => s.join(' '))
          .join('；')}`,
        `The section-二 digits "${text}" ran together; read as ${chosen[0]!.join(' ')} because documents in force are not fewer than those issued this year`,
      );
    }
    return asTokens(chosen[0]!, groups);
  }
  if (quiet) return null;
  const listed = chosen.map((split) => split.join(' ')).join('；');
  reading.doubt(
    'ambiguous-split',
    paths[0]!.replace(/\.[^.]+$/, ''),
    `二、主动公开的数字“${text}”连在一起，有 ${chosen.length} 种拆分都可能，未读取：${listed}`,
    `The section-二 digits "${text}" ran together and ${chosen.length} splits are possible; none was read: ${listed.replace(/；/g, '; ')}`,
  );
  return null;
}

/** Reads the section-二 cells (2021 format) into `reading`. */
export function readProactive(lines: readonly Line[], reading: Reading): void {
  const done = new Set<string>();
  for (const part of parts(lines)) {
    if (part.caption === -1) continue;
    const paths = TABLE_PATHS[part.caption]!;
    if (paths.some((path) => done.has(path))) continue;
    const values = valuesOf(part.tokens, paths.length, reading, paths, true);
    if (values) {
      paths.forEach((path, n) => reading.set(path, cellOf(values[n]!)));
      paths.forEach((path) => done.add(path));
    }
  }
  // By label, for what the captions did not settle.
  const tokens: Token[] = [];
  for (const line of lines) for (const t of line.tokens) if (t.kind !== 'empty') tokens.push(t);
  PROACTIVE_ROWS.forEach((row, r) => {
    if (row.paths.every((path) => done.has(path))) return;
    const start = tokens.findIndex((t) => t.kind === 'text' && keyOf(t).endsWith(row.key));
    if (start === -1) return;
    const nextLabels = NEXT_LABELS[r]!;
    let end = start + 1;
    while (
      end < tokens.length &&
      !(tokens[end]!.kind === 'text' && nextLabels.some((key) => keyOf(tokens[end]!).endsWith(key)))
    ) {
      end++;
    }
    const after = tokens.slice(start + 1, end).filter((t) => t.kind !== 'text');
    const values = valuesOf(after, row.paths.length, reading, row.paths);
    if (values) row.paths.forEach((path, n) => reading.set(path, cellOf(values[n]!)));
  });
  for (const path of ALL_PATHS) {
    if (!reading.values.has(path)) {
      reading.doubt(
        'cell-missing',
        path,
        `未读到二、主动公开的“${path}”`,
        `Section 二 cell ${path} was not found`,
      );
    }
  }
}

/** The 2019 试行 rows whose 处理决定数量 the contract keeps (licensing, penalty, enforcement), by label key. */
const DECISION_ROWS_2019 = [
  { key: labelKey('行政许可'), path: 'proactive.licensing' },
  { key: labelKey('行政处罚'), path: 'proactive.penalty' },
  { key: labelKey('行政强制'), path: 'proactive.enforcement' },
] as const;

/** A digit group after a 2019 row label, negative when a minus sign stood before it (本年增/减 `88-720`). */
interface SignedGroup {
  token: Token;
  negative: boolean;
}

/**
 * Splits of a 2019 row (上一年项目数量, 本年增/减, 处理决定数量): three numbers, a minus sign starting the second.
 * Returns each split with the 增/减 signed.
 */
function splits2019(groups: readonly SignedGroup[]): number[][] {
  const splits = splitGroups(
    groups.map((g) => g.token.text),
    3,
    () => true,
  );
  const out: number[][] = [];
  for (const split of splits) {
    // Which value each group starts at: a negative group must start the 增/减.
    let value = 0;
    let used = 0;
    let fits = true;
    const signed = [...split];
    for (const group of groups) {
      if (group.negative) {
        if (value !== 1) fits = false;
        else signed[1] = -signed[1]!;
      }
      let length = group.token.text.length;
      while (length > 0) {
        const taken = String(split[value]!).length - used;
        if (taken <= length) {
          length -= taken;
          value++;
          used = 0;
        } else {
          used += length;
          length = 0;
        }
      }
    }
    if (fits) out.push(signed);
  }
  return out;
}

/**
 * Section 二 of the 2019 试行 format: the 处理决定数量 of 行政许可, 行政处罚 and 行政强制 (the cells the contract keeps;
 * the format's other section-二 cells are not in it). Run-together rows are split in three; when the splits
 * disagree on the decisions, the one reading 本年增/减 as 0 is taken if it is the only such (with a doubt),
 * else nothing is read and the doubt lists them.
 */
export function readProactive2019(lines: readonly Line[], reading: Reading): void {
  const tokens: Token[] = [];
  for (const line of lines) for (const t of line.tokens) if (t.kind !== 'empty') tokens.push(t);
  for (const row of DECISION_ROWS_2019) {
    const start = tokens.findIndex((t) => t.kind === 'text' && keyOf(t).endsWith(row.key));
    if (start === -1) continue;
    const groups: SignedGroup[] = [];
    let negative = false;
    for (let i = start + 1; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.kind === 'text') {
        if (/^[-－—–]$/.test(token.text.trim())) {
          negative = true;
          continue;
        }
        break;
      }
      if (token.kind === 'value' && token.value === null) {
        groups.push({ token: { ...token, text: '' }, negative: false });
        continue;
      }
      if (!/^\d+$/.test(token.text)) break;
      groups.push({ token, negative });
      negative = false;
    }
    const at = groups[0]?.token;
    if (at === undefined) continue;
    if (groups.length === 3) {
      const last = groups[2]!.token;
      reading.set(row.path, cellOf(last));
      continue;
    }
    if (groups.some((g) => g.token.text === '')) continue;
    const splits = splits2019(groups);
    const decisions = [...new Set(splits.map((s) => s[2]!))];
    if (decisions.length === 1) {
      reading.set(row.path, { value: decisions[0]!, at: groups[groups.length - 1]!.token.at });
      continue;
    }
    const listed = splits.map((s) => s.join(' ')).join('；');
    const zero = splits.filter((s) => s[1] === 0);
    if (zero.length === 1) {
      reading.set(row.path, { value: zero[0]![2]!, at: groups[groups.length - 1]!.token.at });
      reading.doubt(
        'ambiguous-split',
        row.path,
        `二、主动公开“${row.key}”一行的数字连在一起，按本年增/减为 0 读作 ${zero[0]!.join(' ')}；可能的拆分：${listed}`,
        `The digits of the 2019-format row ${row.key} ran together; read as ${zero[0]!.join(' ')} taking the yearly change as 0; possible splits: ${listed.replace(/；/g, '; ')}`,
      );
      continue;
    }
    if (splits.length > 0) {
      reading.doubt(
        'ambiguous-split',
        row.path,
        `二、主动公开“${row.key}”一行的数字连在一起，有 ${splits.length} 种拆分，未读取：${listed}`,
        `The digits of the 2019-format row ${row.key} ran together; ${splits.length} splits are possible, none was read: ${listed.replace(/；/g, '; ')}`,
      );
    }
  }
}
