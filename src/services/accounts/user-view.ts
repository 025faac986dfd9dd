import type { RoleGrant } from '../../core/roles.js';
import type { StoredUser } from '../../storage/users-repository.js';

/** A staff account without its secrets: what use cases return and the audit trail records. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  grants: RoleGrant[];
  lockedUntil: string | null;
  disabledAt: string | null;
  createdAt: string;
}

export function userView(user: StoredUser): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: user.grants,
    lockedUntil: user.lockedUntil,
    disabledAt: user.disabledAt,
    createdAt: user.createdAt,
  };
}

/** The agency an account's audit entries are filed under: that of its first grant. */
export function homeAgencyOf(user: { grants: RoleGrant[] }): string | null {
  return user.grants[0]?.agencyId ?? null;
}
