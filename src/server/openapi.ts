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
