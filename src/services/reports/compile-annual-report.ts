import type { Agency } from '../../core/agency.js';
import { compileTables, type AppealFacts, type CaseFacts } from '../../core/applications/compile-report.js';
import { cellName, listCells } from '../../core/report/cells.js';
import { DomainError } from '../../core/errors.js';
import { checkReport } from '../../core/report/check.js';
import type { Finding } from '../../core/report/findings.js';
import { REPORT_SCHEMA_ID, type AnnualReport } from '../../core/report/model.js';
import { SECTIONS, TOTAL_COLUMN } from '../../core/report/template.js';
import { art20ItemLabels, isArt20Item } from '../../core/publishing/genres.js';
import { channelLabels, type ChannelKind } from '../../core/publishing/record.js';
import { compileDocumentStock } from '../../core/publishing/report/document-stock.js';
import { draftSectionOne, type SectionOneFacts } from '../../core/publishing/report/section-one.js';
import { documentStockRepository } from '../../storage/publishing/document-stock-repository.js';
import { reportSectionsRepository } from '../../storage/report-sections-repository.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { appealsRepository } from '../../storage/appeals-repository.js';
import { applicationsRepository } from '../../storage/applications-repository.js';
import type { Executor } from '../../storage/executor.js';
import { reportFiguresRepository } from '../../storage/report-figures-repository.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
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
  /** 规章 and 行政规范性文件 of the registry counted in table 二 (its stock rows come from them). */
  stockDocumentCount: number;
  /** Whether last year's published report was found and checked against (a single agency's report only). */
  previousPublished: boolean;
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

/** The report an agency published for the year before, if any (its 结转下年度 is this year's 上年结转). */
export async function previousPublished(
  db: Executor,
  agencies: readonly Pick<Agency, 'id'>[],
  year: number,
): Promise<AnnualReport | undefined> {
  if (agencies.length !== 1) return undefined;
  const found = await reportPublicationsRepository.find(db, agencies[0]!.id, year - 1);
  return found?.status === 'published' ? found.report : undefined;
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
  const previous = await previousPublished(db, input.agencies, year);
  const { facts, appeals } = await loadCaseFacts(db, ids, year);
  const tables = compileTables(facts, { year, appeals });
  const stored: ProactiveFigures[] = [];
  for (const id of ids) {
    const found = await reportFiguresRepository.find(db, id, year);
    if (found) stored.push(found.proactive as ProactiveFigures);
  }
  const entered = stored.length === 0 ? zeroFigures : sumFigures(stored);
  // 规章 and 行政规范性文件 are counted from the registry (issue 13 item 5); the other figures stay entered.
  const stockFacts = await documentStockRepository.stockFacts(db, ids, year);
  const stock = compileDocumentStock(stockFacts, { year });
  const figures = {
    ...entered,
    regulations: stock.regulations,
    normativeDocuments: stock.normativeDocuments,
  };
  const proactive = proactiveSection(figures);
  const sectionOne = draftSectionOne({
    year,
    published: await publishedSummary(db, ids, year),
    report: { proactive, applications: tables.applications, appeals: tables.appeals },
  });
  // Staff text (一 over the draft, 五, 六) of the agency the report is for (the root, listed first).
  const written = ids[0] ? await reportSectionsRepository.list(db, ids[0], year) : new Map<string, string>();
  const report: AnnualReport = {
    schema: REPORT_SCHEMA_ID,
    agency: input.agencyName,
    year,
    template: '2021',
    proactive,
    applications: tables.applications,
    appeals: tables.appeals,
    sections: SECTIONS.map((section) => {
      const text = written.get(section.number) ?? (section.number === '一' ? sectionOne : undefined);
      return { number: section.number, title: section.title, ...(text !== undefined ? { text } : {}) };
    }),
  };
  return {
    report,
    // 上年结转 is checked against last year's published report (rules carry-over, stock-continuity).
    findings: checkReport(report, previous ? { previous } : {}),
    previousPublished: previous !== undefined,
    explain: { ...tables.explain, ...stock.explain },
    agencies: input.agencies.map((a) => ({ id: a.id, code: a.code, name: a.name })),
    proactiveEntered: stored.length === ids.length,
    proactiveEnteredCount: stored.length,
    caseCount: facts.length,
    appealCount: appeals.length,
    stockDocumentCount: stockFacts.length,
  };
}

/** The year's published items by 第二十条 item and by channel, named for people (section 一's draft). */
async function publishedSummary(
  db: Executor,
  ids: string[],
  year: number,
): Promise<SectionOneFacts['published']> {
  const byItem = await documentStockRepository.publishedByItem(db, ids, year);
  const byChannel = await documentStockRepository.publishedByChannel(db, ids, year);
  const total = byItem.reduce((sum, row) => sum + row.count, 0);
  if (total === 0 && byChannel.length === 0) return null;
  const label = (item: string) =>
    isArt20Item(item) ? art20ItemLabels[item].zh.replace(/^（[^）]*）/, '') : item;
  return {
    total,
    byCategory: byItem
      .sort((a, b) => b.count - a.count)
      .map((row) => ({ label: label(row.item), count: row.count })),
    byChannel: byChannel
      .sort((a, b) => b.count - a.count)
      .map((row) => ({
        label: channelLabels[row.channel as ChannelKind]?.zh ?? row.channel,
        count: row.count,
      })),
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
  // Table 二's counted rows explain themselves in documents; its entered figures have nothing behind them.
  const counted = /^proactive\.(?:regulations|normativeDocuments)\.(?:issued|repealed|inForce)$/.test(normal);
  const cell = listCells(compiled.report).find(
    (c) => c.path === normal && (counted || !c.path.startsWith('proactive.')),
  );
  if (!cell) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `不是由记录统计的单元格：${path}（例如 applications.disclosed[0]、appeals.reconsideration.total、proactive.normativeDocuments.inForce）`,
      `not a cell counted from the records: ${path} (e.g. applications.disclosed[0], appeals.reconsideration.total, proactive.normativeDocuments.inForce)`,
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
