/** What the answer-document and answer-template routes send (OpenAPI response schemas). */
import { z } from 'zod';
import { answerTemplateKinds } from '../../core/answers/templates.js';
import { outcomeCode } from './applications.js';

export const answerDocumentReply = z.object({
  applicationId: z.string(),
  agencyId: z.string(),
  documentNumber: z.string().describe('文号'),
  year: z.number().int(),
  number: z.number().int(),
  outcome: outcomeCode,
  kind: z.enum(['answer', 'notice']).describe('答复书 (answer) 或告知书 (notice)'),
  title: z.string(),
  datedOn: z.string(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  content: z
    .object({
      letterhead: z.array(z.string()),
      title: z.string(),
      documentNumber: z.string(),
      salutation: z.string().nullable(),
      paragraphs: z.array(z.string()),
      remedies: z.array(z.string()),
      signature: z.array(z.string()),
    })
    .describe('出具时固定的文书文字，用于预览 / the text frozen at issue, for a preview'),
});

export const answerTemplateReply = z.object({
  kind: z.enum(answerTemplateKinds),
  title: z.string().nullable(),
  body: z.string(),
  version: z.number().int(),
  source: z.enum(['agency', 'inherited', 'default']),
  sourceAgencyId: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const answerTemplateVersionReply = z.object({
  version: z.number().int(),
  title: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const answerTemplateDetailReply = z.object({
  agencyId: z.string(),
  template: answerTemplateReply,
  placeholders: z.array(z.object({ name: z.string(), zh: z.string(), en: z.string() })),
  history: z.array(answerTemplateVersionReply),
});
