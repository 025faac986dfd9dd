/** What the report publication routes send (OpenAPI response schemas). */
import { z } from 'zod';

const publicationStatus = z.enum(['due', 'published-on-time', 'late', 'missing']);

export const deadlineReply = z.object({
  status: publicationStatus.describe('待发布 / 已按时发布 / 逾期发布 / 逾期未发布'),
  dueDate: z.string().describe('发布期限（次年1月31日，条例第五十条）/ the deadline'),
  publishedOn: z.string().nullable(),
});

export const publicationStateReply = z.object({
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  step: z.enum(['draft', 'approved', 'published']).describe('未审批 / 已审批 / 已发布'),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  deadline: deadlineReply,
});

export const reportTextsReply = z.object({
  sections: z.record(z.string(), z.string()).describe('各部分文字，键为 一 至 六 / text by section number'),
});

export const subtreeStatusReply = z.object({
  root: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  agencies: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      parentName: z.string().nullable(),
      publication: deadlineReply,
      errorCount: z.number().int(),
      warningCount: z.number().int(),
      caseCount: z.number().int(),
    }),
  ),
});
