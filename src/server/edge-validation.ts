import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { unsafeTextError, validate } from '../services/platform/validate.js';

/**
 * The first line of validation, for every route: path parameters, query strings and (on the JSON API) bodies
 * with NUL, control or bidirectional-override characters or lone surrogates are refused with 400
 * VALIDATION_FAILED before any use case or database sees them. The use cases validate again with their own
 * schemas (`validate`), which apply the same rule, so the command line is covered too.
 */
export function registerEdgeValidation(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const error =
      unsafeTextError(request.params) ??
      unsafeTextError(request.query) ??
      // The pages' bodies are report texts and uploads, read by the readers as they are.
      (request.routeOptions.config?.html ? null : unsafeTextError(request.body));
    if (error) throw error;
  });
}

const integerText = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,16}$/, '应为整数 / must be a whole number')
    .transform(Number)
    .refine((n) => n >= min && n <= max, `应在 ${min} 至 ${max} 之间 / must be from ${min} to ${max}`);

/** A query parameter holding a whole number in [min, max]: `abc`, `1.5`, `Infinity`, `1e20`, `-5` are refused. */
export function queryInteger(min: number, max: number) {
  return integerText(min, max).optional();
}

/** Parses a query string with `schema` (unknown keys are ignored, as browsers and caches add their own). */
export function parseQuery<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  return validate(schema, query ?? {});
}
