import type { AuditEntry } from '../../core/audit.js';
import { limits } from '../../core/limits.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { auditRepository } from '../../storage/audit-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { readAuditRoles, scopeOf } from '../policies/access.js';
import type { Principal } from '../accounts/principal.js';

/** Audit entries after `afterSeq` that belong to agencies where the principal is admin or auditor. */
export async function listAudit(
  deps: PlatformDeps,
  principal: Principal,
  options: { afterSeq?: number; limit?: number } = {},
): Promise<AuditEntry[]> {
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readAuditRoles);
  const limit = Math.min(Math.max(options.limit ?? 100, 1), limits.auditPageMax);
  return auditRepository.list(deps.db, {
    afterSeq: options.afterSeq ?? 0,
    limit,
    agencyIds: scope === 'all' ? undefined : [...scope],
  });
}
