/**
 * A table handed in as CSV or XLSX (a catalogue exported from a vendor CMS, table 二 figures from another system)
 * read into a header and rows of text, each row with its line (CSV) or row number (XLSX) so a refusal can say
 * where. CSV: UTF-8 (with or without BOM) or GB18030 (what Excel on Chinese Windows saves), comma or tab
 * separated, RFC 4180 quoting. XLSX: the first sheet (or the one named), through exceljs after the package's
 * directory has been checked against the zip-bomb limits; dates as YYYY-MM-DD.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../../core/errors.js';
import { attachmentLimits } from '../../../core/publishing/intake-limits.js';
import { checkPackage } from '../attachments/extract.js';
import { sniffContent } from '../attachments/sniff.js';

export interface TableRow {
  /** The line (CSV) or row number (XLSX) where the row starts, as a person finds it in the file. */
  line: number;
  cells: string[];
}

export interface TableFile {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: TableRow[];
}

export interface TableFileOptions {
  /** Most data rows (default 200,000). */
  maxRows?: number;
  /** Largest file (default 50 MB). */
  maxBytes?: number;
  /** XLSX: the sheet to read (default the first). */
  sheet?: string;
}

function invalid(name: string, zh: string, en: string, details?: unknown): DomainError {
  return new DomainError('IMPORT_INVALID', `“${name}”：${zh}`, `“${name}”: ${en}`, details);
}

/** Decodes CSV bytes: a BOM decides; else UTF-8 when the bytes are valid UTF-8, GB18030 otherwise. */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** Splits CSV text into rows of cells (RFC 4180: quoted cells may hold separators, quotes and new lines). */
export function parseCsv(text: string): TableRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: TableRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let wasQuoted = false;
  const endCell = () => {
    cells.push(wasQuoted ? cell : cell.trim());
    cell = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endCell();
    if (cells.some((c) => c !== '')) rows.push({ line: rowLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 1;
        } else quoted = false;
      } else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell.trim() === '') {
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (char === separator) {
      endCell();
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else {
      cell += char;
    }
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

function cellText(value: ExcelJS.CellValue, text: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value !== null && typeof value === 'object' && 'result' in value) {
    const result = (value as { result?: unknown }).result;
    if (result instanceof Date) return result.toISOString().slice(0, 10);
    return result === undefined || result === null ? '' : String(result);
  }
  return text.trim();
}

async function readXlsx(bytes: Uint8Array, name: string, options: TableFileOptions): Promise<TableRow[]> {
  checkPackage(bytes, name, attachmentLimits());
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    throw invalid(
      name,
      '不是有效的 XLSX 文件',
      `not a valid XLSX file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) {
    throw invalid(
      name,
      options.sheet ? `找不到工作表“${options.sheet}”` : '工作簿中没有工作表',
      options.sheet ? `no sheet named “${options.sheet}”` : 'the workbook has no sheet',
    );
  }
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value, cell.text ?? '');
    });
    const filled = Array.from(cells, (c) => c ?? '');
    if (filled.some((c) => c !== '')) rows.push({ line: number, cells: filled });
  });
  return rows;
}

/** Reads a CSV or XLSX table (told by content); the first non-empty row is the header. */
export async function readTableFile(
  bytes: Uint8Array,
  name: string,
  options: TableFileOptions = {},
): Promise<TableFile> {
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  const maxRows = options.maxRows ?? 200_000;
  if (bytes.byteLength === 0) throw invalid(name, '文件是空的', 'the file is empty');
  if (bytes.byteLength > maxBytes) {
    throw invalid(
      name,
      `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB`,
      `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
    );
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let format: TableFile['format'];
  let rows: TableRow[];
  if (isZip) {
    if (sniffContent(bytes, name) !== 'xlsx')
      throw invalid(name, '不是 XLSX 工作簿（请用 CSV 或 XLSX）', 'not an XLSX workbook (use CSV or XLSX)');
    format = 'xlsx';
    rows = await readXlsx(bytes, name, options);
  } else {
    const sniffed = sniffContent(bytes, name);
    if (typeof sniffed === 'string') throw invalid(name, '不是 CSV 或 XLSX 文件', 'not a CSV or XLSX file');
    if (sniffed.reason !== 'unknown') {
      throw invalid(
        name,
        `不是 CSV 或 XLSX 文件（它是${sniffed.zh}）`,
        `not a CSV or XLSX file (it is ${sniffed.en})`,
      );
    }
    format = 'csv';
    rows = parseCsv(decodeCsv(bytes));
  }
  const [header, ...data] = rows;
  if (!header) throw invalid(name, '没有表头和数据', 'there is no header and no data');
  if (data.length > maxRows) {
    throw invalid(
      name,
      `数据行超过 ${maxRows} 行，请分批导入`,
      `more than ${maxRows} data rows; import in parts`,
    );
  }
  return { format, headers: header.cells.map((h) => h.trim()), rows: data };
}
