import { agenciesRepository } from '../../storage/agencies-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import type { PlatformDeps } from '../platform/platform.js';
import { inScope, readUserRoles, scopeOf } from '../policies/access.js';
import type { Principal } from './principal.js';
import { userView, type UserView } from './user-view.js';

/** Staff accounts with at least one grant inside the subtrees where the principal is admin or supervisor. */
export async function listUsers(deps: PlatformDeps, principal: Principal): Promise<UserView[]> {
  const tree = await agenciesRepository.listAll(deps.db);
  const scope = scopeOf(principal, tree, readUserRoles);
  const users = await usersRepository.listAll(deps.db);
  return users
    .filter((user) => scope === 'all' || user.grants.some((g) => inScope(scope, g.agencyId)))
    .map(userView);
}
