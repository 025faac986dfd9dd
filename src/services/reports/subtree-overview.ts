/**
 * A supervisor's view of the reports below it for one year: one row per agency of the subtree with its report
 * compiled from its own records, the checker's findings and where its publication stands against the
 * 31 January deadline (条例第五十条). The supervisor workbook (XLSX) and the API list the same rows.
 */
import type { Agency } from '../../core/agency.js';
import { publicationState, type PublicationState } from '../../core/report/deadline.js';
import type { Finding } from '../../core/report/findings.js';
import type { AnnualReport } from '../../core/report/model.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { reportPublicationsRepository } from '../../storage/report-publications-repository.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import type { Principal } from '../accounts/principal.js';
import { beijingDate } from '../applications/case-calendar.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { compileReportRoles, inScope, scopeOf } from '../policies/access.js';
import { compileFromRecords, subtree } from './compile-annual-report.js';
import { checkReportYear } from './set-report-figures.js';

/** One agency's line in the overview. */
export interface AgencyReportRow {
  agency: { id: string; code: string; name: string; parentId: string | null; parentName: string | null };
  report: AnnualReport;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  caseCount: number;
  proactiveEntered: boolean;
  publication: PublicationState;
}

export interface SubtreeOverview {
  root: { id: string; code: string; name: string };
  year: number;
  rows: AgencyReportRow[];
}

/** The rows of the agency and everything below it that the principal may compile, the root first. */
export async function subtreeOverview(
  deps: PlatformDeps,
  principal: Principal,
  query: { agency: string; year: number },
): Promise<SubtreeOverview> {
  const year = checkReportYear(query.year);
  const root = await findAgencyByRef(deps.db, query.agency);
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, compileReportRoles);
  if (!inScope(scope, root.id)) throw errors.agencyNotFound(query.agency);
  const byId = new Map(tree.map((a) => [a.id, a]));
  const agencies = subtree(tree, root.id).sort(byTreeOrder(byId));
  const published = await reportPublicationsRepository.publishedOn(
    deps.db,
    agencies.map((a) => a.id),
    year,
  );
  const today = beijingDate(deps.clock());
  const rows: AgencyReportRow[] = [];
  for (const agency of agencies) {
    const compiled = await compileFromRecords(deps.db, { agencyName: agency.name, agencies: [agency], year });
    const parent = agency.parentId === null ? undefined : byId.get(agency.parentId);
    rows.push({
      agency: {
        id: agency.id,
        code: agency.code,
        name: agency.name,
        parentId: agency.parentId,
        parentName: parent?.name ?? null,
      },
      report: compiled.report,
      findings: compiled.findings,
      errorCount: compiled.findings.filter((f) => f.severity === 'error').length,
      warningCount: compiled.findings.filter((f) => f.severity === 'warning').length,
      caseCount: compiled.caseCount,
      proactiveEntered: compiled.proactiveEntered,
      publication: publicationState(year, published.get(agency.id) ?? null, today),
    });
  }
  return { root: { id: root.id, code: root.code, name: root.name }, year, rows };
}

/** Depth-first order: the root, then each child followed by its own subtree, children by name. */
function byTreeOrder(byId: Map<string, Agency>): (a: Agency, b: Agency) => number {
  const path = (a: Agency): string[] => {
    const out: string[] = [];
    for (let at: Agency | undefined = a; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      out.unshift(at.name);
    }
    return out;
  };
  const cache = new Map<string, string[]>();
  const key = (a: Agency) => cache.get(a.id) ?? (cache.set(a.id, path(a)), cache.get(a.id)!);
  return (a, b) => {
    const pa = key(a);
    const pb = key(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
      const c = pa[i]!.localeCompare(pb[i]!, 'zh-CN');
      if (c !== 0) return c;
    }
    return pa.length - pb.length;
  };
}
