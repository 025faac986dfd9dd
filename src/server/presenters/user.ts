import type { UserView } from '../../services/accounts/user-view.js';
import type { UserReply } from '../schemas/agencies.js';

/** A staff account: never a password hash, failure counters or sessions. */
export function presentUser(user: UserView): UserReply {
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
