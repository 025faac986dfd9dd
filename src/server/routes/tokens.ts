import type { FastifyInstance } from 'fastify';
import { createToken, createTokenInput } from '../../services/accounts/create-token.js';
import { listTokens } from '../../services/accounts/list-tokens.js';
import type { Platform } from '../../services/platform/platform.js';
import { revokeToken } from '../../services/accounts/revoke-token.js';
import { staffOf } from '../auth.js';
import { docSchema, idParam, replies, secured } from '../openapi.js';
import { z } from 'zod';
import { tokenReply } from '../schemas/agencies.js';
import { presentToken } from '../presenters/token.js';

/** The caller's own API tokens: list, create (the secret is in this response only), revoke. */
export function registerTokenRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['tokens'];
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '我的访问令牌 / my API tokens',
        security: secured,
        response: replies({ 200: z.object({ tokens: z.array(tokenReply) }) }),
      },
    },
    async (request) => ({
      tokens: (await listTokens(platform, staffOf(request))).map(presentToken),
    }),
  );
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '创建访问令牌 / create an API token',
        body: docSchema(createTokenInput),
        security: secured,
        response: replies({
          201: tokenReply.extend({ token: z.string().describe('只在此处出现一次 / shown only here, once') }),
        }),
      },
    },
    async (request, reply) => {
      const created = await createToken(platform, staffOf(request), request.body as { name: string });
      return reply.code(201).send({ token: created.token, ...presentToken(created.record) });
    },
  );
  app.delete<{ Params: { id: string } }>(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags,
        summary: '吊销访问令牌 / revoke an API token',
        params: idParam,
        security: secured,
        response: replies({ 200: tokenReply }),
      },
    },
    async (request) => presentToken(await revokeToken(platform, staffOf(request), request.params.id)),
  );
}
