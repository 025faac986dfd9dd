import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { logIn } from '../../services/accounts/log-in.js';
import { logOut } from '../../services/accounts/log-out.js';
import {
  changeOwnPassword,
  changeOwnPasswordInput,
  type ChangeOwnPasswordInput,
} from '../../services/accounts/change-own-password.js';
import type { Platform } from '../../services/platform/platform.js';
import { validate } from '../../services/platform/validate.js';
import { clearSessionCookie, setSessionCookie, staffOf } from '../auth.js';
import { docSchema, replies, responses, secured } from '../openapi.js';
import { grantReply, presentUser, userReply } from '../presenters/user.js';

const loginBody = z
  .object({
    username: z.string().min(1).max(limits.usernameMaxLength),
    password: z.string().min(1).max(limits.passwordMaxLength),
  })
  .strict();

/** Login, logout and "who am I". */
export function registerAuthRoutes(
  app: FastifyInstance,
  platform: Platform,
  options: { loginPerMinute: number },
): void {
  app.post(
    '/api/v1/auth/login',
    {
      config: { public: true, rateLimit: { max: options.loginPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录 / log in',
        body: docSchema(loginBody),
        response: responses(
          {
            200: z.object({
              user: userReply,
              csrfToken: z.string().describe('写请求放在 X-CSRF-Token 头 / send in X-CSRF-Token on writes'),
              expiresAt: z.string(),
            }),
          },
          [400, 401, 429],
        ),
      },
    },
    async (request, reply) => {
      const body = validate(loginBody, request.body);
      const result = await logIn(platform, { ...body, ip: request.ip });
      setSessionCookie(request, reply, result.sessionId);
      return { user: presentUser(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt };
    },
  );
  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: '退出登录 / log out',
        security: secured,
        response: replies({ 204: null }),
      },
    },
    async (request, reply) => {
      const staff = staffOf(request);
      if (request.sessionId) await logOut(platform, staff, request.sessionId);
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );
  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary:
          '修改本人密码（其他会话结束、令牌吊销） / change my password (other sessions end, tokens are revoked)',
        body: docSchema(changeOwnPasswordInput),
        security: [{ sessionCookie: [] }],
        response: responses(
          {
            200: z.object({
              sessionsEnded: z.number().int().describe('结束的其他会话 / other sessions ended'),
              tokensRevoked: z.number().int().describe('吊销的访问令牌 / API tokens revoked'),
            }),
          },
          [400, 401, 403],
        ),
      },
    },
    async (request) =>
      changeOwnPassword(
        platform,
        staffOf(request),
        request.sessionId,
        request.body as ChangeOwnPasswordInput,
      ),
  );
  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 / the current user',
        security: secured,
        response: responses(
          {
            200: z.object({
              user: z.object({
                id: z.string(),
                username: z.string(),
                grants: z.array(grantReply.pick({ role: true, agencyId: true })),
              }),
              via: z.enum(['session', 'token']),
              csrfToken: z.string().nullable(),
            }),
          },
          [401],
        ),
      },
    },
    async (request) => {
      const staff = staffOf(request);
      return {
        user: { id: staff.userId, username: staff.username, grants: staff.grants },
        via: staff.via,
        csrfToken: request.csrfToken,
      };
    },
  );
}
