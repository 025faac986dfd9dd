/** What the agency and account routes send (OpenAPI response schemas; the presenters return these types). */
import { z } from 'zod';
import { agencyKinds, agencySettingsSchema } from '../../core/agency.js';
import { roles } from '../../core/roles.js';

const text = z.string().nullable();

export const agencyReply = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(agencyKinds),
  guide: z
    .object({
      officeName: text,
      address: text,
      officeHours: text,
      phone: text,
      fax: text,
      website: text,
      email: text,
    })
    .describe('政府信息公开指南事项（条例第十二条） / the 指南 details (Art. 12)'),
  settings: agencySettingsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AgencyReply = z.output<typeof agencyReply>;

export const grantReply = z.object({ role: z.enum(roles), agencyId: z.string() });

export const userReply = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(grantReply),
  locked: z.boolean(),
  disabled: z.boolean(),
  createdAt: z.string(),
});
export type UserReply = z.output<typeof userReply>;

export const tokenReply = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
