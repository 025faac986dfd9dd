/**
 * The scan's CSV summary: one row per file, RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order mark, so
 * Excel opens it with the Chinese intact. Text that would start a formula (=, +, -, @) is prefixed with ' so a
 * hostile file's title cannot become a spreadsheet formula.
 */
import type { FileOutcome } from './inspect-file.js';

/** The byte-order mark Excel needs to read the file as UTF-8. */
export const CSV_BOM = '\ufeff';

/** The header row. */
export const CSV_HEADER = csvLine([
  'file',
  'format',
  'agency',
  'year',
  'template',
  'errors',
  'warnings',
  'failure',
]);

/** One file's row. */
export function csvRow(outcome: FileOutcome): string {
  const read = outcome.failure === null;
  return csvLine([
    outcome.file,
    outcome.format,
    outcome.agency,
    outcome.year,
    outcome.template,
    read ? outcome.errors : null,
    read ? outcome.warnings : null,
    outcome.failure?.code ?? null,
  ]);
}

function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** One field, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
