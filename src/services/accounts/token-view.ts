import type { ApiTokenTable } from '../../storage/schema.js';

/** An API token without its secret. */
export interface TokenView {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export function tokenView(row: ApiTokenTable): TokenView {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}
