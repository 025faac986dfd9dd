import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { limits } from '../../core/limits.js';
import { logIn } from '../../services/accounts/log-in.js';
import { logOut } from '../../services/accounts/log-out.js';
import type { Platform } from '../../services/platform/platform.js';
import { validate } from '../../services/platform/validate.js';
import { clearSessionCookie, setSessionCookie, staffOf } from '../auth.js';
import { docSchema, secured } from '../openapi.js';
import { presentUser } from '../presenters/user.js';

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
      schema: { tags: ['auth'], summary: '登录 / log in', body: docSchema(loginBody) },
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
    { schema: { tags: ['auth'], summary: '退出登录 / log out', security: secured } },
    async (request, reply) => {
      const staff = staffOf(request);
      if (request.sessionId) await logOut(platform, staff, request.sessionId);
      clearSessionCookie(request, reply);
      return reply.code(204).send();
    },
  );
  app.get(
    '/api/v1/auth/me',
    { schema: { tags: ['auth'], summary: '当前用户 / the current user', security: secured } },
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
