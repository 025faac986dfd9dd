/**
 * A grid brought into lines of tokens: label text, values (numbers and blanks), empty cells, and digit runs
 * glued to a label (`数量801000081`) whose split into cells the table's arithmetic decides later.
 */
import type { SourceLocation } from '../../core/report/model.js';
import type { Grid, GridRow } from '../grid.js';
import {
  classifyCell,
  classifyTrimmed,
  COMPATIBILITY,
  isPageNumber,
  labelKey,
  type CellValue,
} from './normalize.js';

/** One token of a line. `value` is null for a blank marker (“-”, “/”); runs carry their digits in `text`. */
export interface Token {
  kind: 'text' | 'value' | 'empty' | 'run';
  text: string;
  value: number | null;
  ocr?: boolean;
  at: SourceLocation;
  /** The label key of a text token, once computed (see `keyOf`). */
  key?: string;
  /** Words of a table's header row (column names), not a row label. */
  header?: boolean;
}

/** A text token's label key, computed once. */
export function keyOf(token: Token): string {
  token.key ??= labelKey(token.text);
  return token.key;
}

/**
 * A grid row: its raw text, and (computed on first use, since prose lines never need them) its tokens and its
 * label text joined; `blankBefore` marks a paragraph break before it.
 */
export class Line {
  #tokens: Token[] | undefined;
  #text: string | undefined;

  constructor(
    readonly index: number,
    private readonly row: GridRow,
    readonly raw: string,
    readonly blankBefore: boolean,
  ) {}

  get tokens(): Token[] {
    if (this.#tokens === undefined) {
      const tokens: Token[] = [];
      for (const cell of this.row) {
        if (cell.header) {
          const text = cell.text.trim();
          if (text !== '')
            tokens.push({ kind: 'text', text, value: null, at: withText(cell.at, text), header: true });
        } else cellTokens(cell.text, cell.at, tokens);
      }
      this.#tokens = tokens;
    }
    return this.#tokens;
  }

  get text(): string {
    if (this.#text === undefined) {
      let text = '';
      for (const token of this.tokens) if (token.kind === 'text') text += token.text;
      this.#text = text;
    }
    return this.#text;
  }
}

/**
 * `{ ...at, text }`, copied by hand: V8 makes adding a property to an object built by spreading slow (about a
 * microsecond each), and every cell of every table gets one.
 */
export function withText(at: SourceLocation, text: string): SourceLocation {
  const out: Record<string, unknown> = {};
  for (const key in at) out[key] = (at as Record<string, unknown>)[key];
  out.text = text;
  return out as SourceLocation;
}

function shift(at: SourceLocation, offset: number, text: string): SourceLocation {
  if (at.page === undefined && at.line !== undefined && at.column !== undefined) {
    return { line: at.line, column: at.column + offset, text };
  }
  if (offset === 0 || at.column === undefined) return withText(at, text);
  const out: Record<string, unknown> = {};
  for (const key in at) out[key] = (at as Record<string, unknown>)[key];
  out.column = at.column + offset;
  out.text = text;
  return out as SourceLocation;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The index of the first ASCII digit at or after `from` (the length when none). */
function nextDigit(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** The index after the digits starting at `from`. */
function digitsEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i++;
  return i;
}

/** Splits a piece of text with digits glued to words into text and run tokens (numbering such as `2.` stays text). */
function splitGlued(piece: string, at: SourceLocation, offset: number, out: Token[]): void {
  let last = 0;
  let pendingText = '';
  let pendingStart = 0;
  const flushText = (end: number) => {
    if (pendingText !== '') {
      out.push({
        kind: 'text',
        text: pendingText,
        value: null,
        at: shift(at, offset + pendingStart, pendingText),
      });
    }
    pendingText = '';
    pendingStart = end;
  };
  // The matches of `\d+(?:\.\d+)?`, found by hand (this runs for every label with a digit in it).
  const n = piece.length;
  for (let start = nextDigit(piece, 0); start < n; start = nextDigit(piece, last)) {
    let end = digitsEnd(piece, start);
    if (piece.charCodeAt(end) === 46 && isDigit(piece.charCodeAt(end + 1))) end = digitsEnd(piece, end + 1);
    const match = piece.slice(start, end);
    let digits = match;
    const after = piece.charAt(start + digits.length);
    let numbering = '';
    // `…0000002.其他法律…`: the last digit before `.`/`、` and a word is the next row's numbering.
    if (after === '.' || after === '、' || after === '．') {
      numbering = digits.slice(-1);
      digits = digits.slice(0, -1);
    }
    if (pendingText === '') pendingStart = last;
    pendingText += piece.slice(last, start);
    if (digits !== '') {
      flushText(start);
      out.push({ kind: 'run', text: digits, value: null, at: shift(at, offset + start, digits) });
      pendingStart = start + digits.length;
    }
    pendingText += numbering;
    last = end;
  }
  if (pendingText === '') pendingStart = last;
  pendingText += piece.slice(last);
  flushText(piece.length);
}

/** Tokens of one cell: whitespace-separated numbers become values, words are joined back into label text. */
function cellTokens(raw: string, at: SourceLocation, out: Token[]): void {
  // Pieces of text with no compatibility character need no normalising again (`toHalfWidth` keeps them).
  const normalised = COMPATIBILITY.test(raw);
  const text = normalised ? raw.normalize('NFKC') : raw;
  const n = text.length;
  let first = 0;
  while (first < n && isTrimmed(text.charCodeAt(first))) first++;
  if (first === n) {
    out.push({ kind: 'empty', text: '', value: null, at: withText(at, raw) });
    return;
  }
  let last = n;
  while (isTrimmed(text.charCodeAt(last - 1))) last--;
  const trimmed = first === 0 && last === n ? text : text.slice(first, last);
  // `toHalfWidth` gives half-width text back unchanged, so the trimmed text is classified as it is.
  const whole = classifyTrimmed(trimmed);
  if (whole.kind === 'number' || whole.kind === 'blank') {
    out.push(valueToken(whole, trimmed, shift(at, first, trimmed)));
    return;
  }
  let label = '';
  let labelStart = 0;
  const flush = () => {
    if (label === '') return;
    if (hasDigit(label)) splitGlued(label, at, labelStart, out);
    else out.push({ kind: 'text', text: label, value: null, at: shift(at, labelStart, label) });
    label = '';
  };
  // Whitespace-separated pieces, scanned by hand (this runs for every cell of every table).
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    const piece = text.slice(start, i);
    const kind = normalised ? classifyCell(piece) : classifyPiece(piece);
    if (kind.kind === 'number' || kind.kind === 'blank') {
      flush();
      out.push(valueToken(kind, piece, shift(at, start, piece)));
    } else {
      if (label === '') labelStart = start;
      label += piece;
    }
  }
  flush();
}

/** `classifyCell` of a piece with no compatibility character (nothing to normalise): trimmed only if need be. */
function classifyPiece(piece: string): CellValue {
  const n = piece.length;
  return isTrimmed(piece.charCodeAt(0)) || isTrimmed(piece.charCodeAt(n - 1))
    ? classifyTrimmed(piece.trim())
    : classifyTrimmed(piece);
}

/** The characters `String.prototype.trim` removes (white space and line terminators, as `\s`). */
function isTrimmed(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0;
}

function hasDigit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

function valueToken(kind: CellValue, text: string, at: SourceLocation): Token {
  if (kind.kind === 'number') {
    return kind.ocr
      ? { kind: 'value', text, value: kind.value, ocr: true, at }
      : { kind: 'value', text, value: kind.value, at };
  }
  return { kind: 'value', text, value: null, at };
}

/** Brings every row of a grid into lines; page numbers are dropped, empty rows mark paragraph breaks. */
export function tokenize(grid: Grid): Line[] {
  const lines: Line[] = [];
  let blank = false;
  let lastLine: number | undefined;
  for (const row of grid.rows) {
    let raw = '';
    for (const cell of row) raw = raw === '' ? cell.text : `${raw} ${cell.text}`;
    // The trimmed length, without building the trimmed string (only short lines can be page numbers).
    let first = 0;
    let last = raw.length;
    while (first < last && isTrimmed(raw.charCodeAt(first))) first++;
    while (last > first && isTrimmed(raw.charCodeAt(last - 1))) last--;
    if (first === last || (last - first < 16 && isPageNumber(raw.slice(first, last)))) {
      blank = true;
      continue;
    }
    const lineNo = row[0]?.at.line;
    const gap = lineNo !== undefined && lastLine !== undefined && lineNo > lastLine + 1;
    lastLine = lineNo;
    lines.push(new Line(lines.length, row, raw, blank || gap));
    blank = false;
  }
  return lines;
}
