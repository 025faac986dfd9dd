import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { tokensRepository } from '../../storage/tokens-repository.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { randomSecret } from './passwords.js';
import type { PlatformDeps } from '../platform/platform.js';
import type { Principal } from './principal.js';
import { hashSecret } from './secret-hash.js';
import { tokenView, type TokenView } from './token-view.js';
import { homeAgencyOf } from './user-view.js';
import { validate } from '../platform/validate.js';
import { DomainError } from '../../core/errors.js';

export const createTokenInput = z
  .object({
    name: z.string().trim().min(1).max(limits.nameMaxLength),
    /** Whose token: staff create tokens for themselves; the command-line operator names the user. */
    username: z.string().min(1).max(limits.usernameMaxLength).optional(),
    /** Days until it stops working: at most, and by default, the configured lifetime (90 days unless set). */
    expiresInDays: z.number().int().min(1).max(limits.tokenExpiryMaxDays).optional(),
  })
  .strict();
export type CreateTokenInput = z.input<typeof createTokenInput>;

/** Prefix that makes leaked tokens easy to recognise (secret scanners, logs). */
export const tokenPrefix = 'gk_';

const DAY_MS = 86_400_000;

/**
 * Creates an API token acting as its user, expiring after `expiresInDays` (default and maximum: the configured
 * lifetime); the token text is returned once and only its hash is stored.
 */
export async function createToken(
  deps: PlatformDeps,
  principal: Principal,
  raw: CreateTokenInput,
): Promise<{ token: string; record: TokenView }> {
  const input = validate(createTokenInput, raw);
  const days = input.expiresInDays ?? deps.tokenExpiryDays;
  if (days > deps.tokenExpiryDays) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `访问令牌的有效期最长为 ${deps.tokenExpiryDays} 天`,
      `an API token may live at most ${deps.tokenExpiryDays} days`,
    );
  }
  const token = tokenPrefix + randomSecret();
  const record = await withAudit(deps, principal, async (trx, audit) => {
    let user;
    if (principal.kind === 'operator') {
      if (!input.username) throw errors.userNotFound('(none)');
      user = await usersRepository.findByUsername(trx, input.username);
    } else {
      if (input.username !== undefined && input.username !== principal.username) throw errors.forbidden();
      user = await usersRepository.findById(trx, principal.userId);
    }
    if (!user) throw errors.userNotFound(input.username ?? '');
    const now = deps.clock();
    const row = {
      id: randomUUID(),
      user_id: user.id,
      name: input.name,
      token_hash: hashSecret(token),
      created_at: now.toISOString(),
      revoked_at: null,
      expires_at: new Date(now.getTime() + days * DAY_MS).toISOString(),
      last_used_at: null,
      last_used_from: null,
      revoked_reason: null,
    };
    await tokensRepository.insert(trx, row);
    const view = tokenView(row);
    audit({
      action: 'token.create',
      entityType: 'token',
      entityId: view.id,
      agencyId: homeAgencyOf(user),
      before: null,
      after: view,
    });
    return view;
  });
  return { token, record };
}
