import type { RoleGrant } from '../../core/roles.js';
import type { StoredGrant, StoredUser } from '../../storage/users-repository.js';

/** A staff account without its secrets: what use cases return and the audit trail records. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  /** Each role with who granted it and when (null when made before that was recorded). */
  grants: StoredGrant[];
  disabledAt: string | null;
  disabledReason: string | null;
  createdAt: string;
  /** Who created the account (username, `cli:…`, `system`); null for accounts made before that was recorded. */
  createdBy: string | null;
}

export function userView(user: StoredUser): UserView {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: user.grants,
    disabledAt: user.disabledAt,
    disabledReason: user.disabledReason,
    createdAt: user.createdAt,
    createdBy: user.createdBy,
  };
}

/** The agency an account's audit entries are filed under: that of its first grant. */
export function homeAgencyOf(user: { grants: readonly RoleGrant[] }): string | null {
  return user.grants[0]?.agencyId ?? null;
}
