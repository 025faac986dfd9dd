import { z } from 'zod';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** JSON Schema for the OpenAPI document from a zod schema (validation itself is zod's, in the services). */
export function docSchema(schema: z.ZodType): Record<string, unknown> {
  return jsonSchema(schema, 'input');
}

/**
 * A response schema from the zod schema a presenter's output satisfies. Fastify serialises the response with it
 * too, so a field left out of the schema never leaves the server.
 */
export function replySchema(schema: z.ZodType): Record<string, unknown> {
  return jsonSchema(schema, 'output');
}

/** The body of every error response (src/server/presenters/error.ts). */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    /** 中文说明 */
    message: z.string(),
    messageEn: z.string(),
    details: z.unknown().optional(),
  }),
});

/** The responses of a route: its success bodies and the error statuses it may answer with. */
export function responses(
  ok: Record<number, z.ZodType>,
  errorStatuses: readonly number[] = [400, 401, 403, 404],
): Record<number, Record<string, unknown>> {
  const result: Record<number, Record<string, unknown>> = {};
  for (const [status, schema] of Object.entries(ok)) result[Number(status)] = replySchema(schema);
  const error = replySchema(errorBody);
  for (const status of errorStatuses) result[status] = error;
  return result;
}

export const secured: Record<string, string[]>[] = [{ bearerAuth: [] }, { sessionCookie: [] }];

export const idParam = {
  type: 'object',
  properties: { id: { type: 'string', description: 'id 或代码 / id or code' } },
  required: ['id'],
};

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
