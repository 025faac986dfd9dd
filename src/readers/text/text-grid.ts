/**
 * Plain text brought into a `Grid`: each line is a row, cut into cells at tabs, at `|` bars (markdown tables and
 * `|`-ended fragments), or at runs of two or more spaces (pdftotext -layout). Markdown separator lines are
 * dropped. Columns are 1-based character offsets in the line.
 */
import type { Grid, GridRow } from '../grid.js';
import { STREAM_MIN_LENGTH, streamSegments } from './stream.js';

/** Longest line kept whole; longer ones are cut into pieces of this size, so no pattern sees megabytes. */
export const MAX_LINE = 20_000;

const MARKDOWN_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function cells(line: string, lineNo: number, separator: RegExp): GridRow {
  const row: GridRow = [];
  let start = 0;
  separator.lastIndex = 0;
  for (let match = separator.exec(line); match !== null; match = separator.exec(line)) {
    row.push({ text: line.slice(start, match.index), at: { line: lineNo, column: start + 1 } });
    start = match.index + match[0].length;
    if (match[0].length === 0) separator.lastIndex++;
  }
  row.push({ text: line.slice(start), at: { line: lineNo, column: start + 1 } });
  return row;
}

/** The cells between each occurrence of one separator character (a tab or a bar), found without a regex. */
function cellsAt(line: string, lineNo: number, separator: string): GridRow {
  const row: GridRow = [];
  let start = 0;
  for (let at = line.indexOf(separator); at !== -1; at = line.indexOf(separator, start)) {
    row.push({ text: line.slice(start, at), at: { line: lineNo, column: start + 1 } });
    start = at + 1;
  }
  row.push({ text: line.slice(start), at: { line: lineNo, column: start + 1 } });
  return row;
}

const ALIGNED = /\S {2,}\S/;
const SPACE_RUNS = / {2,}|\u3000+/g;

/** Cuts one line into cells by the separator it uses. */
export function lineCells(line: string, lineNo: number): GridRow {
  if (line.includes('\t')) return cellsAt(line, lineNo, '\t');
  if (line.includes('|')) {
    const row = cellsAt(line, lineNo, '|');
    // `| a | b |`: the empty text before the first bar and after the last is no cell.
    if (row.length > 1 && row[0]!.text.trim() === '' && /^\s*\|/.test(line)) row.shift();
    if (row.length > 1 && row[row.length - 1]!.text.trim() === '') row.pop();
    return row;
  }
  if ((line.includes('  ') && ALIGNED.test(line)) || line.includes('\u3000')) {
    return cells(line, lineNo, SPACE_RUNS);
  }
  return [{ text: line, at: { line: lineNo, column: 1 } }];
}

/** True when the line is empty once trimmed (`line.trim() === ''`, without building the trimmed string). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code > 32 && code < 0xa0) return false;
    if (line.charAt(i).trim() !== '') return false;
  }
  return true;
}

/**
 * The row above a markdown rule is the table's header: its cells are column names (`数据1`, `本年新收件数`) even
 * when they hold digits. A row with numbers of its own (a converter that put a data row first) is left alone.
 */
function markHeader(row: GridRow | undefined): void {
  if (row === undefined || row.length < 2) return;
  let numbers = 0;
  for (const cell of row) if (/^\s*\d+(?:\.\d+)?\s*$/.test(cell.text)) numbers++;
  if (numbers > 0) return;
  for (const cell of row) cell.header = true;
}

/** A piece of a line as one row, or pieces of MAX_LINE when longer (so no pattern sees megabytes). */
function pushLong(rows: GridRow[], text: string, lineNo: number, column: number): void {
  if (text.length <= MAX_LINE) {
    rows.push([{ text, at: { line: lineNo, column } }]);
    return;
  }
  for (let at = 0; at < text.length; at += MAX_LINE) {
    rows.push([{ text: text.slice(at, at + MAX_LINE), at: { line: lineNo, column: column + at } }]);
  }
}

/** Text to a grid, one row per line (empty lines kept as empty rows: they separate paragraphs). */
export function textToGrid(text: string): Grid {
  const rows: GridRow[] = [];
  let lineNo = 0;
  for (const rawLine of text.split('\n')) {
    lineNo++;
    const line = rawLine.charCodeAt(rawLine.length - 1) === 13 ? rawLine.slice(0, -1) : rawLine;
    if (line.includes('--') && MARKDOWN_RULE.test(line)) {
      markHeader(rows[rows.length - 1]);
      continue;
    }
    if (line.length >= STREAM_MIN_LENGTH) {
      // A page (or part of one) on one line: cut at the statutory labels found in it.
      const segments = streamSegments(line, lineNo);
      if (segments !== null) {
        for (const segment of segments) pushLong(rows, segment[0]!.text, lineNo, segment[0]!.at.column!);
        continue;
      }
    }
    if (line.length > MAX_LINE) {
      for (let at = 0; at < line.length; at += MAX_LINE) {
        rows.push([{ text: line.slice(at, at + MAX_LINE), at: { line: lineNo, column: at + 1 } }]);
      }
      continue;
    }
    rows.push(isBlank(line) ? [] : lineCells(line, lineNo));
  }
  return { rows };
}
