import type { Agency } from '../../core/agency.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import type { Executor } from '../../storage/executor.js';
import { usersRepository, type StoredUser } from '../../storage/users-repository.js';
import { errors } from '../platform/errors.js';
import { accessPolicy } from '../policies/access.js';
import type { Principal } from './principal.js';

/** An account looked up by id or username, with the agency tree the access checks used. */
export interface FoundUser {
  user: StoredUser;
  tree: Agency[];
}

/**
 * Finds an account the principal may see (by id, then username); an account outside their subtrees is "not
 * found", as if it did not exist.
 */
export async function findVisibleUser(db: Executor, principal: Principal, ref: string): Promise<FoundUser> {
  const user = (await usersRepository.findById(db, ref)) ?? (await usersRepository.findByUsername(db, ref));
  const tree = await agenciesRepository.listAll(db);
  if (!user || !accessPolicy.canSeeUser(principal, tree, user.grants)) throw errors.userNotFound(ref);
  return { user, tree };
}

/**
 * Finds an account the principal may manage as a whole; 404 when they may not see it, 403 when they see it but
 * it holds roles outside their administration. `notSelf` refuses changes to one's own account (an administrator
 * does not widen or switch off their own access; another one, or the operator, does).
 */
export async function findManagedUser(
  db: Executor,
  principal: Principal,
  ref: string,
  options: { notSelf?: boolean } = {},
): Promise<FoundUser> {
  const found = await findVisibleUser(db, principal, ref);
  if (options.notSelf && principal.kind === 'staff' && principal.userId === found.user.id)
    throw errors.notOnOwnAccount();
  if (!accessPolicy.canManageUser(principal, found.tree, found.user.grants)) throw errors.forbidden();
  return found;
}
