import { z } from 'zod';
import { templateLimits } from '../../core/answers/templates.js';
import { limits } from '../../core/limits.js';

/** A new version of a template. `expectedVersion` (the version the editor started from) guards lost updates. */
export const updateAnswerTemplateInput = z
  .object({
    title: z.string().max(templateLimits.titleMaxLength).nullable().optional(),
    body: z.string().max(templateLimits.bodyMaxLength),
    expectedVersion: z.number().int().min(0).optional(),
  })
  .strict();
export type UpdateAnswerTemplateInput = z.input<typeof updateAnswerTemplateInput>;

/** What staff may add when issuing a case's answer document (both optional, plain text). */
export const issueAnswerDocumentInput = z
  .object({
    /** Specifics and reasons (e.g. which parts were withheld and why, how to obtain the information). */
    details: z.string().max(limits.textMaxLength).optional(),
    /** 条例第三十六条第（五）项: the agency responsible for the information, with its contact details. */
    referralAgency: z.string().max(limits.nameMaxLength).optional(),
  })
  .strict();
export type IssueAnswerDocumentInput = z.input<typeof issueAnswerDocumentInput>;
