// Writes src/web/api/schema.d.ts from the server's OpenAPI document (`npm run api:client`).
import { mkdirSync, writeFileSync } from 'node:fs';
import { API_CLIENT_SCHEMA, apiClientSchema, openApiDocument } from './api-client.js';

mkdirSync(new URL('.', API_CLIENT_SCHEMA), { recursive: true });
writeFileSync(API_CLIENT_SCHEMA, await apiClientSchema(await openApiDocument()));
console.log(`wrote ${API_CLIENT_SCHEMA.pathname}`);
