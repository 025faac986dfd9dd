import { tokensRepository } from '../../storage/tokens-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from './principal.js';
import { tokenView, type TokenRevokedReason, type TokenView } from './token-view.js';
import { homeAgencyOf } from './user-view.js';

/**
 * Revokes a token: its owner may; so may an administrator who manages the owner's account (every role of it in
 * their subtrees), and the operator. Others are told it does not exist. Revoking a revoked token changes nothing.
 */
export async function revokeToken(deps: PlatformDeps, principal: Principal, id: string): Promise<TokenView> {
  return withAudit(deps, principal, async (trx, record) => {
    const before = await tokensRepository.findById(trx, id);
    if (!before) throw errors.tokenNotFound(id);
    const owner = await usersRepository.findById(trx, before.user_id);
    let reason: TokenRevokedReason;
    if (principal.kind === 'operator') reason = 'operator';
    else if (before.user_id === principal.userId) reason = 'owner';
    else {
      const tree = await agenciesRepository.listAll(trx);
      const grants = owner?.grants ?? [];
      if (!accessPolicy.canSeeUser(principal, tree, grants)) throw errors.tokenNotFound(id);
      if (!accessPolicy.canManageUser(principal, tree, grants)) throw errors.forbidden();
      reason = 'administrator';
    }
    if (before.revoked_at !== null) return tokenView(before);
    const at = deps.clock().toISOString();
    await tokensRepository.revoke(trx, id, at, reason);
    const after = { ...before, revoked_at: at, revoked_reason: reason };
    record({
      action: 'token.revoke',
      entityType: 'token',
      entityId: id,
      agencyId: owner ? homeAgencyOf(owner) : null,
      before: tokenView(before),
      after: tokenView(after),
    });
    return tokenView(after);
  });
}
