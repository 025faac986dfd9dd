import { z } from 'zod';
import { roles } from '../../core/roles.js';

/** One role on one agency (id or code) and its subtree, as people and integrations send it. */
export const grantInput = z
  .object({ role: z.enum(roles), agency: z.string().trim().min(1).max(64) })
  .strict();
export type GrantInput = z.input<typeof grantInput>;
