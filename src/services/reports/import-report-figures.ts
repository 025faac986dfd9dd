/**
 * Use case: import the entered figures of table 二 — 行政许可, 行政处罚, 行政强制 decisions and 行政事业性收费 —
 * from a CSV or XLSX file (they come from other systems: licensing, enforcement, finance), one row per agency and
 * year. 规章 and 行政规范性文件 are not imported: they are counted from the documents (issue 13 item 5); a stored
 * row keeps them as they were.
 *
 * Each bad row is refused alone, with its line and every reason (zh/en); the good rows are stored together in one
 * transaction with an audit entry each, or, in a dry run, only listed. Columns are found by their header:
 * 机关代码 (or 机关), 年度, 行政许可, 行政处罚, 行政强制, 行政事业性收费（万元）.
 */
import { DomainError } from '../../core/errors.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { reportFiguresRepository } from '../../storage/report-figures-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from '../accounts/principal.js';
import { handleApplicationRoles, inScope, readAgencyRoles, scopeOf } from '../policies/access.js';
import { readTableFile } from '../publishing/import/table-file.js';
import { zeroFigures, type ProactiveFigures } from './set-report-figures.js';

export interface FiguresImportInput {
  bytes: Uint8Array;
  /** The file's name (for messages). */
  name: string;
  /** List what would be imported and refused; store nothing. */
  dryRun?: boolean;
}

export interface RefusedRow {
  line: number;
  reasons: { zh: string; en: string }[];
}

export interface FiguresImportResult {
  dryRun: boolean;
  /** Rows stored (or, in a dry run, that would be). */
  accepted: { line: number; agency: string; year: number }[];
  refused: RefusedRow[];
}

type Column = 'agency' | 'year' | 'licensing' | 'penalty' | 'enforcement' | 'fees';

const HEADERS: Record<Column, RegExp> = {
  agency: /^(?:机关代码|机关|单位代码|单位|agency)$/i,
  year: /^(?:年度|报告年度|year)$/i,
  licensing: /^(?:行政许可(?:本年处理决定数量|决定数)?|licensing)$/i,
  penalty: /^(?:行政处罚(?:本年处理决定数量|决定数)?|penalty)$/i,
  enforcement: /^(?:行政强制(?:本年处理决定数量|决定数)?|enforcement)$/i,
  fees: /^(?:行政事业性收费(?:本年收费金额)?[(（]?(?:万元)?[)）]?|收费金额[(（]?万元[)）]?|fees)$/i,
};

const LABELS: Record<Column, string> = {
  agency: '机关代码',
  year: '年度',
  licensing: '行政许可',
  penalty: '行政处罚',
  enforcement: '行政强制',
  fees: '行政事业性收费（万元）',
};

function columnsOf(headers: readonly string[], name: string): Record<Column, number> {
  const found = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of Object.keys(HEADERS) as Column[]) {
    const index = headers.findIndex((h) => HEADERS[column].test(h.replace(/\s/g, '')));
    if (index < 0) missing.push(LABELS[column]);
    else found[column] = index;
  }
  if (missing.length > 0) {
    throw new DomainError(
      'IMPORT_INVALID',
      `“${name}”缺少列：${missing.join('、')}（表头须含 ${Object.values(LABELS).join('、')}）`,
      `“${name}” lacks the columns ${missing.join(', ')} (the header must have ${Object.values(LABELS).join(', ')})`,
      { missing },
    );
  }
  return found;
}

/** Imports table 二's entered figures; see the module comment. */
export async function importReportFigures(
  deps: PlatformDeps,
  principal: Principal,
  input: FiguresImportInput,
): Promise<FiguresImportResult> {
  const table = await readTableFile(input.bytes, input.name, { maxRows: 10_000 });
  const columns = columnsOf(table.headers, input.name);
  const tree = await agenciesRepository.listAll(deps.db);
  const readable = scopeOf(principal, tree, readAgencyRoles);
  const writable = scopeOf(principal, tree, handleApplicationRoles);
  const byRef = new Map(tree.flatMap((a) => [[a.code, a] as const, [a.id, a] as const]));

  const refused: RefusedRow[] = [];
  const good: {
    line: number;
    agencyId: string;
    agency: string;
    year: number;
    values: Omit<ProactiveFigures, 'regulations' | 'normativeDocuments'>;
  }[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const reasons: { zh: string; en: string }[] = [];
    const cell = (column: Column) => (row.cells[columns[column]] ?? '').trim();
    const ref = cell('agency');
    const agency = byRef.get(ref);
    if (ref === '') reasons.push({ zh: '机关代码为空', en: 'the agency code is empty' });
    else if (!agency || !inScope(readable, agency.id))
      reasons.push({ zh: `没有机关“${ref}”`, en: `no agency “${ref}”` });
    else if (!inScope(writable, agency.id)) {
      reasons.push({
        zh: `无权填报“${agency.name}”的数据`,
        en: `not allowed to enter figures for “${agency.name}”`,
      });
    }
    const yearText = cell('year').replace(/年$/, '');
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 2008 || year > 2100) {
      reasons.push({ zh: `年度无效：“${cell('year')}”`, en: `invalid year: “${cell('year')}”` });
    }
    const counts = {} as Record<'licensing' | 'penalty' | 'enforcement', number>;
    for (const column of ['licensing', 'penalty', 'enforcement'] as const) {
      const text = cell(column).replace(/[,，]/g, '');
      if (!/^\d{1,9}$/.test(text)) {
        reasons.push({
          zh: `${LABELS[column]}应为非负整数：“${cell(column)}”`,
          en: `${column} must be a whole number of 0 or more: “${cell(column)}”`,
        });
      } else counts[column] = Number(text);
    }
    const fees = cell('fees').replace(/[,，]/g, '');
    if (!/^\d{1,9}(?:\.\d{1,4})?$/.test(fees)) {
      reasons.push({
        zh: `行政事业性收费应为以万元计、最多四位小数的金额：“${cell('fees')}”`,
        en: `fees must be an amount in 10,000 yuan with at most 4 decimals: “${cell('fees')}”`,
      });
    }
    if (agency && reasons.length === 0) {
      const key = `${agency.id}/${year}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        reasons.push({
          zh: `与第 ${earlier} 行重复（同一机关和年度）`,
          en: `repeats line ${earlier} (same agency and year)`,
        });
      } else seen.set(key, row.line);
    }
    if (reasons.length > 0 || !agency) {
      refused.push({ line: row.line, reasons });
      continue;
    }
    good.push({
      line: row.line,
      agencyId: agency.id,
      agency: agency.code,
      year,
      values: { ...counts, feesTenThousandYuan: fees.replace(/^0+(?=\d)/, '') },
    });
  }

  const accepted = good.map(({ line, agency, year }) => ({ line, agency, year }));
  if (input.dryRun || good.length === 0) return { dryRun: input.dryRun ?? false, accepted, refused };
  await withAudit(deps, principal, async (trx, record) => {
    for (const row of good) {
      const before = await reportFiguresRepository.find(trx, row.agencyId, row.year);
      const stored = (before?.proactive as ProactiveFigures | undefined) ?? zeroFigures;
      const after: ProactiveFigures = {
        ...stored,
        ...row.values,
        regulations: stored.regulations,
        normativeDocuments: stored.normativeDocuments,
      };
      await reportFiguresRepository.upsert(trx, row.agencyId, row.year, after, deps.clock().toISOString());
      record({
        action: 'report.figures-set',
        entityType: 'report',
        entityId: `${row.agencyId}/${row.year}`,
        agencyId: row.agencyId,
        before: before?.proactive ?? null,
        after,
      });
    }
  });
  return { dryRun: false, accepted, refused };
}
