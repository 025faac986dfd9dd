import type { UserView } from '../../services/accounts/user-view.js';

/** A staff account: never a password hash, failure counters or sessions. */
export function presentUser(user: UserView) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: user.grants,
    locked: user.lockedUntil !== null,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt,
  };
}
