import { tokensRepository } from '../../storage/tokens-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from './principal.js';
import { tokenView, type TokenView } from './token-view.js';

/** The principal's own API tokens (never their secrets). */
export async function listTokens(
  deps: PlatformDeps,
  principal: Principal & { kind: 'staff' },
): Promise<TokenView[]> {
  return (await tokensRepository.listByUser(deps.db, principal.userId)).map(tokenView);
}
