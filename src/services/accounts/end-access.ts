import { sessionsRepository } from '../../storage/sessions-repository.js';
import { tokensRepository } from '../../storage/tokens-repository.js';
import type { Executor } from '../../storage/executor.js';
import type { TokenRevokedReason } from './token-view.js';

/** What ending a user's access did (recorded in the audit entry of the change that caused it). */
export interface AccessEnded {
  sessionsEnded: number;
  tokensRevoked: number;
}

/**
 * Ends a user's sessions and revokes their API tokens, inside the transaction of the change that is the reason:
 * access granted under the old password, the old roles or an enabled account must not outlive them. A user who
 * changes their own password keeps the session they did it from (`keepSessionIdHash`).
 */
export async function endAccessOf(
  trx: Executor,
  userId: string,
  reason: Extract<TokenRevokedReason, 'password-changed' | 'roles-changed' | 'account-disabled'>,
  at: string,
  keepSessionIdHash?: string,
): Promise<AccessEnded> {
  const sessionsEnded = await sessionsRepository.deleteOfUser(trx, userId, keepSessionIdHash);
  const tokensRevoked = await tokensRepository.revokeAllOfUser(trx, userId, at, reason);
  return { sessionsEnded, tokensRevoked };
}
