import { z } from 'zod';
import { tokenIsActive, type TokenView } from '../../services/accounts/token-view.js';

const time = z.string().describe('ISO 8601 UTC');

/** An API token's metadata (the secret is only in the creation response). */
export const tokenReply = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  createdAt: time,
  expiresAt: time.nullable(),
  /** Whether it answers now (not revoked, not expired). */
  active: z.boolean(),
  lastUsedAt: time.nullable(),
  lastUsedFrom: z.string().nullable().describe('api 203.0.113.5'),
  revokedAt: time.nullable(),
  revokedReason: z
    .enum(['owner', 'administrator', 'operator', 'password-changed', 'roles-changed', 'account-disabled'])
    .nullable(),
});

export const createdTokenReply = tokenReply.extend({
  token: z.string().describe('gk_…：只在此响应中出现一次 / shown in this response only'),
});

export function presentToken(token: TokenView, now: Date): z.infer<typeof tokenReply> {
  return {
    id: token.id,
    userId: token.userId,
    name: token.name,
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    active: tokenIsActive(token, now),
    lastUsedAt: token.lastUsedAt,
    lastUsedFrom: token.lastUsedFrom,
    revokedAt: token.revokedAt,
    revokedReason: token.revokedReason,
  };
}
