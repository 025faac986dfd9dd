/** What the 主动公开 routes send (OpenAPI response schemas; the presenters return these types). */
import { z } from 'zod';
import { checklistConcerns, documentEventLabels, referralAuthorities } from '../../core/publishing/events.js';
import { art20Items, genres } from '../../core/publishing/genres.js';
import {
  channelKinds,
  disclosureAttributes,
  disclosureScopes,
  documentStatuses,
  linkKinds,
  validityStatuses,
} from '../../core/publishing/record.js';
import { roles } from '../../core/roles.js';

const date = z.string().describe('YYYY-MM-DD');
const label = z.object({ zh: z.string(), en: z.string() });
const issue = z.object({ field: z.string(), zh: z.string(), en: z.string() });

export const documentMetadataReply = z.object({
  title: z.string(),
  documentNumber: z.string().nullable(),
  issuer: z.string(),
  coIssuers: z.array(z.string()),
  writtenOn: date.nullable(),
  formedOn: date,
  subjectId: z.string(),
  genre: z.enum(genres),
  category: z.string().nullable(),
  art20Item: z.enum(art20Items),
  catalogueNodeId: z.string().nullable(),
  disclosure: z.object({
    attribute: z.enum(disclosureAttributes),
    reason: z.string().nullable(),
    method: z.string(),
    scope: z.enum(disclosureScopes),
  }),
  validity: z.object({
    status: z.enum(validityStatuses),
    effectiveOn: date.nullable(),
    expiresOn: date.nullable(),
    repealedOn: date.nullable(),
    changedBy: z
      .object({ documentId: z.string().nullable(), documentNumber: z.string().nullable() })
      .nullable(),
  }),
  keywords: z.array(z.string()),
  summary: z.string().nullable(),
  needsInterpretation: z.boolean(),
});

export const documentRecordReply = z.object({
  id: z.string(),
  agencyId: z.string(),
  indexNumber: z.string().describe('索引号'),
  metadata: documentMetadataReply,
  status: z.enum(documentStatuses),
  statusLabel: label,
  currentVersion: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  publishedOn: date.nullable().describe('发布日期'),
  publishedAt: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  dueOn: date.nullable().describe('条例第二十六条期限 / Art 26 due date'),
  subjectPath: z.string().nullable().describe('主题分类 一级\\二级'),
  genreLabel: label,
  art20ItemLabel: label,
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const deadlineReply = z
  .object({
    formedOn: date,
    due: date.nullable(),
    daysLeft: z.number().int().nullable(),
    overdue: z.boolean(),
    provisional: z.boolean(),
  })
  .nullable();

const checklist = z.object({
  ...Object.fromEntries(checklistConcerns.map((c) => [c, z.enum(['clear', 'concern', 'unsure'])])),
  needsInterpretation: z.boolean(),
});

/** One event of the history as recorded, with its label; the fields after `by` depend on the type. */
export const documentEventReply = z.object({
  seq: z.number().int(),
  type: z.enum(Object.keys(documentEventLabels) as [string, ...string[]]),
  label,
  at: z.string(),
  by: z.string(),
  actor: z.string(),
  recordedAt: z.string(),
  version: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  chain: z.array(z.object({ name: z.string(), roles: z.array(z.enum(roles)) })).optional(),
  step: z.number().int().optional().describe('0 起 / 0-based'),
  decision: z.enum(['approve', 'return', 'mayPublish', 'mayNotPublish']).optional(),
  checklist: checklist.optional(),
  comment: z.string().optional(),
  selfApproval: z.boolean().optional(),
  warnings: z.array(z.string()).optional(),
  authority: z.enum(referralAuthorities).optional(),
  authorityName: z.string().optional(),
  question: z.string().optional(),
  reference: z.string().nullable().optional(),
  note: z.string().optional(),
  publishAt: z.string().optional(),
  publishedOn: date.optional(),
  together: z.array(z.string()).optional(),
  reason: z.string().optional(),
});

const versionReply = z.object({
  version: z.number().int(),
  metadata: documentMetadataReply,
  bodyHtml: z.string(),
  bodyText: z.string(),
  frozen: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
});

export const attachmentReply = z.object({
  id: z.string(),
  version: z.number().int(),
  position: z.number().int(),
  name: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  hasText: z.boolean(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  createdBy: z.string(),
});

export const channelReply = z.object({
  id: z.string(),
  channel: z.enum(channelKinds),
  channelLabel: label,
  name: z.string().nullable(),
  publishedOn: date,
  url: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});

export const documentViewReply = z.object({
  document: documentRecordReply,
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  version: versionReply,
  publishedVersion: versionReply.nullable(),
  attachments: z.array(attachmentReply),
  events: z.array(documentEventReply),
  deadline: deadlineReply,
  pendingStep: z
    .object({ step: z.number().int(), name: z.string(), roles: z.array(z.enum(roles)) })
    .nullable(),
  needsInterpretation: z.boolean(),
  links: z.array(
    z.object({
      kind: z.enum(linkKinds),
      direction: z.enum(['from', 'to']),
      document: z.object({
        id: z.string(),
        indexNumber: z.string(),
        title: z.string(),
        status: z.enum(documentStatuses),
      }),
    }),
  ),
  channels: z.array(channelReply),
  revisions: z.array(
    z.object({
      version: z.number().int(),
      reason: z.string(),
      startedAt: z.string(),
      publishedAt: z.string().nullable(),
    }),
  ),
  warnings: z.array(issue),
});

export const documentListItemReply = z.object({ document: documentRecordReply, deadline: deadlineReply });

export const documentPageReply = z.object({
  documents: z.array(documentListItemReply),
  nextCursor: z.string().nullable().describe('下一页 cursor / pass as `cursor` for the next page'),
});

export const publishingSettingsReply = z.object({
  agencyId: z.string(),
  settings: z.object({
    agencyCode: z.string().nullable(),
    indexTemplate: z.string(),
    reviewChain: z.array(z.object({ name: z.string(), roles: z.array(z.enum(roles)) })),
    allowSelfApproval: z.boolean(),
    dueSoonWorkingDays: z.number().int(),
    catalogue: z.array(
      z.object({
        id: z.string(),
        parentId: z.string().nullable(),
        name: z.string(),
        timeLimit: z.string().nullable(),
        channels: z.array(z.string()),
      }),
    ),
  }),
  warnings: z.array(z.string()).optional(),
});

export const duePublicationsReply = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      published: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});
