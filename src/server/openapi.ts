import { z } from 'zod';

/** JSON Schema for the OpenAPI document from a zod schema (validation itself is zod's, in the services). */
export function docSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

export const secured: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

export const idParam = {
  type: 'object',
  properties: { id: { type: 'string', description: 'id 或代码 / id or code' } },
  required: ['id'],
};

/** JSON Schema of what a route sends, from a zod schema (documentation: the presenters' types follow it). */
export function replySchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return rest;
}

/** The body of every error answer (presenters/error.ts). */
export const errorBody = z.object({
  error: z.object({
    code: z.string().describe('稳定的错误代码 / stable error code'),
    message: z.string().describe('中文说明 / message in Chinese'),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
});

/** The `response` of a route's schema: its success bodies by status, and the error body for 4xx and 5xx. */
export function replies(ok: Record<number, z.ZodType | null>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [status, schema] of Object.entries(ok)) {
    out[status] =
      schema === null ? { type: 'null', description: '无内容 / no content' } : replySchema(schema);
  }
  out['4XX'] = replySchema(errorBody);
  out['5XX'] = replySchema(errorBody);
  return out;
}
