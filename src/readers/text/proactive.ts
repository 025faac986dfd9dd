/**
 * Section 二: the four 第二十条 tables. Each caption's table has a fixed number of cells (6, 1, 2, 1), so when a
 * caption's part holds exactly that many values they are read in printed order, whatever layout moved the labels;
 * otherwise each value is read after its row label.
 */
import { PROACTIVE_TABLES } from '../../core/report/template.js';
import { cellOf, type Reading } from './cells.js';
import { PROACTIVE_ROWS } from './labels.js';
import { labelKey } from './normalize.js';
import { splitPlain } from './split.js';
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

function valuesOf(tokens: readonly Token[], need: number, reading: Reading, path: string): Token[] | null {
  const values = tokens.filter((t) => t.kind === 'value' || t.kind === 'run');
  if (values.length === need && values.every((t) => t.kind === 'value')) return values;
  if (values.length === 1 && values[0]!.kind === 'run') {
    const run = values[0]!;
    if (need === 1) return [{ ...run, kind: 'value', value: Number(run.text) }];
    const splits = splitPlain(run.text, need);
    if (splits.length === 0) return null;
    if (splits.length > 1) {
      reading.doubt(
        'ambiguous-split',
        path.replace(/\.[^.]+$/, ''),
        `二、主动公开的数字“${run.text}”连在一起，可拆为 ${splits.length} 种，取了第一种：${splits[0]!.join(' ')}`,
        `The section-二 digits "${run.text}" ran together; ${splits.length} splits fit, the first was taken: ${splits[0]!.join(' ')}`,
      );
    }
    return splits[0]!.map((value) => ({ ...run, kind: 'value' as const, value }));
  }
  return null;
}

/** Reads the section-二 cells (2021 format) into `reading`. */
export function readProactive(lines: readonly Line[], reading: Reading): void {
  const done = new Set<string>();
  for (const part of parts(lines)) {
    if (part.caption === -1) continue;
    const paths = TABLE_PATHS[part.caption]!;
    if (paths.some((path) => done.has(path))) continue;
    const values = valuesOf(part.tokens, paths.length, reading, paths[0]!);
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
    const values = valuesOf(after.slice(0, row.paths.length), row.paths.length, reading, row.paths[0]!);
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
