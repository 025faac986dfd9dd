import { limits } from '../../core/limits.js';
import { tokensRepository } from '../../storage/tokens-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { staffPrincipal, type Principal } from './principal.js';
import { hashSecret } from './secret-hash.js';
import { tokenPrefix } from './create-token.js';
import { tokenIsActive, tokenView } from './token-view.js';

/**
 * The staff member an API token acts for, or null when it is unknown, revoked, expired or its user disabled.
 * Records the use (time and address) at most once a minute, so its owner and administrators see when it was last
 * used.
 */
export async function resolveToken(
  deps: PlatformDeps,
  token: string,
  ip: string,
): Promise<(Principal & { kind: 'staff' }) | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const row = await tokensRepository.findByHash(deps.db, hashSecret(token));
  const now = deps.clock();
  if (!row || !tokenIsActive(tokenView(row), now)) return null;
  const user = await usersRepository.findById(deps.db, row.user_id);
  if (!user || user.disabledAt !== null) return null;
  const from = `api ${ip}`;
  const last = row.last_used_at === null ? 0 : new Date(row.last_used_at).getTime();
  if (now.getTime() - last >= limits.tokenTouchIntervalMs || row.last_used_from !== from) {
    await tokensRepository.touch(deps.db, row.id, now.toISOString(), from);
  }
  return staffPrincipal(user, 'token', ip);
}
