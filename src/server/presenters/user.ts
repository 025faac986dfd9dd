import { z } from 'zod';
import { roles } from '../../core/roles.js';
import type { UserView } from '../../services/accounts/user-view.js';

const time = z.string().describe('ISO 8601 UTC');

/** One role of an account, with who granted it and when (null for grants older than that record). */
export const grantReply = z.object({
  role: z.enum(roles),
  agencyId: z.string(),
  grantedAt: time.nullable(),
  grantedBy: z
    .string()
    .nullable()
    .describe('用户名、cli:系统账户 或 system / username, cli:os-user or system'),
});

/** A staff account as the API shows it: never a password hash, failure counters or sessions. */
export const userReply = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(grantReply),
  disabled: z.boolean(),
  disabledAt: time.nullable(),
  disabledReason: z.string().nullable(),
  createdAt: time,
  createdBy: z.string().nullable(),
});

export function presentUser(user: UserView): z.infer<typeof userReply> {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    grants: user.grants.map((g) => ({
      role: g.role,
      agencyId: g.agencyId,
      grantedAt: g.grantedAt,
      grantedBy: g.grantedBy,
    })),
    disabled: user.disabledAt !== null,
    disabledAt: user.disabledAt,
    disabledReason: user.disabledReason,
    createdAt: user.createdAt,
    createdBy: user.createdBy,
  };
}

/** A role an administrator granted, as supervisors and auditors see it (GET /api/v1/supervision/admin-grants). */
export const adminGrantReply = z.object({
  username: z.string(),
  displayName: z.string(),
  userId: z.string(),
  role: z.enum(roles),
  agencyId: z.string(),
  agencyCode: z.string(),
  agencyName: z.string(),
  grantedAt: time.nullable(),
  grantedBy: z.string().nullable().describe('授予的管理员 / the administrator who granted it'),
  grantedByUserId: z.string(),
  readsPersonalData: z
    .boolean()
    .describe('可读办件及申请人个人信息 / reads cases and applicants’ personal data'),
  accountMadeByGranter: z
    .boolean()
    .describe('账户也由该管理员创建 / the same administrator created the account'),
  disabled: z.boolean(),
});
