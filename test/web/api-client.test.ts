/**
 * The console's typed client (src/web/api/schema.d.ts) is generated from the server's OpenAPI document. This
 * test builds the server, generates the types again and compares: a route or schema changed without
 * `npm run api:client` fails here, so the console and the API cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { apiClientSchema, committedApiClientSchema, openApiDocument } from '../../scripts/api-client.js';

describe('the console API client', () => {
  it('matches what the running server describes', async () => {
    const generated = await apiClientSchema(await openApiDocument());
    // One assertion on the whole text; the message says how to fix it.
    expect(
      generated === committedApiClientSchema(),
      'src/web/api/schema.d.ts differs from the server’s OpenAPI document: run `npm run api:client`',
    ).toBe(true);
  });

  it('documents a response schema for every staff route the console calls', async () => {
    const document = (await openApiDocument()) as {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: unknown }> }>>;
    };
    const undocumented: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const responses = operation.responses ?? {};
        const ok = Object.entries(responses).filter(([status]) => /^2/.test(status));
        // A DOCX download or an empty 204 has no JSON body to describe.
        const described = ok.some(([status, r]) => r.content !== undefined || status === '204');
        if (!described && !path.endsWith('.docx') && !path.endsWith('/preview')) {
          undocumented.push(`${method.toUpperCase()} ${path}`);
        }
      }
    }
    expect(undocumented).toEqual([]);
  });
});
