import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { logIn } from '../../services/accounts/log-in.js';
import { logOut } from '../../services/accounts/log-out.js';
import type { Platform } from '../../services/platform/platform.js';
import { validate } from '../../services/platform/validate.js';
import { clearSessionCookie, setSessionCookie, staffOf } from '../auth.js';
import { docSchema, replies, secured } from '../openapi.js';
import { grantReply, userReply } from '../schemas/agencies.js';
import { presentUser } from '../presenters/user.js';

const loginBody = z
  .object({
    username: z.string().min(1).max(limits.usernameMaxLength),
    password: z.string().min(1).max(limits.passwordMaxLength),
  })
  .strict();

const meReply = z.object({
  user: z.object({ id: z.string(), username: z.string(), grants: z.array(grantReply) }),
  via: z.enum(['session', 'token']),
  csrfToken: z
    .string()
    .nullable()
    .describe('会话的 CSRF 令牌，写操作须在 X-CSRF-Token 中回传 / send it back in X-CSRF-Token on writes'),
});

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
        response: replies({
          200: z.object({ user: userReply, csrfToken: z.string(), expiresAt: z.string() }),
        }),
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
  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: ['auth'],
        summary: '当前用户 / the current user',
        security: secured,
        response: replies({ 200: meReply }),
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
