/**
 * Rebuilds rows and cells from positioned text, the way a reader's eye does on a printed table:
 *
 * 1. runs of text on one baseline with no real gap become one chunk (`1.` + `属于国家秘密`, `2023` + `年`);
 * 2. chunks on the same baseline make a line;
 * 3. a line that sits inside the height of a fuller line, beside it and not under it, belongs to it: a label
 *    printed on two lines in a small font (`（二）部分公开（…` / `计其他情形）`) joins the row of figures
 *    printed between them in a larger font;
 * 4. a table's columns are taken from its header line when that names more columns than any row has figures
 *    (table 二), else from its fullest row when that has five or more figures (tables 三 and 四, whose headers
 *    are stacked over several lines); a row with fewer figures gets an empty cell where its blank is.
 *
 * PDF coordinates: y grows upwards; a page is read top to bottom.
 */
import type { GridCell, GridRow } from '../grid.js';

/** A run of text as pdf.js places it: baseline origin (x, y), advance width and font height, in points. */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Chunk extends PositionedText {
  numeric: boolean;
}

interface Line {
  y: number;
  height: number;
  top: number;
  bottom: number;
  chunks: Chunk[];
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK_CHAR = new RegExp(`[${CJK}]`, 'g');
/** Spaces between two CJK characters are layout (justification), not text: `总 计` is 总计. */
const CJK_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, 'g');
const NUMBER = /^[-+－]?[\d０-９][\d０-９,，.．]*$/;

/** Two runs closer than this share of the smaller font height are one chunk. */
const JOIN_GAP = 0.5;
/** Baselines closer than this share of the smaller font height are one line. */
const SAME_BASELINE = 0.35;
/** Glyph box relative to the baseline, as shares of the font height. */
const ASCENT = 0.8;
const DESCENT = 0.2;
/** Fewest figures in a row for its table's columns to be inferred and blanks placed. */
const MIN_TABLE_COLUMNS = 5;
/** Rows without figures that may sit inside one table (a wrapped label, a stray mark). */
const MAX_GAP_ROWS = 2;

const round = (n: number): number => Math.round(n * 10) / 10;

function chunksOf(items: readonly PositionedText[]): Chunk[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  for (const item of sorted) {
    const minHeight = open === null ? 0 : Math.min(open.height, item.height);
    const gap = open === null ? 0 : item.x - (open.x + open.width);
    if (
      open !== null &&
      Math.abs(item.y - open.y) <= SAME_BASELINE * minHeight &&
      gap <= JOIN_GAP * minHeight &&
      gap >= -minHeight
    ) {
      open.text += item.text;
      open.width = Math.max(open.width, item.x + item.width - open.x);
      open.height = Math.max(open.height, item.height);
      continue;
    }
    open = { ...item, numeric: false };
    chunks.push(open);
  }
  for (const chunk of chunks) {
    chunk.text = chunk.text.replace(CJK_SPACE, '').trim();
    chunk.numeric = NUMBER.test(chunk.text);
  }
  return chunks.filter((chunk) => chunk.text !== '' && !vertical(chunk));
}

/**
 * A run whose advance is far shorter than its CJK characters are wide is set vertically: the label of a
 * row group (三、本年度办理结果) printed down a merged cell. It carries no figure and is left out, rather
 * than being read into whichever row it happens to cross.
 */
function vertical(chunk: Chunk): boolean {
  const cjk = chunk.text.match(CJK_CHAR)?.length ?? 0;
  return cjk >= 2 && chunk.width < 0.5 * chunk.height * cjk;
}

function linesOf(chunks: readonly Chunk[]): Line[] {
  const lines: Line[] = [];
  for (const chunk of chunks) {
    const line = lines.find(
      (l) => Math.abs(l.y - chunk.y) <= SAME_BASELINE * Math.min(l.height, chunk.height),
    );
    const top = chunk.y + ASCENT * chunk.height;
    const bottom = chunk.y - DESCENT * chunk.height;
    if (line === undefined) {
      lines.push({ y: chunk.y, height: chunk.height, top, bottom, chunks: [chunk] });
    } else {
      line.chunks.push(chunk);
      line.top = Math.max(line.top, top);
      line.bottom = Math.min(line.bottom, bottom);
      line.height = Math.max(line.height, chunk.height);
    }
  }
  for (const line of lines) line.chunks.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

function besideEachOther(a: Line, b: Line): boolean {
  return a.chunks.every((p) =>
    b.chunks.every((q) => p.x + p.width <= q.x + 0.5 || q.x + q.width <= p.x + 0.5),
  );
}

/** Folds lines that sit within a fuller line's height, beside its text, into that line. */
function foldSatellites(lines: Line[]): Line[] {
  const into = new Map<Line, Line>();
  const order = [...lines].sort((a, b) => a.chunks.length - b.chunks.length);
  for (const line of order) {
    let best: Line | null = null;
    let bestOverlap = 0;
    for (const other of lines) {
      if (other === line || other.chunks.length <= line.chunks.length) continue;
      const overlap = Math.min(line.top, other.top) - Math.max(line.bottom, other.bottom);
      if (overlap > bestOverlap && besideEachOther(line, other)) {
        best = other;
        bestOverlap = overlap;
      }
    }
    if (best !== null) into.set(line, best);
  }
  const root = (line: Line): Line => {
    let current = line;
    for (let next = into.get(current); next !== undefined; next = into.get(current)) current = next;
    return current;
  };
  for (const [line] of into) {
    const target = root(line);
    target.chunks.push(...line.chunks);
  }
  const kept = lines.filter((line) => !into.has(line));
  const folded = foldWrappedLabels(kept);
  for (const line of folded) line.chunks = joinStacked(line.chunks);
  return folded;
}

/** How far (in line heights) a wrapped label line may sit from the row of figures it belongs to. */
const WRAP_DISTANCE = 2.2;

/**
 * A line with no figures, printed in the same column as a row's label just above or below it, is that label
 * wrapped over several lines (the row's figures are centred on one of them): it joins the nearest such row.
 */
function foldWrappedLabels(lines: Line[]): Line[] {
  const hasFigures = (line: Line) => line.chunks.some((chunk) => chunk.numeric);
  // Same column, same type size, within a couple of lines: a heading above a table is none of these.
  const continues = (chunk: Chunk, label: Chunk) =>
    label.x < chunk.x + chunk.width &&
    chunk.x < label.x + label.width &&
    Math.abs(chunk.height - label.height) <= 0.2 * label.height &&
    Math.abs(chunk.y - label.y) <= WRAP_DISTANCE * label.height;
  const into = new Map<Line, Line>();
  for (const line of lines) {
    if (hasFigures(line)) continue;
    let best: Line | null = null;
    for (const other of lines) {
      if (other === line || !hasFigures(other)) continue;
      if (best !== null && Math.abs(other.y - line.y) >= Math.abs(best.y - line.y)) continue;
      const labels = other.chunks.filter((chunk) => !chunk.numeric);
      if (line.chunks.every((chunk) => labels.some((label) => continues(chunk, label)))) best = other;
    }
    if (best !== null) into.set(line, best);
  }
  for (const [line, target] of into) target.chunks.push(...line.chunks);
  return lines.filter((line) => !into.has(line));
}

/** Joins label chunks stacked in one column (a label wrapped over lines) into one, top line first. */
function joinStacked(chunks: readonly Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const chunk of [...chunks].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const above = chunk.numeric
      ? undefined
      : out.find((o) => !o.numeric && o.x < chunk.x + chunk.width && chunk.x < o.x + o.width);
    if (above === undefined) {
      out.push({ ...chunk });
      continue;
    }
    const right = Math.max(above.x + above.width, chunk.x + chunk.width);
    above.text += chunk.text;
    above.x = Math.min(above.x, chunk.x);
    above.width = right - above.x;
  }
  return out.sort((a, b) => a.x - b.x);
}

function cell(chunk: Chunk, page: number): GridCell {
  return { text: chunk.text, at: { page, x: round(chunk.x), y: round(chunk.y) } };
}

/** Most columns a header line may give a table (table 四 has 15). */
const MAX_HEADER_COLUMNS = 20;

function centre(chunk: Chunk): number {
  return chunk.x + chunk.width / 2;
}

/**
 * The column centres of a table (rows `start`…`end`): from its header line (the figure-less line of several
 * chunks just above it, less those left of every figure) when that names more columns than any row
 * has figures, else from its fullest row when that has at least MIN_TABLE_COLUMNS figures.
 */
function tableColumns(
  lines: readonly Line[],
  figures: readonly Chunk[][],
  start: number,
  end: number,
): number[] {
  let fullest = start;
  for (let i = start; i <= end; i++) if (figures[i]!.length > figures[fullest]!.length) fullest = i;
  const fromRows = figures[fullest]!.map(centre);
  const firstFigure = Math.min(
    ...figures.slice(start, end + 1).flatMap((row) => row.map((chunk) => chunk.x)),
  );
  for (let h = start - 1; h >= Math.max(0, start - 2); h--) {
    const header = lines[h]!;
    if (figures[h]!.length > 0 || header.chunks.length < 2) continue;
    // Header cells over the figures; the one over the row labels (信息内容) ends left of every figure.
    const columns = header.chunks.filter((chunk) => chunk.x + chunk.width > firstFigure).map(centre);
    if (columns.length > fromRows.length && columns.length <= MAX_HEADER_COLUMNS) return columns;
    break;
  }
  return fromRows.length >= MIN_TABLE_COLUMNS ? fromRows : [];
}

/** A figure-less line of several chunks: the header of the next table, which ends the one above. */
function isHeader(line: Line, figures: readonly Chunk[]): boolean {
  return figures.length === 0 && line.chunks.length >= 2;
}

/** Places each row's figures under its table's columns, with an empty cell where a row leaves one blank. */
function alignColumns(lines: readonly Line[], page: number): GridRow[] {
  const rows: GridRow[] = lines.map((line) => line.chunks.map((chunk) => cell(chunk, page)));
  const figures = lines.map((line) => line.chunks.filter((chunk) => chunk.numeric));
  let start = 0;
  while (start < lines.length) {
    if (figures[start]!.length === 0) {
      start++;
      continue;
    }
    // A table: rows of figures with at most MAX_GAP_ROWS rows without figures, and no header, between them.
    let end = start;
    let gap = 0;
    for (let i = start + 1; i < lines.length && gap <= MAX_GAP_ROWS; i++) {
      if (figures[i]!.length > 0) {
        end = i;
        gap = 0;
      } else if (isHeader(lines[i]!, figures[i]!)) break;
      else gap++;
    }
    const columns = tableColumns(lines, figures, start, end);
    for (let i = start; i <= end && columns.length > 0; i++) {
      const own = figures[i]!;
      if (own.length === 0 || own.length >= columns.length) continue;
      const slots = new Array<Chunk | null>(columns.length).fill(null);
      for (const chunk of own) {
        let best = -1;
        for (let c = 0; c < columns.length; c++) {
          if (slots[c] !== null) continue;
          if (best < 0 || Math.abs(columns[c]! - centre(chunk)) < Math.abs(columns[best]! - centre(chunk)))
            best = c;
        }
        if (best >= 0) slots[best] = chunk;
      }
      const labels = lines[i]!.chunks.filter((chunk) => !chunk.numeric);
      const y = round(lines[i]!.y);
      rows[i] = [
        ...labels.map((chunk) => cell(chunk, page)),
        ...slots.map((chunk, c) =>
          chunk === null ? { text: '', at: { page, x: round(columns[c]!), y } } : cell(chunk, page),
        ),
      ];
    }
    start = end + 1;
  }
  return rows;
}

/** The rows of one page, top to bottom, each a list of cells left to right with their page and position. */
export function pageRows(items: readonly PositionedText[], page: number): GridRow[] {
  const lines = foldSatellites(linesOf(chunksOf(items)));
  return alignColumns(lines, page);
}
