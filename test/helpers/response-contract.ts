/**
 * Checks every JSON answer of a server against the response schema its route documents in OpenAPI (ajv,
 * JSON Schema 2020-12). The schemas only document (the server sends replies as they are), so this is what
 * keeps the documentation, and the console's generated client, true: tests collect the mismatches and expect
 * none.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';

export interface ContractBreach {
  route: string;
  status: number;
  errors: string[];
}

export function checkResponses(app: FastifyInstance): ContractBreach[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  const compiled = new WeakMap<object, ValidateFunction>();
  const breaches: ContractBreach[] = [];
  app.addHook('onSend', async (request, reply, payload) => {
    const schemas = request.routeOptions.schema?.response as Record<string, object> | undefined;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!schemas || !type.startsWith('application/json') || typeof payload !== 'string') return payload;
    const status = reply.statusCode;
    const schema = schemas[String(status)] ?? schemas[`${String(status)[0]}XX`];
    const route = `${request.method} ${request.routeOptions.url}`;
    if (!schema) {
      breaches.push({ route, status, errors: ['no schema documented for this status'] });
      return payload;
    }
    let validate = compiled.get(schema);
    if (!validate) {
      validate = ajv.compile(schema);
      compiled.set(schema, validate);
    }
    if (!validate(JSON.parse(payload))) {
      breaches.push({
        route,
        status,
        errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`),
      });
    }
    return payload;
  });
  return breaches;
}
