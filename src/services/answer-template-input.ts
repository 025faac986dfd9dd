import { z } from 'zod';
import { templateLimits } from '../core/answers/templates.js';

/** A new version of a template. `expectedVersion` (the version the editor started from) guards lost updates. */
export const updateAnswerTemplateInput = z
  .object({
    title: z.string().max(templateLimits.titleMaxLength).nullable().optional(),
    body: z.string().max(templateLimits.bodyMaxLength),
    expectedVersion: z.number().int().min(0).optional(),
  })
  .strict();
export type UpdateAnswerTemplateInput = z.input<typeof updateAnswerTemplateInput>;
