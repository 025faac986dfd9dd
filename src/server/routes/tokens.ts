import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createToken,
  createTokenInput,
  type CreateTokenInput,
} from '../../services/accounts/create-token.js';
import { listTokens } from '../../services/accounts/list-tokens.js';
import type { Platform } from '../../services/platform/platform.js';
import { revokeToken } from '../../services/accounts/revoke-token.js';
import { staffOf } from '../auth.js';
import { docSchema, idParam, responses, secured } from '../openapi.js';
import { createdTokenReply, presentToken, tokenReply } from '../presenters/token.js';

/**
 * API tokens: the caller's own (list; create, the secret in that response only; revoke). Administrators revoke
 * tokens of accounts they manage with the same DELETE (list them at /api/v1/users/:id/tokens).
 */
export function registerTokenRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['tokens'];
  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '我的访问令牌：有效期、最近使用 / my API tokens: expiry, last use',
        security: secured,
        response: responses({ 200: z.object({ tokens: z.array(tokenReply) }) }, [401]),
      },
    },
    async (request) => {
      const now = platform.clock();
      return { tokens: (await listTokens(platform, staffOf(request))).map((t) => presentToken(t, now)) };
    },
  );
  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags,
        summary: '创建访问令牌（默认 90 天后失效） / create an API token (expires after 90 days by default)',
        body: docSchema(createTokenInput),
        security: secured,
        response: responses({ 201: createdTokenReply }, [400, 401, 403]),
      },
    },
    async (request, reply) => {
      const created = await createToken(platform, staffOf(request), request.body as CreateTokenInput);
      return reply
        .code(201)
        .send({ token: created.token, ...presentToken(created.record, platform.clock()) });
    },
  );
  app.delete<{ Params: { id: string } }>(
    '/api/v1/tokens/:id',
    {
      schema: {
        tags,
        summary:
          '吊销访问令牌（本人，或管理该账户的管理员） / revoke an API token (its owner, or an administrator of the account)',
        params: idParam,
        security: secured,
        response: responses({ 200: tokenReply }, [401, 403, 404]),
      },
    },
    async (request) =>
      presentToken(await revokeToken(platform, staffOf(request), request.params.id), platform.clock()),
  );
}
