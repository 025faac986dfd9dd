import { z } from 'zod';
import { agencyKinds, agencySettingsSchema } from '../../core/agency.js';
import { limits } from '../../core/limits.js';
import { isWebUrl } from '../../core/input-rules.js';

const text = (max: number = limits.textMaxLength) => z.string().trim().max(max).nullable().optional();

/** The 指南 fields, as accepted from people and integrations. */
export const disclosureOfficeInput = {
  officeName: text(limits.nameMaxLength),
  address: text(),
  officeHours: text(),
  phone: text(limits.nameMaxLength),
  fax: text(limits.nameMaxLength),
  website: z
    .string()
    .trim()
    .max(limits.textMaxLength)
    .refine(
      isWebUrl,
      '网址应以 http:// 或 https:// 开头 / the website must be an http:// or https:// address',
    )
    .nullable()
    .optional(),
  email: z.string().trim().email().max(limits.nameMaxLength).nullable().optional(),
};

export const agencyCodeSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    '只能用小写字母、数字和连字符 / lowercase letters, digits and hyphens only',
  );

export const createAgencyInput = z
  .object({
    /** The parent agency's id or code; omitted or null for a top-level agency. */
    parent: z.string().min(1).nullable().optional(),
    code: agencyCodeSchema,
    name: z.string().trim().min(1).max(limits.nameMaxLength),
    kind: z.enum(agencyKinds),
    ...disclosureOfficeInput,
    settings: agencySettingsSchema.optional(),
  })
  .strict();
export type CreateAgencyInput = z.input<typeof createAgencyInput>;

export const updateAgencyInput = z
  .object({
    parent: z.string().min(1).nullable().optional(),
    name: z.string().trim().min(1).max(limits.nameMaxLength).optional(),
    kind: z.enum(agencyKinds).optional(),
    ...disclosureOfficeInput,
    settings: agencySettingsSchema.optional(),
  })
  .strict();
export type UpdateAgencyInput = z.input<typeof updateAgencyInput>;
