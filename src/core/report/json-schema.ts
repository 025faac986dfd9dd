/** The contract as a JSON Schema (draft 2020-12), generated from the runtime schema so the two cannot differ. */
import { z } from 'zod';
import { annualReportSchema } from './model.js';

export const JSON_SCHEMA_ID = 'https://gongkai.dev/schema/annual-report/v1.json';

/** Builds the JSON Schema for `gongkai.annual-report/v1`. */
export function annualReportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(annualReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, $id: JSON_SCHEMA_ID, title: 'gongkai.annual-report/v1' };
}
