import type { z } from 'zod';
import type { TokenView } from '../../services/accounts/token-view.js';
import type { tokenReply } from '../schemas/agencies.js';

/** An API token's metadata (the secret is only in the creation response). */
export function presentToken(token: TokenView): z.output<typeof tokenReply> {
  return { id: token.id, name: token.name, createdAt: token.createdAt, revokedAt: token.revokedAt };
}
