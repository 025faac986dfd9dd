/** What the agency and account routes send (OpenAPI response schemas; the presenters return these types). */
import { z } from 'zod';
import { agencyKinds, agencySettingsSchema } from '../../core/agency.js';

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

// Accounts and tokens are described beside their presenters (src/server/presenters/user.ts, token.ts).
export { grantReply, userReply } from '../presenters/user.js';
export { tokenReply } from '../presenters/token.js';
import type { userReply } from '../presenters/user.js';
export type UserReply = z.output<typeof userReply>;
