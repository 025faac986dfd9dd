/**
 * Brings a Word document into a `Grid`: each body paragraph is a row (tab stops split it into cells), and each
 * table (`w:tbl`) gives its rows cell by cell, merged cells spread so that columns line up: a `w:gridSpan` cell
 * is followed by empty cells, a `w:vMerge` continuation is an empty cell, `w:gridBefore`/`w:gridAfter` are
 * empty cells. The XML is read by htmlparser2's tokenizer alone, with no DOM, element stack or recursion, so
 * deep nesting costs only its length.
 */
import { DomainError } from '../../core/errors.js';
import type { Grid, GridCell, GridRow } from '../grid.js';
import { scanMarkup } from '../markup.js';

/** Most cells a document may give; beyond it the file is refused. */
export const MAX_DOCX_CELLS = 1_000_000;
const MAX_SPAN = 64;

/** A paragraph or line break inside a cell, joined away later. */
const BREAK = '\n';
const SPACES = /[\s\u00a0\u3000\u200b\ufeff]+/g;
const ASCII_WORD = /[A-Za-z0-9]/;

/** Elements whose text is not document text: deleted runs, field codes, the fallback copy of drawings. */
const SKIPPED = new Set(['w:delText', 'w:instrText', 'mc:Fallback', 'w:del']);

interface OpenTable {
  index: number;
  rowCount: number;
  row: GridRow | null;
  column: number;
  gridAfter: number;
  cell: { parts: string[]; span: number; continued: boolean } | null;
}

function joinParts(parts: readonly string[]): string {
  let out = '';
  for (const raw of parts.join('').split(BREAK)) {
    const text = raw.replace(SPACES, ' ').trim();
    if (text === '') continue;
    if (out !== '' && ASCII_WORD.test(out.at(-1) ?? '') && ASCII_WORD.test(text[0] ?? '')) out += ' ';
    out += text;
  }
  return out;
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/** Reads WordprocessingML (`word/document.xml`) into a grid. */
export function documentXmlToGrid(xml: string): Grid {
  const rows: GridRow[] = [];
  const tables: OpenTable[] = [];
  let tableCount = 0;
  let paragraphCount = 0;
  let cellCount = 0;
  let skipDepth = 0;
  let inText = false;
  /** Text of the body paragraph being read; a tab splits cells, a break splits rows. */
  let paragraph: string[] = [];

  const addCells = (n: number): void => {
    cellCount += n;
    if (cellCount > MAX_DOCX_CELLS) {
      throw new DomainError(
        'REPORT_UNREADABLE',
        `文档表格过大（超过 ${MAX_DOCX_CELLS} 个单元格），不像年度报告`,
        `The document spreads into more than ${MAX_DOCX_CELLS} cells; this is not an annual report`,
      );
    }
  };

  const top = (): OpenTable | undefined => tables[tables.length - 1];
  const empty = (table: OpenTable): GridCell => ({
    text: '',
    at: { table: table.index, row: table.rowCount, column: table.column + 1 },
  });
  const pad = (table: OpenTable, n: number): void => {
    if (table.row === null) return;
    addCells(n);
    for (let k = 0; k < n; k++) {
      table.row.push(empty(table));
      table.column++;
    }
  };

  const flushParagraph = (): void => {
    const lines = paragraph.join('').split(BREAK);
    paragraph = [];
    paragraphCount++;
    for (const line of lines) {
      const cells = line.split('\t').map((part) => part.replace(SPACES, ' ').trim());
      if (cells.every((cell) => cell === '')) continue;
      while (cells[0] === '') cells.shift();
      while (cells.at(-1) === '') cells.pop();
      addCells(cells.length);
      rows.push(cells.map((text, i) => ({ text, at: { paragraph: paragraphCount, column: i + 1 } })));
    }
  };

  const closeCell = (table: OpenTable): void => {
    const cell = table.cell;
    if (cell === null || table.row === null) return;
    table.cell = null;
    addCells(1);
    const at = { table: table.index, row: table.rowCount, column: table.column + 1 };
    table.row.push({ text: cell.continued ? '' : joinParts(cell.parts), at });
    table.column++;
    pad(table, cell.span - 1);
  };

  const closeRow = (table: OpenTable): void => {
    closeCell(table);
    pad(table, table.gridAfter);
    const row = table.row;
    table.row = null;
    if (row !== null && row.some((cell) => cell.text !== '')) rows.push(row);
  };

  const textTarget = (): string[] => top()?.cell?.parts ?? paragraph;

  const onOpen = (name: string, attributes: Record<string, string>): void => {
    if (SKIPPED.has(name)) {
      skipDepth++;
      return;
    }
    if (skipDepth > 0) return;
    const table = top();
    switch (name) {
      case 'w:t':
        inText = true;
        return;
      case 'w:tab':
        if (!table?.cell) paragraph.push('\t');
        else table.cell.parts.push(' ');
        return;
      case 'w:br':
      case 'w:cr':
        textTarget().push(BREAK);
        return;
      case 'w:tbl':
        if (!table?.cell) flushParagraphIfAny();
        tables.push({ index: ++tableCount, rowCount: 0, row: null, column: 0, gridAfter: 0, cell: null });
        return;
      case 'w:tr':
        if (table) {
          closeRow(table);
          table.rowCount++;
          table.row = [];
          table.column = 0;
          table.gridAfter = 0;
        }
        return;
      case 'w:gridBefore':
        if (table?.row && table.cell === null) pad(table, spanOf(attributes['w:val']));
        return;
      case 'w:gridAfter':
        if (table?.row && table.cell === null) table.gridAfter = spanOf(attributes['w:val']);
        return;
      case 'w:tc':
        if (table?.row) {
          closeCell(table);
          table.cell = { parts: [], span: 1, continued: false };
        }
        return;
      case 'w:gridSpan':
        if (table?.cell) table.cell.span = spanOf(attributes['w:val']);
        return;
      case 'w:vMerge':
        if (table?.cell) table.cell.continued = (attributes['w:val'] ?? 'continue') === 'continue';
        return;
      default:
    }
  };

  const onClose = (name: string): void => {
    if (SKIPPED.has(name)) {
      skipDepth = Math.max(0, skipDepth - 1);
      return;
    }
    if (skipDepth > 0) return;
    const table = top();
    switch (name) {
      case 'w:t':
        inText = false;
        return;
      case 'w:p':
        if (table?.cell) table.cell.parts.push(BREAK);
        else flushParagraph();
        return;
      case 'w:tc':
        if (table) closeCell(table);
        return;
      case 'w:tr':
        if (table) closeRow(table);
        return;
      case 'w:tbl':
        if (table) {
          closeRow(table);
          tables.pop();
        }
        return;
      default:
    }
  };

  const onText = (text: string): void => {
    if (inText && skipDepth === 0) textTarget().push(text);
  };

  function flushParagraphIfAny(): void {
    if (paragraph.length > 0) flushParagraph();
  }

  scanMarkup(xml, true, {
    open: (name, attributes) => onOpen(name, attributes),
    selfClosing: (name, attributes) => {
      onOpen(name, attributes);
      onClose(name);
    },
    close: onClose,
    text: (text) => onText(text),
  });
  for (let table = top(); table !== undefined; table = top()) {
    closeRow(table);
    tables.pop();
  }
  flushParagraphIfAny();
  return { rows };
}
