import { z } from 'zod';
import { art20Items, genres } from '../../core/publishing/genres.js';
import {
  channelKinds,
  disclosureAttributes,
  disclosureScopes,
  linkKinds,
  validityStatuses,
} from '../../core/publishing/record.js';
import { checklistConcerns, referralAuthorities } from '../../core/publishing/events.js';
import { BODY_MAX_CHARS } from './body.js';

/** Dates are checked as real days by the core (a clear error naming the field), so only the length is bounded here. */
const date = z.string().max(20);

export const disclosureInput = z
  .object({
    attribute: z.enum(disclosureAttributes),
    reason: z.string().trim().max(2000).nullable().default(null),
    method: z.string().trim().min(1).max(100).default('政府网站'),
    scope: z.enum(disclosureScopes).default('public'),
  })
  .strict();

export const validityInput = z
  .object({
    status: z.enum(validityStatuses).default('notApplicable'),
    effectiveOn: date.nullable().default(null),
    expiresOn: date.nullable().default(null),
    repealedOn: date.nullable().default(null),
    changedBy: z
      .object({
        documentId: z.string().max(100).nullable().default(null),
        documentNumber: z.string().trim().max(100).nullable().default(null),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

/** The metadata an author gives; omitted fields take their defaults (发布机构: the agency; 形成日期: 成文日期). */
export const documentMetadataInput = z
  .object({
    title: z.string().trim().min(1).max(300),
    documentNumber: z.string().trim().max(100).nullable().default(null),
    issuer: z.string().trim().min(1).max(200).optional(),
    coIssuers: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    writtenOn: date.nullable().default(null),
    formedOn: date.optional(),
    subjectId: z.string().max(8),
    genre: z.enum(genres),
    category: z.string().trim().max(40).nullable().default(null),
    art20Item: z.enum(art20Items),
    catalogueNodeId: z.string().max(40).nullable().default(null),
    disclosure: disclosureInput,
    validity: validityInput.default({
      status: 'notApplicable',
      effectiveOn: null,
      expiresOn: null,
      repealedOn: null,
      changedBy: null,
    }),
    keywords: z.array(z.string().trim().max(40)).max(20).default([]),
    summary: z.string().trim().max(500).nullable().default(null),
    needsInterpretation: z.boolean().default(false),
  })
  .strict();
export type DocumentMetadataInput = z.input<typeof documentMetadataInput>;

export const createDocumentInput = z
  .object({
    agency: z.string().min(1).max(100),
    metadata: documentMetadataInput,
    /** The body as plain text (each line a paragraph). */
    body: z.string().max(BODY_MAX_CHARS).default(''),
  })
  .strict();
export type CreateDocumentInput = z.input<typeof createDocumentInput>;

/** A change to the working draft: the fields given replace the old ones (disclosure and validity as a whole). */
export const updateDocumentInput = z
  .object({
    /** The version being edited, as the editor last saw it. */
    version: z.number().int().min(1),
    metadata: documentMetadataInput.partial().strict().default({}),
    body: z.string().max(BODY_MAX_CHARS).optional(),
  })
  .strict();
export type UpdateDocumentInput = z.input<typeof updateDocumentInput>;

const concern = z.enum(['clear', 'concern', 'unsure']);
export const checklistInput = z
  .object({
    ...Object.fromEntries(checklistConcerns.map((c) => [c, concern])),
    needsInterpretation: z.boolean(),
  } as Record<(typeof checklistConcerns)[number], typeof concern> & { needsInterpretation: z.ZodBoolean })
  .strict();

/** The workflow actions on a document. */
export const documentActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('submit') }).strict(),
  z
    .object({
      type: z.literal('review'),
      /** 1-based step number, as people count. */
      step: z.number().int().min(1).max(6),
      decision: z.enum(['approve', 'return']),
      checklist: checklistInput,
      comment: z.string().trim().max(2000).default(''),
      /** A reviewer's reason to approve despite an attachment flagged by intake (recorded). */
      overrideReason: z.string().trim().min(1).max(2000).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('refer'),
      step: z.number().int().min(1).max(6),
      authority: z.enum(referralAuthorities),
      authorityName: z.string().trim().min(1).max(200),
      question: z.string().trim().min(1).max(2000),
    })
    .strict(),
  z
    .object({
      type: z.literal('answerReferral'),
      decision: z.enum(['mayPublish', 'mayNotPublish']),
      reference: z.string().trim().max(200).nullable().default(null),
      note: z.string().trim().max(2000).default(''),
    })
    .strict(),
  z.object({ type: z.literal('schedule'), publishAt: z.iso.datetime({ offset: true }) }).strict(),
  z.object({ type: z.literal('cancelSchedule') }).strict(),
  z.object({ type: z.literal('publish') }).strict(),
  z.object({ type: z.literal('startRevision'), reason: z.string().trim().min(1).max(2000) }).strict(),
  z.object({ type: z.literal('withdraw'), reason: z.string().trim().min(1).max(2000) }).strict(),
]);
export type DocumentActionInput = z.input<typeof documentActionInput>;

export const linkInput = z
  .object({
    /** The other document (id or 索引号). */
    target: z.string().min(1).max(100),
    kind: z.enum(linkKinds),
  })
  .strict();
export type LinkInput = z.input<typeof linkInput>;

export const channelInput = z
  .object({
    channel: z.enum(channelKinds),
    name: z.string().trim().max(200).nullable().default(null),
    publishedOn: date,
    url: z
      .string()
      .trim()
      .max(2000)
      .regex(/^https?:\/\//, '链接应以 http:// 或 https:// 开头')
      .nullable()
      .default(null),
  })
  .strict();
export type ChannelInput = z.input<typeof channelInput>;
