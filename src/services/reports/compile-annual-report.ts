import type { Agency } from '../../core/agency.js';
import { compileTables, type AppealFacts, type CaseFacts } from '../../core/applications/compile-report.js';
import { cellName, listCells } from '../../core/report/cells.js';
import { DomainError } from '../../core/errors.js';
import { checkReport } from '../../core/report/check.js';
import type { Finding } from '../../core/report/findings.js';
import { REPORT_SCHEMA_ID, type AnnualReport } from '../../core/report/model.js';
import { TOTAL_COLUMN } from '../../core/report/template.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { appealsRepository } from '../../storage/appeals-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import type { Executor } from '../../storage/executor.js';
import { reportFiguresRepository } from '../../storage/report-figures-repository.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { PlatformDeps } from '../platform/platform.js';
import { compileReportRoles, inScope, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';
import {
  checkReportYear,
  proactiveSection,
  sumFigures,
  zeroFigures,
  type ProactiveFigures,
} from './set-report-figures.js';

export interface CompileAnnualReportQuery {
  /** Agency id or code. */
  agency: string;
  year: number;
  /** The combined report of the agency and every agency below it (a supervisor's view). */
  subtree?: boolean;
}

/** A report compiled from the records, the checker's findings on it, and the cases behind every cell. */
export interface CompiledAnnualReport {
  report: AnnualReport;
  findings: Finding[];
  /** Cell path → tracking numbers (appeal cells: `TRACKING-NUMBER/appeal-id`); empty cells are absent. */
  explain: Record<string, string[]>;
  agencies: Pick<Agency, 'id' | 'code' | 'name'>[];
  /** Whether table 二 figures were entered for every agency counted (missing ones count as zero). */
  proactiveEntered: boolean;
  /** For how many of the agencies table 二 figures were entered. */
  proactiveEnteredCount: number;
  caseCount: number;
  /** Appeals filed in the year against the agencies' answers. */
  appealCount: number;
}

/** Collects the case facts of the agencies for `year`, and the appeals filed in it (named by tracking number). */
export async function loadCaseFacts(
  db: Executor,
  agencyIds: string[],
  year: number,
): Promise<{ facts: CaseFacts[]; appeals: AppealFacts[] }> {
  // The rows are CaseFacts already (id = tracking number), so every cell explains itself in tracking numbers.
  const facts: CaseFacts[] = await applicationsRepository.reportFacts(db, agencyIds, year);
  const filed = await appealsRepository.listFiled(db, agencyIds, `${year}-01-01`, `${year}-12-31`);
  const ids = [...new Set(filed.map((a) => a.applicationId))];
  const tracking = new Map(
    (await applicationsRepository.factsByIds(db, ids)).map((r) => [r.id, r.trackingNumber]),
  );
  const appeals: AppealFacts[] = filed.map((a) => ({
    id: `${tracking.get(a.applicationId)}/${a.id}`,
    kind: a.kind,
    filedOn: a.filedOn,
    result: a.result,
    decidedOn: a.decidedOn,
  }));
  return { facts, appeals };
}

/**
 * Compiles the annual report of an agency (or its subtree) from its records: tables 三 and 四 counted from the
 * cases (compile-report.ts, balanced by construction), table 二 from the figures staff entered, then checked.
 */
export async function compileAnnualReport(
  deps: PlatformDeps,
  principal: Principal,
  query: CompileAnnualReportQuery,
): Promise<CompiledAnnualReport> {
  const year = checkReportYear(query.year);
  const agency = await findAgencyByRef(deps.db, query.agency);
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, compileReportRoles);
  if (!inScope(scope, agency.id)) throw errors.agencyNotFound(query.agency);
  const included = query.subtree ? subtree(tree, agency.id) : [agency];
  return compileFromRecords(deps.db, {
    agencyName: query.subtree ? `${agency.name}（含下级机关）` : agency.name,
    agencies: included,
    year,
  });
}

/**
 * Compiles the report of the given agencies from their records, with no access check: callers have checked
 * the principal's scope (`compileAnnualReport`, the subtree overview).
 */
export async function compileFromRecords(
  db: Executor,
  input: { agencyName: string; agencies: readonly Agency[]; year: number },
): Promise<CompiledAnnualReport> {
  const { year } = input;
  const ids = input.agencies.map((a) => a.id);
  const { facts, appeals } = await loadCaseFacts(db, ids, year);
  const tables = compileTables(facts, { year, appeals });
  const stored: ProactiveFigures[] = [];
  for (const id of ids) {
    const found = await reportFiguresRepository.find(db, id, year);
    if (found) stored.push(found.proactive as ProactiveFigures);
  }
  const figures = stored.length === 0 ? zeroFigures : sumFigures(stored);
  const report: AnnualReport = {
    schema: REPORT_SCHEMA_ID,
    agency: input.agencyName,
    year,
    template: '2021',
    proactive: proactiveSection(figures),
    applications: tables.applications,
    appeals: tables.appeals,
  };
  return {
    report,
    findings: checkReport(report),
    explain: tables.explain,
    agencies: input.agencies.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    proactiveEntered: stored.length === ids.length,
    proactiveEnteredCount: stored.length,
    caseCount: facts.length,
    appealCount: appeals.length,
  };
}

/**
 * The cases counted in one cell of tables 三 and 四: `applications.disclosed[0]`, `applications.disclosed` (its 总计),
 * `appeals.reconsideration.upheld`. An unknown path is VALIDATION_FAILED.
 */
export function explainCell(
  compiled: Pick<CompiledAnnualReport, 'explain' | 'report'>,
  path: string,
  lang: 'zh' | 'en' = 'zh',
): { path: string; name: string; value: number; cases: string[] } {
  const normal = path.startsWith('applications.') && !path.endsWith(']') ? `${path}[${TOTAL_COLUMN}]` : path;
  const cell = listCells(compiled.report).find((c) => c.path === normal && !c.path.startsWith('proactive.'));
  if (!cell) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `不是表三或表四的单元格：${path}（例如 applications.disclosed[0]、appeals.reconsideration.total）`,
      `not a cell of table 三 or 四: ${path} (e.g. applications.disclosed[0], appeals.reconsideration.total)`,
    );
  }
  return {
    path: normal,
    name: cellName(normal, lang),
    value: cell.value ?? 0,
    cases: compiled.explain[normal] ?? [],
  };
}

/** The agency and every agency below it, the root first. */
export function subtree(tree: readonly Agency[], rootId: string): Agency[] {
  const children = new Map<string, Agency[]>();
  for (const a of tree) if (a.parentId) children.set(a.parentId, [...(children.get(a.parentId) ?? []), a]);
  const out: Agency[] = [];
  const stack = [tree.find((a) => a.id === rootId)!];
  while (stack.length > 0) {
    const a = stack.pop()!;
    out.push(a);
    stack.push(...(children.get(a.id) ?? []));
  }
  return out;
}
