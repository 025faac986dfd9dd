import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { limits } from '../../core/limits.js';
import type { RoleGrant } from '../../core/roles.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { isUniqueViolation } from '../../storage/constraint-errors.js';
import { usersRepository } from '../../storage/users-repository.js';
import { withAudit } from '../audit/audit-trail.js';
import { errors } from '../platform/errors.js';
import { findAgencyByRef } from '../agencies/find-agency.js';
import { hashPassword, randomSecret } from './passwords.js';
import type { PlatformDeps } from '../platform/platform.js';
import { accessPolicy } from '../policies/access.js';
import { auditActorOf, type Principal } from './principal.js';
import { homeAgencyOf, userView, type UserView } from './user-view.js';
import { validate } from '../platform/validate.js';
import { grantInput } from './grant-input.js';

export const passwordSchema = z.string().min(limits.passwordMinLength).max(limits.passwordMaxLength);

export const createUserInput = z
  .object({
    username: z
      .string()
      .regex(/^[a-zA-Z0-9._-]+$/)
      .min(2)
      .max(limits.usernameMaxLength),
    displayName: z.string().trim().min(1).max(limits.nameMaxLength),
    /** Omitted: a random password is generated and returned once. */
    password: passwordSchema.optional(),
    /** Roles, each on an agency (id or code) and its subtree. */
    grants: z.array(grantInput).min(1).max(50),
  })
  .strict();
export type CreateUserInput = z.input<typeof createUserInput>;

export interface CreatedUser {
  user: UserView;
  /** Set only when the password was generated: show it once, it is not stored. */
  generatedPassword: string | null;
}

/** Creates a staff account; an administrator may grant roles only inside the subtrees they administer. */
export async function createUser(
  deps: PlatformDeps,
  principal: Principal,
  raw: CreateUserInput,
): Promise<CreatedUser> {
  const input = validate(createUserInput, raw);
  const generatedPassword = input.password === undefined ? randomSecret(15) : null;
  const passwordHash = await hashPassword(input.password ?? (generatedPassword as string), deps.scryptLog2N);
  const user = await withAudit(deps, principal, async (trx, record) => {
    const tree = await agenciesRepository.listAll(trx);
    const grants: RoleGrant[] = [];
    for (const grant of input.grants) {
      grants.push({ role: grant.role, agencyId: (await findAgencyByRef(trx, grant.agency)).id });
    }
    const unique = grants.filter(
      (g, i) => grants.findIndex((o) => o.role === g.role && o.agencyId === g.agencyId) === i,
    );
    if (
      !accessPolicy.canCreateUserWithGrants(
        principal,
        tree,
        unique.map((g) => g.agencyId),
      )
    )
      throw errors.forbidden();
    if (await usersRepository.findByUsername(trx, input.username)) throw errors.usernameTaken(input.username);
    const now = deps.clock().toISOString();
    const actor = auditActorOf(principal);
    const stored = {
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      passwordHash,
      failedLoginCount: 0,
      failedLoginSince: null,
      lockedUntil: null,
      disabledAt: null,
      disabledReason: null,
      createdAt: now,
      createdBy: actor.label,
      createdByUserId: actor.userId,
      updatedAt: now,
      grants: unique.map((g) => ({
        ...g,
        grantedAt: now,
        grantedBy: actor.label,
        grantedByUserId: actor.userId,
      })),
    };
    await usersRepository.insert(trx, stored);
    const view = userView(stored);
    record({
      action: 'user.create',
      entityType: 'user',
      entityId: view.id,
      agencyId: homeAgencyOf(view),
      before: null,
      after: view,
    });
    return view;
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? errors.usernameTaken(input.username) : error;
  });
  return { user, generatedPassword };
}
