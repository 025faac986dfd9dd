import type { TokenView } from '../../services/accounts/token-view.js';

/** An API token's metadata (the secret is only in the creation response). */
export function presentToken(token: TokenView) {
  return { id: token.id, name: token.name, createdAt: token.createdAt, revokedAt: token.revokedAt };
}
