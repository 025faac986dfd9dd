/**
 * Table 四: one row of 15 cells, three groups of 结果维持/结果纠正/其他结果/尚未审结/总计. The first 15 cells after the
 * header are the row (blank cells counted, anything after ignored), so a stray number after the table cannot
 * shift it; a run of digits is split with each group's 总计; pdftotext's scattered blocks are put back in order
 * with the same arithmetic.
 */
import { APPEAL_GROUPS, APPEAL_RESULTS } from '../../core/report/template.js';
import { cellOf, type ReadCell, type Reading } from './cells.js';
import { figureAgrees } from '../../core/report/prose.js';
import { appealsAdd, isIncomplete, splitAppeals, splitGroups } from './split.js';
import type { Line, Token } from './tokens.js';

const WIDTH = APPEAL_GROUPS.length * APPEAL_RESULTS.length;
const PATHS = APPEAL_GROUPS.flatMap((group) =>
  APPEAL_RESULTS.map((result) => `appeals.${group.key}.${result.key}`),
);

function groupAdds(values: readonly (number | null)[]): boolean {
  for (let g = 0; g * 5 < values.length; g++) {
    const part = values.slice(g * 5, g * 5 + 5);
    if (part.some((v) => v === null)) continue;
    if (part[0]! + part[1]! + part[2]! + part[3]! !== part[4]) return false;
  }
  return true;
}

/** A line's value cells trimmed to the row (empties beyond 15 off, trailing first, then leading). */
function lineRow(tokens: Token[]): Token[] | null {
  const cells = tokens.filter((t) => t.kind !== 'text');
  // A blank last cell (an empty 总计) is a cell of the row: trailing empties go only beyond the row's width.
  while (cells.length > WIDTH && cells[cells.length - 1]!.kind === 'empty') cells.pop();
  while (cells.length > WIDTH && cells[0]!.kind === 'empty') cells.shift();
  if (cells.length !== WIDTH || cells.some((t) => t.kind === 'run')) return null;
  return cells;
}

/** Puts pdftotext's scattered paragraphs back into three groups, each ending with its 总计. */
function regroup(paragraphs: Token[][]): Token[] | null {
  if (paragraphs.length > 9) return null;
  const m = paragraphs.length;
  let found: Token[] | null = null;
  let count = 0;
  const assign = new Array<number>(m).fill(0);
  const total = 3 ** m;
  for (let code = 0; code < total; code++) {
    let rest = code;
    for (let p = 0; p < m; p++) {
      assign[p] = rest % 3;
      rest = Math.floor(rest / 3);
    }
    const groups: Token[][] = [[], [], []];
    const lastParagraph = [-1, -1, -1];
    paragraphs.forEach((paragraph, p) => {
      groups[assign[p]!]!.push(...paragraph);
      lastParagraph[assign[p]!] = p;
    });
    if (!groups.every((g) => g.length === 5 && groupAdds(g.map((t) => t.value)))) continue;
    // Group order: the 总计 columns are printed left to right, so order groups by where their 总计 came.
    const order = [0, 1, 2].sort((a, b) => lastParagraph[a]! - lastParagraph[b]!);
    if (order.join() !== '0,1,2') continue;
    count++;
    if (found === null) found = groups.flat();
  }
  return count >= 1 ? found : null;
}

/**
 * Cells one space apart with some run together (`00 0 00 0 0 0 00 0 0 0 00`): the first groups that hold 15
 * digits or more, split so that each group of five adds up.
 */
function fromGroups(values: readonly Token[], reading: Reading): ReadCell[] | null {
  const groups: string[] = [];
  let digits = 0;
  // The digit groups that follow one another (a row's cells), up to the row's width.
  for (const token of values) {
    if (!/^\d+$/.test(token.text) || groups.length >= WIDTH) break;
    groups.push(token.text);
    digits += token.text.length;
  }
  if (digits < WIDTH) return null;
  const splits = splitGroups(groups, WIDTH, appealsAdd);
  if (splits.length === 0 && isIncomplete(splits)) {
    reading.doubt(
      'ambiguous-split',
      'appeals',
      `四、复议诉讼表的数字“${groups.join(' ')}”部分连在一起，可能的拆分太多，未读取`,
      `Some digits of table 四 ran together ("${groups.join(' ')}") and too many splits are possible; none was read`,
    );
    return [];
  }
  if (splits.length === 0) {
    // No split makes the groups add up: the table's own arithmetic is wrong (the checker reports it).
    reading.doubt(
      'unsplittable',
      'appeals',
      `四、复议诉讼表的数字“${groups.join(' ')}”部分连在一起，找不到各组合计相符的拆分`,
      `Some digits of table 四 ran together ("${groups.join(' ')}") and no split makes the group totals add up`,
    );
    return [];
  }
  // Each cell points at the group it was cut from.
  const at: Token['at'][] = [];
  const first = splits[0]!;
  if (splits.length > 1) {
    reading.doubt(
      'ambiguous-split',
      'appeals',
      `四、复议诉讼表的数字部分连在一起，可拆为 ${splits.length} 种，各组合计都相符：${splits.map((s) => s.join(' ')).join('；')}`,
      `Some digits of table 四 ran together; ${splits.length} splits make the group totals add up: ${splits.map((s) => s.join(' ')).join('; ')}`,
    );
    return null;
  }
  let g = 0;
  let used = 0;
  for (const value of first) {
    at.push(values[g]!.at);
    used += String(value).length;
    if (used >= values[g]!.text.length) {
      g++;
      used = 0;
    }
  }
  return first.map((value, n) => ({ value, at: at[n]! }));
}

/** The splits that agree with the figures the narrative states (行政复议…件), when some do. */
function chooseAppeals(splits: number[][], reading: Reading): number[][] {
  if (splits.length < 2) return splits;
  const figures = reading.figures.filter((f) => f.cells.every((path) => path.startsWith('appeals.')));
  if (figures.length === 0) return splits;
  const agreeing = splits.filter((split) =>
    figures.every((figure) => figureAgrees(figure, (path) => split[PATHS.indexOf(path)] ?? null) !== false),
  );
  return agreeing.length > 0 ? agreeing : splits;
}

/** Reads table 四 from the lines of its section into `reading`. */
export function readAppeals(lines: readonly Line[], reading: Reading): void {
  let cells: ReadCell[] | null = null;
  for (const line of lines) {
    const row = lineRow(line.tokens);
    if (row) {
      cells = row.map(cellOf);
      break;
    }
  }
  const values: Token[] = [];
  for (const line of lines) {
    for (const t of line.tokens) if (t.kind === 'value' || t.kind === 'run') values.push(t);
  }
  // One run holding the whole row; a shorter run followed by more groups is read with them (below).
  const alone = values.length <= 1 || !/^\d+$/.test(values[1]!.text);
  if (
    cells === null &&
    values.length > 0 &&
    values[0]!.kind === 'run' &&
    values[0]!.text.length >= WIDTH &&
    alone
  ) {
    const run = values[0]!;
    const splits = chooseAppeals(splitAppeals(run.text), reading);
    if (splits.length === 0) {
      reading.doubt(
        'unsplittable',
        'appeals',
        `四、复议诉讼表的数字“${run.text}”连在一起，找不到各组合计相符的拆分`,
        `The digits of table 四 ran together ("${run.text}") and no split makes the group totals add up`,
      );
      return;
    }
    // Cells every split agrees on are read; the others stay null, and the doubt lists the splits.
    cells = splits[0]!.map((value, n) => ({
      value: splits.every((split) => split[n] === value) ? value : null,
      at: run.at,
    }));
    if (splits.length > 1) {
      const listed = splits.map((split) => split.join(' ')).join('；');
      reading.doubt(
        'ambiguous-split',
        'appeals',
        `四、复议诉讼表的数字连在一起，有 ${splits.length} 种拆分各组合计都相符，不一致的单元格未读取：${listed}`,
        `The digits of table 四 ran together and ${splits.length} splits make the group totals add up; the cells they disagree on were not read: ${listed.replace(/；/g, '; ')}`,
      );
    }
  }
  let leading = 0;
  while (leading < values.length && leading < WIDTH && /^\d+$/.test(values[leading]!.text)) leading++;
  // Fewer separated values than cells: some ran together.
  if (cells === null && values.length > 1 && !alone && leading < WIDTH && leading === values.length) {
    cells = fromGroups(values, reading);
    if (cells !== null && cells.length === 0) return;
  }
  if (cells === null && values.length >= WIDTH && values.slice(0, WIDTH).every((t) => t.kind === 'value')) {
    const first = values.slice(0, WIDTH);
    if (groupAdds(first.map((t) => t.value))) cells = first.map(cellOf);
    else {
      // Paragraphs: runs of values that no label text interrupts (pdftotext puts blank lines between values).
      const paragraphs: Token[][] = [];
      let open = false;
      let taken = 0;
      for (const line of lines) {
        if (taken >= WIDTH) break;
        const lineValues = line.tokens.filter((t) => t.kind === 'value');
        if (lineValues.length === 0) {
          if (line.tokens.some((t) => t.kind === 'text')) open = false;
          continue;
        }
        if (open) paragraphs[paragraphs.length - 1]!.push(...lineValues);
        else paragraphs.push([...lineValues]);
        open = !line.tokens.some((t) => t.kind === 'text');
        taken += lineValues.length;
      }
      const regrouped = taken === WIDTH ? regroup(paragraphs) : null;
      if (regrouped) cells = regrouped.map(cellOf);
      else {
        cells = first.map(cellOf);
        reading.doubt(
          'appeals-order',
          'appeals',
          '四、复议诉讼表的数字按出现顺序读取，但各组合计不符，顺序可能有误',
          'Table 四 was read in the order its numbers appear, but the group totals do not add up; the order may be wrong',
        );
      }
    }
  }
  if (cells === null) {
    reading.doubt(
      'table-missing',
      'appeals',
      '未找到四、复议诉讼表的 15 个数字',
      'The 15 cells of table 四 were not found',
    );
    return;
  }
  PATHS.forEach((path, n) => reading.set(path, cells[n]!));
}
