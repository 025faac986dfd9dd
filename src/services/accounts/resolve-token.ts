import { tokensRepository } from '../../storage/tokens-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from './principal.js';
import { hashSecret } from './secret-hash.js';
import { tokenPrefix } from './create-token.js';

/** The staff member an API token acts for, or null when it is unknown, revoked or its user disabled. */
export async function resolveToken(
  deps: PlatformDeps,
  token: string,
  ip: string,
): Promise<(Principal & { kind: 'staff' }) | null> {
  if (!token.startsWith(tokenPrefix)) return null;
  const row = await tokensRepository.findByHash(deps.db, hashSecret(token));
  if (!row || row.revoked_at !== null) return null;
  const user = await usersRepository.findById(deps.db, row.user_id);
  if (!user || user.disabledAt !== null) return null;
  return { kind: 'staff', userId: user.id, username: user.username, grants: user.grants, via: 'token', ip };
}
