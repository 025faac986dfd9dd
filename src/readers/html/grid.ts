/**
 * Brings a web page into a `Grid`: every data table row by row, merged cells spread so that columns line up,
 * and the page's other text (title, headings, paragraphs) as one-cell rows, in document order.
 *
 * The page is read by htmlparser2's tokenizer alone, with no DOM, no element stack and no recursion, so a page
 * nested 100,000 levels deep costs what its length costs (htmlparser2's Parser keeps its open elements with
 * `Array.unshift`, which is quadratic in the depth). Unclosed cells and rows are closed by the next one. Scripts, styles and other non-text parts are skipped. A table that holds another
 * table is a layout table: its cells are read as prose and only the innermost tables give table rows.
 */
import { DomainError } from '../../core/errors.js';
import type { SourceLocation } from '../../core/report/model.js';
import type { Grid, GridCell, GridRow } from '../grid.js';
import { scanMarkup } from '../markup.js';

/** Most cells a page may spread into; beyond it the page is refused rather than exhausting memory. */
export const MAX_HTML_CELLS = 1_000_000;
/** Widest and tallest a merged cell may be; the statutory tables need at most 15 columns. */
const MAX_COLSPAN = 64;
const MAX_ROWSPAN = 1000;

/** Elements whose content is not page text. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'object',
  'iframe',
  'select',
]);

/** Elements that end a line of text (and a paragraph inside a cell). */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p',
  'pre', 'section', 'title', 'ul', 'body', 'head', 'html',
]); // prettier-ignore

/** Breaks between the parts of a cell's text (`<br>`, `<p>`) are marked with this, then joined. */
const BREAK = '\n';

interface OpenCell {
  parts: string[];
  colspan: number;
  rowspan: number;
  line: number;
}

interface OpenTable {
  index: number;
  /** True once a table is found inside one of its cells: its cells are then read as prose. */
  layout: boolean;
  rowCount: number;
  /** Rows still covered by a rowspan above, by column. */
  carry: number[];
  row: GridRow | null;
  column: number;
  cell: OpenCell | null;
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

const ASCII_WORD = /[A-Za-z0-9]/;
const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;

/**
 * Joins the parts of a cell or line: white space (`&nbsp;` and the ideographic space included) collapses to one
 * space; lines broken by `<br>` or `<p>` run together (自<br>然<br>人), except between two Latin words or numbers.
 */
function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const text of lines(parts)) {
    if (out !== '' && ASCII_WORD.test(out.at(-1) ?? '') && ASCII_WORD.test(text[0] ?? '')) out += ' ';
    out += text;
  }
  return out;
}

/** The non-blank lines of a cell's parts, white space collapsed. */
function lines(parts: readonly string[]): string[] {
  return parts
    .map((part) => (part === BREAK ? BREAK : part.replace(SPACES, ' ')))
    .join('')
    .split(BREAK)
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '');
}

/** True when a text node holds nothing but white space. */
function blank(text: string): boolean {
  return text.replace(SPACES, '') === '';
}

/** Reads HTML text into a grid; throws REPORT_UNREADABLE when the page spreads into too many cells. */
export function htmlToGrid(html: string): Grid {
  const rows: GridRow[] = [];
  const tables: OpenTable[] = [];
  let tableCount = 0;
  let cellCount = 0;
  let skipDepth = 0;
  let prose: string[] = [];
  let proseLine = 0;

  // Line numbers from character offsets, counted forward as the parser advances (each newline found once).
  let line = 1;
  let nextNewline = html.indexOf('\n');
  const lineAt = (index: number): number => {
    while (nextNewline !== -1 && nextNewline < index) {
      line++;
      nextNewline = html.indexOf('\n', nextNewline + 1);
    }
    return line;
  };

  const addCells = (n: number): void => {
    cellCount += n;
    if (cellCount > MAX_HTML_CELLS) {
      throw new DomainError(
        'REPORT_UNREADABLE',
        `网页表格过大（超过 ${MAX_HTML_CELLS} 个单元格），不像年度报告`,
        `The page's tables spread into more than ${MAX_HTML_CELLS} cells; this is not an annual report`,
      );
    }
  };

  const flushProse = (): void => {
    const text = joinParts(prose);
    prose = [];
    if (text !== '') {
      addCells(1);
      rows.push([{ text, at: { line: proseLine } }]);
    }
  };

  const top = (): OpenTable | undefined => tables[tables.length - 1];
  const dataTable = (): OpenTable | undefined => {
    const table = top();
    return table !== undefined && !table.layout ? table : undefined;
  };

  const placeholder = (table: OpenTable, column: number): GridCell => ({
    text: '',
    at: { table: table.index, row: table.rowCount, column: column + 1 },
  });

  const fillCarried = (table: OpenTable, row: GridRow, upTo: number): void => {
    while (table.column < upTo && (table.carry[table.column] ?? 0) > 0) {
      table.carry[table.column]! -= 1;
      row.push(placeholder(table, table.column));
      addCells(1);
      table.column++;
    }
  };

  const startRow = (table: OpenTable): GridRow => {
    table.rowCount++;
    table.column = 0;
    table.row = [];
    return table.row;
  };

  const closeCell = (table: OpenTable): void => {
    const cell = table.cell;
    if (cell === null) return;
    table.cell = null;
    const row = table.row ?? startRow(table);
    fillCarried(table, row, Number.POSITIVE_INFINITY);
    const at: SourceLocation = {
      table: table.index,
      row: table.rowCount,
      column: table.column + 1,
      line: cell.line,
    };
    row.push({ text: joinParts(cell.parts), at });
    addCells(cell.colspan);
    for (let k = 0; k < cell.colspan; k++) {
      if (k > 0) row.push(placeholder(table, table.column));
      table.carry[table.column] = cell.rowspan - 1;
      table.column++;
    }
  };

  const closeRow = (table: OpenTable): void => {
    closeCell(table);
    const row = table.row;
    if (row === null) return;
    fillCarried(table, row, table.carry.length);
    // Columns covered from above but after a gap of uncovered ones still take their placeholder.
    for (let c = table.column; c < table.carry.length; c++) {
      if ((table.carry[c] ?? 0) > 0) {
        while (table.column < c) row.push(placeholder(table, table.column++));
        fillCarried(table, row, c + 1);
      }
    }
    table.row = null;
    if (row.some((cell) => cell.text !== '')) rows.push(row);
  };

  /**
   * A table found inside a cell makes its parent a layout table: what the parent had gathered of the open row
   * is page text, so each cell, and each line of the open cell, becomes a row of its own.
   */
  const becomeLayout = (table: OpenTable): void => {
    for (const cell of table.row ?? []) {
      if (cell.text !== '') rows.push([cell]);
    }
    const cell = table.cell;
    if (cell !== null) {
      for (const text of lines(cell.parts)) {
        addCells(1);
        rows.push([
          {
            text,
            at: { table: table.index, row: table.rowCount, column: table.column + 1, line: cell.line },
          },
        ]);
      }
    }
    table.cell = null;
    table.row = null;
    table.layout = true;
  };

  const onOpen = (name: string, attributes: Record<string, string>): void => {
    if (SKIPPED.has(name)) {
      skipDepth++;
      return;
    }
    if (skipDepth > 0) return;
    const table = dataTable();
    switch (name) {
      case 'table': {
        if (table !== undefined && table.cell !== null) becomeLayout(table);
        flushProse();
        tables.push({
          index: ++tableCount,
          layout: false,
          rowCount: 0,
          carry: [],
          row: null,
          column: 0,
          cell: null,
        });
        return;
      }
      case 'tr':
        if (table !== undefined) {
          closeRow(table);
          startRow(table);
        } else flushProse();
        return;
      case 'td':
      case 'th':
        if (table !== undefined) {
          closeCell(table);
          if (table.row === null) startRow(table);
          table.cell = {
            parts: [],
            colspan: span(attributes.colspan, MAX_COLSPAN),
            rowspan: span(attributes.rowspan, MAX_ROWSPAN),
            line: lineAt(currentTagStart),
          };
        } else flushProse();
        return;
      default:
        if (BLOCKS.has(name)) {
          if (table?.cell) table.cell.parts.push(BREAK);
          else flushProse();
        }
    }
  };

  const onClose = (name: string): void => {
    if (SKIPPED.has(name)) {
      skipDepth = Math.max(0, skipDepth - 1);
      return;
    }
    if (skipDepth > 0) return;
    const table = dataTable();
    switch (name) {
      case 'table': {
        const closing = top();
        if (closing === undefined) return;
        if (!closing.layout) closeRow(closing);
        flushProse();
        tables.pop();
        return;
      }
      case 'tr':
        if (table !== undefined) closeRow(table);
        else flushProse();
        return;
      case 'td':
      case 'th':
        if (table !== undefined) closeCell(table);
        else flushProse();
        return;
      default:
        if (BLOCKS.has(name)) {
          if (table?.cell) table.cell.parts.push(BREAK);
          else flushProse();
        }
    }
  };

  const onText = (text: string, start: number): void => {
    if (skipDepth > 0) return;
    const cell = dataTable()?.cell;
    if (cell) {
      cell.parts.push(text);
      return;
    }
    if (prose.length === 0) {
      if (blank(text)) return;
      proseLine = lineAt(start);
    }
    prose.push(text);
  };

  let currentTagStart = 0;
  scanMarkup(html, false, {
    open: (name, attributes, start) => {
      currentTagStart = start;
      onOpen(name, attributes);
    },
    selfClosing: (name, attributes, start) => {
      currentTagStart = start;
      onOpen(name, attributes);
      if (SKIPPED.has(name)) onClose(name); // <svg/> must not hide the rest of the page
    },
    close: onClose,
    text: onText,
  });
  for (let table = top(); table !== undefined; table = top()) {
    if (!table.layout) closeRow(table);
    tables.pop();
  }
  flushProse();
  return { rows };
}
