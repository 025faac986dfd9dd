import { agenciesRepository } from '../../storage/agencies-repository.js';
import { decodeCursor, keysetPage, type KeysetOrder } from '../../storage/keyset.js';
import { usersRepository } from '../../storage/users-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readUserRoles, scopeOf } from '../policies/access.js';
import type { Principal } from './principal.js';
import { userView, type UserView } from './user-view.js';

const userOrder: KeysetOrder = { name: 'users', columns: ['users.username'], direction: 'asc' };

/** A page of accounts and the cursor of the next one (null on the last page). */
export interface UserPage {
  users: UserView[];
  nextCursor: string | null;
}

/** One page of listUsers, by username: `limit` (1–1000, default 100) after the account `cursor` names. */
export async function listUsersPage(
  deps: PlatformDeps,
  principal: Principal,
  options: { cursor?: string; limit?: number } = {},
): Promise<UserPage> {
  const limit = Number.isInteger(options.limit) ? Math.min(Math.max(options.limit!, 1), 1000) : 100;
  const after = options.cursor ? String(decodeCursor(userOrder, options.cursor)[0]) : undefined;
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readUserRoles);
  const rows = await usersRepository.listPage(deps.db, {
    agencyIds: scope === 'all' ? undefined : tree.filter((a) => inScope(scope, a.id)).map((a) => a.id),
    after,
    limit,
  });
  const page = keysetPage(rows, limit, userOrder, (user) => [user.username]);
  return { users: page.items.map(userView), nextCursor: page.nextCursor };
}

/** Staff accounts with at least one grant inside the subtrees where the principal is admin or supervisor. */
export async function listUsers(deps: PlatformDeps, principal: Principal): Promise<UserView[]> {
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readUserRoles);
  const users = await usersRepository.listAll(deps.db);
  return users
    .filter((user) => scope === 'all' || user.grants.some((g) => inScope(scope, g.agencyId)))
    .map(userView);
}
