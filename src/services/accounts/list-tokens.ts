import { tokensRepository } from '../../storage/tokens-repository.js';
import { errors } from '../platform/errors.js';
import type { PlatformDeps } from '../platform/platform.js';
import { findVisibleUser } from './managed-user.js';
import type { Principal } from './principal.js';
import { tokenView, type TokenView } from './token-view.js';

/**
 * API tokens (never their secrets), with expiry, last use and why they were revoked: the principal's own, or
 * those of an account `userRef` they may see (administrators and supervisors of its subtree; the operator).
 */
export async function listTokens(
  deps: PlatformDeps,
  principal: Principal,
  userRef?: string,
): Promise<TokenView[]> {
  let userId: string;
  if (userRef !== undefined) userId = (await findVisibleUser(deps.db, principal, userRef)).user.id;
  else if (principal.kind === 'staff') userId = principal.userId;
  else throw errors.userNotFound('(none)');
  return (await tokensRepository.listByUser(deps.db, userId)).map(tokenView);
}
