import { tokensRepository } from '../../storage/tokens-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from './principal.js';
import { tokenView, type TokenView } from './token-view.js';
import { homeAgencyOf } from './user-view.js';

/** Revokes one of the principal's own tokens (the operator may revoke any). */
export async function revokeToken(deps: PlatformDeps, principal: Principal, id: string): Promise<TokenView> {
  return withAudit(deps, principal, async (trx, record) => {
    const before = await tokensRepository.findById(trx, id);
    if (!before || (principal.kind === 'staff' && before.user_id !== principal.userId))
      throw errors.tokenNotFound(id);
    const at = deps.clock().toISOString();
    if (before.revoked_at === null) await tokensRepository.revoke(trx, id, at);
    const after = { ...before, revoked_at: before.revoked_at ?? at };
    const owner = await usersRepository.findById(trx, before.user_id);
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
