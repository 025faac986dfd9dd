import type { ApiTokenTable } from '../../storage/schema.js';

/** Why a token stopped working before its expiry. */
export type TokenRevokedReason =
  'owner' | 'administrator' | 'operator' | 'password-changed' | 'roles-changed' | 'account-disabled';

/** An API token without its secret. */
export interface TokenView {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  /** Null only for tokens of an older database that was never migrated (migration 20261202T1200 sets them). */
  expiresAt: string | null;
  lastUsedAt: string | null;
  /** `api 203.0.113.5`: the address of the last use. */
  lastUsedFrom: string | null;
  revokedAt: string | null;
  revokedReason: TokenRevokedReason | null;
}

export function tokenView(row: ApiTokenTable): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    lastUsedFrom: row.last_used_from,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason as TokenRevokedReason | null,
  };
}

/** Whether a token answers now: not revoked and not past its expiry. */
export function tokenIsActive(token: Pick<TokenView, 'revokedAt' | 'expiresAt'>, now: Date): boolean {
  return token.revokedAt === null && (token.expiresAt === null || now < new Date(token.expiresAt));
}
