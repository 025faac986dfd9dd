import type { z } from 'zod';
import { DomainError } from '../../core/errors.js';

/** Parses input at the edge of a use case; a failure is a coded VALIDATION_FAILED error listing the issues. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  const summary = issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
  throw new DomainError('VALIDATION_FAILED', `输入无效：${summary}`, `invalid input: ${summary}`, { issues });
}
