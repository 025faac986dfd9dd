import type { PlatformDeps } from '../platform/platform.js';
import { findVisibleUser } from './managed-user.js';
import type { Principal } from './principal.js';
import { userView, type UserView } from './user-view.js';

/** One account (by id or username) the principal may see, with its grants and who made them. */
export async function getUser(deps: PlatformDeps, principal: Principal, ref: string): Promise<UserView> {
  return userView((await findVisibleUser(deps.db, principal, ref)).user);
}
