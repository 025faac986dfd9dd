/** What the report routes send (OpenAPI response schemas). */
import { z } from 'zod';
import { RULES, type RuleId } from '../../core/report/findings.js';
import { annualReportSchema } from '../../core/report/model.js';

export const findingReply = z.object({
  rule: z.enum(Object.keys(RULES) as [RuleId, ...RuleId[]]),
  severity: z.enum(['error', 'warning']),
  path: z.string(),
  expected: z.number().nullable().optional(),
  actual: z.number().nullable().optional(),
  message: z.string(),
  messageEn: z.string(),
  cells: z.array(z.string()).optional(),
});

export const explainReply = z.object({
  path: z.string(),
  name: z.string().describe('单元格名称 / the cell in words'),
  value: z.number(),
  cases: z.array(z.string()).describe('统计在内的受理编号 / the tracking numbers counted'),
});

export const compiledReportReply = z.object({
  report: annualReportSchema,
  findings: z.array(findingReply),
  agencies: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  proactiveEntered: z.boolean(),
  caseCount: z.number().int(),
  explain: explainReply.optional(),
});
