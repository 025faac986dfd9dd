/**
 * Table 三 (25 rows × 7 columns): its values decoded from lines of tokens in every layout seen — one row per
 * line (tabs, bars, aligned spaces), one cell per line, pdftotext's column-major blocks, and digit runs split by
 * the row's arithmetic — then placed on the template's rows, by order when the count fits, else by label.
 */
import { APPLICATION_ROWS, APPLICATION_ROW_WIDTH, TOTAL_COLUMN } from '../../core/report/template.js';
import { cellOf, type ReadCell, type Reading } from './cells.js';
import { chooseByColumns, type RowOptions } from './columns.js';
import { CELL_PATHS, matchRow, OTHER_GROUP_KEY, ROW_MATCHERS } from './labels.js';
import { joinedLabelKey, labelKey } from './normalize.js';
import { isIncomplete, splitGroupsSummed, splitSummed } from './split.js';
import { figureAgrees } from '../../core/report/prose.js';
import type { Line, Token } from './tokens.js';

const WIDTH = APPLICATION_ROW_WIDTH;
/** Index of 三（六）3.其他, where a single-row （六）其他处理 goes (REPORT-JSON.md). */
const OTHER_INDEX = APPLICATION_ROWS.findIndex((row) => row.path.endsWith('otherProcessing.other'));
const SPLIT_ONLY = new Set(APPLICATION_ROWS.flatMap((row, index) => (row.only2021 ? [index] : [])));

/** A decoded row: 7 cells, or candidate splits of a run; `anchor` is the template row its label named. */
interface DecodedRow {
  cells: ReadCell[] | null;
  candidates?: { values: number[][]; at: Token['at'] };
  anchor: number | null;
}

type Event =
  | { kind: 'label'; text: string }
  | { kind: 'row'; tokens: Token[] }
  | { kind: 'single'; token: Token; newParagraph: boolean };

function isValueLike(token: Token): boolean {
  return token.kind !== 'text';
}

/** Lines → events: label text, groups of values on one line, and single values (one per line). */
function toEvents(lines: readonly Line[]): Event[] {
  const events: Event[] = [];
  let lastWasSingle = false;
  for (const line of lines) {
    const tokens = line.tokens;
    let i = 0;
    let lineHadText = false;
    while (i < tokens.length) {
      const token = tokens[i]!;
      if (token.kind === 'text') {
        // Column names of a header row (a converter's 数据1…, a wrong header repeated mid-table) name no row.
        if (token.header) {
          i++;
          continue;
        }
        events.push({ kind: 'label', text: token.text });
        lineHadText = true;
        i++;
        continue;
      }
      let j = i;
      let filled = 0;
      let lastFilled: Token | undefined;
      for (; j < tokens.length && isValueLike(tokens[j]!); j++) {
        if (tokens[j]!.kind !== 'empty') {
          filled++;
          lastFilled = tokens[j]!;
        }
      }
      const from = i;
      i = j;
      if (filled === 0) continue;
      if (filled === 1 && lastFilled!.kind === 'value' && !lineHadText && j >= tokens.length) {
        events.push({
          kind: 'single',
          token: lastFilled!,
          newParagraph: line.blankBefore || !lastWasSingle,
        });
        lastWasSingle = true;
        continue;
      }
      events.push({ kind: 'row', tokens: tokens.slice(from, j) });
    }
    if (lineHadText) lastWasSingle = false;
  }
  return events;
}

/** A row's cells from a group of tokens on one line, or null when it is not exactly one row wide. */
function rowCells(group: Token[]): Token[][] {
  const cells = [...group];
  // A blank last cell (an empty 总计) is a cell of the row: trailing empties go only beyond the row's width.
  while (cells.length > WIDTH && cells[cells.length - 1]!.kind === 'empty') cells.pop();
  while (cells.length > WIDTH && cells[0]!.kind === 'empty') cells.shift();
  if (cells.length === WIDTH) return [cells];
  if (cells.length > WIDTH && cells.length % WIDTH === 0 && cells.every((c) => c.kind === 'value')) {
    const rows: Token[][] = [];
    for (let at = 0; at < cells.length; at += WIDTH) rows.push(cells.slice(at, at + WIDTH));
    return rows;
  }
  return [];
}

function adds(values: readonly (number | null)[]): boolean {
  const total = values[TOTAL_COLUMN];
  if (total === null || total === undefined) return true;
  let sum = 0;
  for (let c = 0; c < TOTAL_COLUMN; c++) sum += values[c] ?? 0;
  return sum === total;
}

/** Decodes a train of single-value paragraphs: 7 of equal length k are k rows printed column by column. */
function decodeTrain(paragraphs: Token[][], anchor: number | null, out: DecodedRow[], flow: Token[]): void {
  let pos = 0;
  let first = true;
  while (pos < paragraphs.length) {
    const k = paragraphs[pos]!.length;
    const block = paragraphs.slice(pos, pos + WIDTH);
    const blockFits = block.length === WIDTH && block.every((p) => p.length === k);
    if (blockFits && k > 1) {
      const columnMajor = Array.from({ length: k }, (_, r) => block.map((p) => p[r]!));
      const rowMajor = block.filter((p) => p.length === WIDTH);
      const colOk = columnMajor.every((row) => adds(row.map((t) => t.value)));
      const rowOk = k === WIDTH && rowMajor.every((row) => adds(row.map((t) => t.value)));
      if (k !== WIDTH || (colOk && !rowOk)) {
        for (const row of columnMajor) out.push({ cells: row.map(cellOf), anchor: null });
        pos += WIDTH;
        first = false;
        continue;
      }
    }
    if (blockFits && k === 1) {
      out.push({ cells: block.map((p) => cellOf(p[0]!)), anchor: first ? anchor : null });
      pos += WIDTH;
      first = false;
      continue;
    }
    const paragraph = paragraphs[pos]!;
    if (k % WIDTH === 0 && flow.length === 0) {
      for (let at = 0; at < k; at += WIDTH) {
        out.push({ cells: paragraph.slice(at, at + WIDTH).map(cellOf), anchor: first ? anchor : null });
        first = false;
      }
    } else {
      for (const token of paragraph) {
        flow.push(token);
        if (flow.length === WIDTH) {
          out.push({ cells: flow.splice(0).map(cellOf), anchor: first ? anchor : null });
          first = false;
        }
      }
    }
    pos++;
  }
}

/** The label text gathered since the last values, matched to a template row. */
function anchorOf(label: string, expected: number): number | null {
  if (label === '') return null;
  const match = matchRow(label, expected);
  if (match) return match.index;
  const key = labelKey(label);
  if (key.endsWith(OTHER_GROUP_KEY)) return OTHER_INDEX;
  return null;
}

/**
 * The digit groups of a row printed with fewer separated values than cells but enough digits for all of them
 * (`300000 3`), or null. Values with a decimal point or a sign are no such groups.
 */
function digitGroups(filled: readonly Token[]): string[] | null {
  if (filled.length < 2 || filled.length >= WIDTH) return null;
  let digits = 0;
  const groups: string[] = [];
  for (const token of filled) {
    if (token.kind === 'empty' || !/^\d+$/.test(token.text)) return null;
    digits += token.text.length;
    groups.push(token.text);
  }
  return digits >= WIDTH ? groups : null;
}

/** Decodes the rows of table 三 in the order they are printed. */
function decodeRows(lines: readonly Line[], reading: Reading): DecodedRow[] {
  const events = toEvents(lines);
  const out: DecodedRow[] = [];
  const flow: Token[] = [];
  let label = '';
  let train: Token[][] = [];
  let trainAnchor: number | null = null;
  // The row after the last one a label named (scanned back from the end, so each call costs little).
  let scanned = 0;
  let lastAnchor = -1;
  const expected = () => {
    for (; scanned < out.length; scanned++) {
      const anchor = out[scanned]!.anchor;
      if (anchor !== null) lastAnchor = anchor;
    }
    return lastAnchor + 1;
  };
  const flushTrain = () => {
    if (train.length > 0) decodeTrain(train, trainAnchor, out, flow);
    train = [];
    trainAnchor = null;
  };
  for (const event of events) {
    if (event.kind === 'label') {
      flushTrain();
      label += event.text;
      continue;
    }
    if (event.kind === 'single') {
      if (train.length === 0) {
        trainAnchor = anchorOf(label, expected());
        label = '';
      }
      if (event.newParagraph || train.length === 0) train.push([event.token]);
      else train[train.length - 1]!.push(event.token);
      continue;
    }
    flushTrain();
    const anchor = anchorOf(label, expected());
    label = '';
    const runs = event.tokens.filter((t) => t.kind === 'run');
    const filled = event.tokens.filter((t) => t.kind !== 'empty');
    const lone = filled.length === 1 ? filled[0]! : null;
    if (lone !== null && (lone.kind === 'run' || lone.text.length >= WIDTH)) {
      const values = splitSummed(lone.text.replace(/\D/g, ''), WIDTH - 1);
      out.push({ cells: null, candidates: { values, at: lone.at }, anchor });
      continue;
    }
    // Blank markers under a header that names no row (`申请人情况（自然人）| - | -`): nothing of the table.
    if (
      anchor === null &&
      filled.length !== WIDTH &&
      filled.every((t) => t.kind === 'value' && t.value === null)
    ) {
      continue;
    }
    const rows = runs.length === 0 ? rowCells(event.tokens) : [];
    if (rows.length > 0) {
      rows.forEach((row, n) => out.push({ cells: row.map(cellOf), anchor: n === 0 ? anchor : null }));
      continue;
    }
    // Cells one space apart with some run together (`300000 3`, `10 0 0 0 01`): split by the row's total. A row
    // with an empty cell is a row of cells, not of groups.
    const groups = filled.length === event.tokens.length ? digitGroups(filled) : null;
    if (groups !== null) {
      const values = splitGroupsSummed(groups, WIDTH - 1);
      out.push({ cells: null, candidates: { values, at: filled[0]!.at }, anchor });
      continue;
    }
    if (runs.length > 0) {
      reading.doubt(
        'unreadable-row',
        undefined,
        `表三有一行数字与文字混排，无法拆分：${event.tokens.map((t) => t.text).join(' ')}`,
        `A row of table 三 mixes digits and text and cannot be split: ${event.tokens.map((t) => t.text).join(' ')}`,
      );
      continue;
    }
    for (const token of filled) {
      flow.push(token);
      if (flow.length === WIDTH) out.push({ cells: flow.splice(0).map(cellOf), anchor });
    }
  }
  flushTrain();
  if (flow.length > 0) {
    reading.doubt(
      'stray-values',
      'applications',
      `表三末尾有 ${flow.length} 个数字凑不成一行，已忽略`,
      `${flow.length} value(s) at the end of table 三 do not make a row and were ignored`,
    );
  }
  return out;
}

/** The rows the table has: all 25, or 23 when （六）其他处理 is printed as one row. */
function templateRows(lines: readonly Line[], decodedCount: number): number[] {
  const text = joinedLabelKey(lines.map((line) => line.text));
  const split = ROW_MATCHERS.some((m) => SPLIT_ONLY.has(m.index) && text.includes(m.key));
  const all = APPLICATION_ROWS.map((_, index) => index);
  if (split) return all;
  const single = all.filter((index) => !SPLIT_ONLY.has(index));
  return decodedCount === single.length ? single : all;
}

/** Places decoded rows on template rows: by order when the count fits, else by their labels. */
function place(decoded: DecodedRow[], rows: number[], reading: Reading): Map<number, DecodedRow> {
  const placed = new Map<number, DecodedRow>();
  if (decoded.length === rows.length) {
    decoded.forEach((row, n) => {
      const target = rows[n]!;
      placed.set(target, row);
      if (row.anchor !== null && row.anchor !== target && rows.includes(row.anchor)) {
        reading.doubt(
          'row-order',
          APPLICATION_ROWS[target]!.path,
          `表三第 ${n + 1} 行的标签像是“${APPLICATION_ROWS[row.anchor]!.displayName}”，按顺序读作“${APPLICATION_ROWS[target]!.displayName}”`,
          `Row ${n + 1} of table 三 is labelled like ${APPLICATION_ROWS[row.anchor]!.labelEn}; read by order as ${APPLICATION_ROWS[target]!.labelEn}`,
        );
      }
    });
    return placed;
  }
  let cursor = 0;
  for (const row of decoded) {
    let target: number | undefined;
    if (row.anchor !== null && rows.includes(row.anchor) && !placed.has(row.anchor)) {
      target = row.anchor;
    } else {
      while (cursor < rows.length && placed.has(rows[cursor]!)) cursor++;
      target = rows[cursor];
    }
    if (target === undefined) {
      reading.doubt(
        'extra-row',
        'applications',
        '表三的数字行多于格式规定的行数，多余的行已忽略',
        'Table 三 has more rows of values than the format; the extra rows were ignored',
      );
      break;
    }
    placed.set(target, row);
    cursor = rows.indexOf(target) + 1;
  }
  return placed;
}

/** The row implied by the table's arithmetic from the other rows, when they are all known. */
function impliedRow(target: number, values: Map<number, (number | null)[]>, rows: number[]): number[] | null {
  const role = APPLICATION_ROWS[target]!.role;
  const get = (path: string) => {
    const index = APPLICATION_ROWS.findIndex((row) => row.path === `applications.${path}`);
    return values.get(index);
  };
  const outcomes = rows.filter((index) => APPLICATION_ROWS[index]!.role === 'outcome');
  const known = (row: (number | null)[] | undefined): row is number[] =>
    row !== undefined && row.every((v) => v !== null);
  const combine = (plus: (number[] | undefined)[], minus: (number[] | undefined)[]): number[] | null => {
    if (![...plus, ...minus].every((row) => known(row))) return null;
    return Array.from({ length: WIDTH }, (_, c) => {
      let sum = 0;
      for (const row of plus) sum += row![c]!;
      for (const row of minus) sum -= row![c]!;
      return sum;
    });
  };
  const [r1, r2, r37, r4] = [
    get('newReceived'),
    get('carriedOver'),
    get('totalProcessed'),
    get('carriedForward'),
  ] as ((number | null)[] | undefined)[];
  switch (role) {
    case 'outcome': {
      const others = outcomes.filter((index) => index !== target).map((index) => values.get(index));
      return combine([r37 as number[]], others as number[][]);
    }
    case 'totalProcessed':
      return (
        combine(
          outcomes.map((index) => values.get(index) as number[]),
          [],
        ) ?? combine([r1 as number[], r2 as number[]], [r4 as number[]])
      );
    case 'newReceived':
      return combine([r37 as number[], r4 as number[]], [r2 as number[]]);
    case 'carriedOver':
      return combine([r37 as number[], r4 as number[]], [r1 as number[]]);
    case 'carriedForward':
      return combine([r1 as number[], r2 as number[]], [r37 as number[]]);
  }
}

/** Chooses among the splits of run-together rows with the column arithmetic; records a doubt when it cannot. */
function resolveRuns(placed: Map<number, DecodedRow>, rows: number[], reading: Reading): void {
  const values = new Map<number, (number | null)[]>();
  const pending: number[] = [];
  for (const [index, row] of placed) {
    if (row.cells)
      values.set(
        index,
        row.cells.map((cell) => cell.value),
      );
    else if (row.candidates && row.candidates.values.length === 1)
      values.set(index, row.candidates.values[0]!);
    else pending.push(index);
  }
  if (pending.length > 0 && resolveByColumns(placed, rows, values, pending, reading)) return;
  let progress = true;
  while (pending.length > 0 && progress) {
    progress = false;
    for (const index of [...pending]) {
      const candidates = placed.get(index)!.candidates!.values;
      const implied = impliedRow(index, values, rows);
      if (implied === null) continue;
      const hit = candidates.find((c) => c.every((v, n) => v === implied[n]));
      if (hit) {
        values.set(index, hit);
        pending.splice(pending.indexOf(index), 1);
        progress = true;
      }
    }
  }
  for (const index of pending) {
    const row = APPLICATION_ROWS[index]!;
    const candidates = placed.get(index)!.candidates!.values;
    if (candidates.length === 0 && !isIncomplete(candidates)) {
      reading.doubt(
        'unsplittable',
        row.path,
        `“${row.displayName}”一行的数字连在一起，找不到合计相符的拆分`,
        `The digits of ${row.labelEn} ran together and no split adds up`,
      );
      continue;
    }
    const shown = candidates.map((split) => split.join(' ')).join('；');
    reading.doubt(
      'ambiguous-split',
      row.path,
      `“${row.displayName}”一行的数字连在一起，有 ${candidates.length} 种拆分都相符，未读取：${shown}`,
      `The digits of ${row.labelEn} ran together and ${candidates.length} splits add up; none was read: ${shown.replace(/；/g, '; ')}`,
    );
  }
  fillRuns(placed, values);
}

/** Gives the run-together rows their cells (each split row's cells all point at its run). */
function fillRuns(placed: Map<number, DecodedRow>, values: Map<number, (number | null)[]>): void {
  for (const [index, row] of placed) {
    if (row.cells || !values.has(index)) continue;
    const at = row.candidates!.at;
    row.cells = values.get(index)!.map((value) => ({ value, at }));
  }
}

/**
 * Chooses the splits of all pending rows together by the column arithmetic (see `chooseByColumns`); a row the
 * columns leave open gets an `ambiguous-split` doubt. False when the columns cannot decide (a row is blank or
 * missing, or the report's own sums are off): the rows are then resolved one at a time.
 */
function resolveByColumns(
  placed: Map<number, DecodedRow>,
  rows: number[],
  values: Map<number, (number | null)[]>,
  pending: number[],
  reading: Reading,
): boolean {
  const options = new Map<number, RowOptions>();
  for (const index of rows) {
    const row = placed.get(index);
    const known = values.get(index);
    if (known !== undefined) options.set(index, known.every((v) => v !== null) ? [known as number[]] : null);
    else options.set(index, row?.candidates?.values ?? null);
  }
  const choice = chooseByColumns(options, rows);
  if (choice === null) return false;
  // The figures the narrative states choose among the table's consistent splits, when some fit them.
  let solutions = choice.solutions;
  if (solutions.length > 1 && reading.figures.length > 0) {
    const agreeing = solutions.filter((solution) =>
      reading.figures.every(
        (figure) => figureAgrees(figure, (path) => cellIn(solution, values, path)) !== false,
      ),
    );
    if (agreeing.length > 0) solutions = agreeing;
  }
  // A row whose split search ran out of steps may have lost the true split: nothing is settled then.
  const truncated = pending.some((index) => isIncomplete(placed.get(index)?.candidates?.values ?? []));
  const complete = choice.complete && !truncated;
  for (const index of pending) {
    const first = solutions[0]!.get(index)!;
    const settled =
      complete && solutions.every((solution) => solution.get(index)!.every((v, c) => v === first[c]));
    if (settled) {
      values.set(index, [...first]);
      continue;
    }
    const row = APPLICATION_ROWS[index]!;
    const listed = distinct(solutions.map((solution) => solution.get(index)!));
    const count = complete ? String(listed.length) : `${listed.length}+`;
    const shown = listed.map((split) => split.join(' ')).join('；');
    reading.doubt(
      'ambiguous-split',
      row.path,
      `“${row.displayName}”一行的数字连在一起，按各列合计仍有 ${count} 种整表拆分相符，未读取：${shown}`,
      `The digits of ${row.labelEn} ran together and ${count} splits of the whole table fit the column sums; none was read: ${shown.replace(/；/g, '; ')}`,
    );
  }
  fillRuns(placed, values);
  return true;
}

/** A cell's value in a choice of splits, or among the rows already known. */
function cellIn(
  solution: ReadonlyMap<number, readonly number[]>,
  values: ReadonlyMap<number, (number | null)[]>,
  path: string,
): number | null {
  const index = PATH_INDEX.get(path.slice(0, path.indexOf('[')));
  if (index === undefined) return null;
  const column = Number(path.slice(path.indexOf('[') + 1, -1));
  return (solution.get(index) ?? values.get(index))?.[column] ?? null;
}

const PATH_INDEX = new Map(APPLICATION_ROWS.map((row, index) => [row.path, index] as const));

/** The different rows of a list, in order. */
function distinct(rows: readonly (readonly number[])[]): (readonly number[])[] {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const key = row.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Reads table 三 from the lines of its section into `reading`; returns whether （六） is a single row. */
export function readApplications(lines: readonly Line[], reading: Reading): { singleOther: boolean } {
  const decoded = decodeRows(lines, reading);
  const rows = templateRows(lines, decoded.length);
  const placed = place(decoded, rows, reading);
  resolveRuns(placed, rows, reading);
  for (const index of rows) {
    const row = APPLICATION_ROWS[index]!;
    const found = placed.get(index);
    if (!found?.cells) {
      if (!found) {
        reading.doubt(
          'row-missing',
          row.path,
          `未找到表三“${row.displayName}”一行的数字`,
          `No values found for the row ${row.labelEn} of table 三`,
        );
      }
      continue;
    }
    found.cells.forEach((cell, c) => reading.set(CELL_PATHS[index]![c]!, cell));
  }
  return { singleOther: rows.length < APPLICATION_ROWS.length };
}
