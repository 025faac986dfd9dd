import { Ajv } from 'ajv';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * Checks responses against the schemas the OpenAPI document (/api/docs/json) publishes for their route and status:
 * what the console and integrations are promised is what they get.
 */
export async function openApiChecker(app: FastifyInstance) {
  const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<
      string,
      Record<string, { responses?: Record<string, { content?: Record<string, { schema: object }> }> }>
    >;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  return {
    /** The documented schema of `method path` for `status` (path in OpenAPI form, `/api/v1/users/{id}`). */
    schemaOf(method: string, path: string, status: number): object | undefined {
      return doc.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.[
        'application/json'
      ]?.schema;
    },
    /** Throws unless the response's body matches the schema documented for its status. */
    check(method: string, path: string, response: LightMyRequestResponse): void {
      const schema = this.schemaOf(method, path, response.statusCode);
      if (!schema) throw new Error(`no documented ${response.statusCode} response for ${method} ${path}`);
      const validate = ajv.compile(schema);
      if (!validate(response.json())) {
        throw new Error(
          `${method} ${path} ${response.statusCode} does not match its schema: ${ajv.errorsText(validate.errors)}`,
        );
      }
    },
  };
}
