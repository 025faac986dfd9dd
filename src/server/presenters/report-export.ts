/** What a checked report downloads as: the JSON contract with findings, or CSV with one row per cell. */
import { cellName, listCells } from '../../core/report/cells.js';
import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport } from '../../core/report/model.js';
import { describeLocation } from '../pages/report-tables.js';

/** `{"report": …, "findings": […]}`, the same shape `gongkai report check --json` prints. */
export function reportJson(report: AnnualReport, findings: readonly Finding[]): string {
  return `${JSON.stringify({ report, findings }, null, 2)}\n`;
}

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused with a quote. */
function field(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row per cell of the template: path, name, value, where it was read, and the findings that blame it. */
export function reportCsv(report: AnnualReport, findings: readonly Finding[]): string {
  const header = ['path', '单元格 cell', '数值 value', '读取自 source', '问题 findings'];
  const rows = listCells(report).map((cell) => {
    const own = findings
      .filter((f) => f.path === cell.path)
      .map((f) => `[${f.severity}] ${f.rule}: ${f.message}`)
      .join(' | ');
    return [
      field(cell.path),
      field(cellName(cell.path, 'zh')),
      field(cell.value),
      field(report.provenance?.[cell.path] ? describeLocation(report.provenance[cell.path], 'zh') : ''),
      field(own),
    ].join(',');
  });
  const other = findings
    .filter((f) => !listCells(report).some((cell) => cell.path === f.path))
    .map((f) =>
      [
        field(f.path),
        field(cellName(f.path, 'zh')),
        '',
        '',
        field(`[${f.severity}] ${f.rule}: ${f.message}`),
      ].join(','),
    );
  // A byte-order mark so that spreadsheet programs read the Chinese as UTF-8.
  return `\ufeff${[header.join(','), ...rows, ...other].join('\r\n')}\r\n`;
}
