import { subtreeIds, type Agency } from '../../core/agency.js';
import type { Role } from '../../core/roles.js';
import type { Principal } from '../accounts/principal.js';

/**
 * Who may do what. A role granted on an agency applies to that agency and everything below it; the command-line
 * operator (who already holds the database) may do everything.
 */
export type Scope = 'all' | Set<string>;

type Tree = readonly Pick<Agency, 'id' | 'parentId'>[];

/** The agencies where `principal` holds one of `anyOf` (all roles when omitted). */
export function scopeOf(principal: Principal, tree: Tree, anyOf?: readonly Role[]): Scope {
  if (principal.kind === 'operator') return 'all';
  const result = new Set<string>();
  for (const grant of principal.grants) {
    if (anyOf && !anyOf.includes(grant.role)) continue;
    for (const id of subtreeIds(tree, grant.agencyId)) result.add(id);
  }
  return result;
}

export function inScope(scope: Scope, agencyId: string | null): boolean {
  if (scope === 'all') return true;
  return agencyId !== null && scope.has(agencyId);
}

/** Every role may read the agencies of its subtree (the 指南 details are public information anyway). */
export const readAgencyRoles: readonly Role[] = [
  'admin',
  'registrar',
  'reviewer',
  'approver',
  'supervisor',
  'auditor',
];
/** Only administrators change the agency tree and its settings. */
export const manageAgencyRoles: readonly Role[] = ['admin'];
/** Administrators and supervising agencies (主管部门) see the staff of their subtree. */
export const readUserRoles: readonly Role[] = ['admin', 'supervisor'];
/** Only administrators create staff accounts, and only with grants inside their own subtree. */
export const manageUserRoles: readonly Role[] = ['admin'];
/** Administrators and auditors (审计) read the audit trail of their subtree. */
export const readAuditRoles: readonly Role[] = ['admin', 'auditor'];

/**
 * Applications hold personal data (条例第十五条): read by the staff who handle, review, approve, supervise or audit
 * them; administrators manage accounts and agencies, not cases.
 */
export const readApplicationRoles: readonly Role[] = [
  'registrar',
  'reviewer',
  'approver',
  'supervisor',
  'auditor',
];
/** Registering applications and recording their events, appeals and report figures. */
export const handleApplicationRoles: readonly Role[] = ['registrar', 'reviewer', 'approver'];
/** 条例第三十三条第二款: an extension needs the consent of the disclosure office's 负责人. */
export const approveExtensionRoles: readonly Role[] = ['approver'];
/** The compiled report holds counts and case ids, no personal data: every role of the subtree may compile it. */
export const compileReportRoles: readonly Role[] = readAgencyRoles;
/** Every role may read the answer templates of its subtree (they become public letters). */
export const readAnswerTemplateRoles: readonly Role[] = readAgencyRoles;
/** Administrators edit answer templates; the wording of official letters is the agency's, not one clerk's. */
export const manageAnswerTemplateRoles: readonly Role[] = ['admin'];

export const accessPolicy = {
  /** Checking the whole chain reveals only counts and hashes: any administrator or auditor may. */
  canVerifyAudit: (p: Principal) =>
    p.kind === 'operator' || p.grants.some((g) => readAuditRoles.includes(g.role)),
  canReadAgency: (p: Principal, tree: Tree, agencyId: string) =>
    inScope(scopeOf(p, tree, readAgencyRoles), agencyId),
  /** Creating a top-level agency (parent null) is for the operator only. */
  canCreateAgency: (p: Principal, tree: Tree, parentId: string | null) =>
    p.kind === 'operator' || (parentId !== null && inScope(scopeOf(p, tree, manageAgencyRoles), parentId)),
  /** Editing needs admin rights on the agency; moving it also needs them on the new parent (root: operator only). */
  canUpdateAgency: (
    p: Principal,
    tree: Tree,
    agencyId: string,
    move: { from: string | null; to: string | null },
  ) => {
    const scope = scopeOf(p, tree, manageAgencyRoles);
    if (!inScope(scope, agencyId)) return false;
    if (move.from === move.to) return true;
    return move.to === null ? p.kind === 'operator' : inScope(scope, move.to);
  },
  canReadAnswerTemplates: (p: Principal, tree: Tree, agencyId: string) =>
    inScope(scopeOf(p, tree, readAnswerTemplateRoles), agencyId),
  canEditAnswerTemplates: (p: Principal, tree: Tree, agencyId: string) =>
    inScope(scopeOf(p, tree, manageAnswerTemplateRoles), agencyId),
  canCreateUserWithGrants: (p: Principal, tree: Tree, agencyIds: string[]) => {
    const scope = scopeOf(p, tree, manageUserRoles);
    return agencyIds.length > 0 ? agencyIds.every((id) => inScope(scope, id)) : p.kind === 'operator';
  },
  /** Seeing an account: one of its grants lies in a subtree where the principal is admin or supervisor. */
  canSeeUser: (p: Principal, tree: Tree, grants: readonly { agencyId: string }[]) => {
    const scope = scopeOf(p, tree, readUserRoles);
    return scope === 'all' || grants.some((g) => inScope(scope, g.agencyId));
  },
  /**
   * Managing an account as a whole (disable, enable, add a role, revoke its tokens): every one of its grants lies
   * where the principal is admin, so an administrator below cannot switch off an account of the agency above.
   */
  canManageUser: (p: Principal, tree: Tree, grants: readonly { agencyId: string }[]) => {
    const scope = scopeOf(p, tree, manageUserRoles);
    return grants.length > 0 ? grants.every((g) => inScope(scope, g.agencyId)) : p.kind === 'operator';
  },
  /** Removing one grant needs admin rights only where that grant lies: taking access away is always safe. */
  canRemoveGrant: (p: Principal, tree: Tree, agencyId: string) =>
    inScope(scopeOf(p, tree, manageUserRoles), agencyId),
};

/** Supervising agencies (主管部门) and administrators check their agencies' annual reports in bulk. */
export const bulkReportCheckRoles: readonly Role[] = ['admin', 'supervisor'];

/** Whether a principal may use the batch report checker. */
export function canCheckReportsInBulk(p: Principal): boolean {
  return p.kind === 'operator' || p.grants.some((g) => bulkReportCheckRoles.includes(g.role));
}

/** 主动公开: every role of the subtree reads documents (supervisors and auditors read-only). */
export const readDocumentRoles: readonly Role[] = readAgencyRoles;
/** Authors draft, edit, submit, revise, link and record channels. */
export const authorDocumentRoles: readonly Role[] = ['registrar', 'reviewer', 'approver'];
/** Publishing an approved document (now or scheduled) is the author's office or its head. */
export const publishDocumentRoles: readonly Role[] = ['registrar', 'approver'];
/** Withdrawing a published item (撤回) is the head's decision. */
export const withdrawDocumentRoles: readonly Role[] = ['approver'];
/** Administrators set the review chain, 索引号 template, self-approval and 目录. */
export const managePublishingSettingsRoles: readonly Role[] = ['admin'];
