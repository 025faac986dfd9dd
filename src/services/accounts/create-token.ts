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

export const createTokenInput = z
  .object({
    name: z.string().trim().min(1).max(limits.nameMaxLength),
    /** Whose token: staff create tokens for themselves; the command-line operator names the user. */
    username: z.string().min(1).optional(),
  })
  .strict();

/** Prefix that makes leaked tokens easy to recognise (secret scanners, logs). */
export const tokenPrefix = 'gk_';

/** Creates an API token acting as its user; the token text is returned once and only its hash is stored. */
export async function createToken(
  deps: PlatformDeps,
  principal: Principal,
  raw: z.input<typeof createTokenInput>,
): Promise<{ token: string; record: TokenView }> {
  const input = validate(createTokenInput, raw);
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
    const row = {
      id: randomUUID(),
      user_id: user.id,
      name: input.name,
      token_hash: hashSecret(token),
      created_at: deps.clock().toISOString(),
      revoked_at: null,
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
