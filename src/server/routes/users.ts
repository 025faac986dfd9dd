import type { FastifyInstance } from 'fastify';
import { createUser, createUserInput, type CreateUserInput } from '../../services/accounts/create-user.js';
import { listUsers } from '../../services/accounts/list-users.js';
import type { Platform } from '../../services/platform/platform.js';
import { staffOf } from '../auth.js';
import { docSchema, replies, secured } from '../openapi.js';
import { z } from 'zod';
import { userReply } from '../schemas/agencies.js';
import { presentUser } from '../presenters/user.js';

/** Staff accounts: list (admins and supervisors, by subtree) and create (admins). */
export function registerUserRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '工作人员 / staff accounts',
        security: secured,
        response: replies({ 200: z.object({ users: z.array(userReply) }) }),
      },
    },
    async (request) => ({
      users: (await listUsers(platform, staffOf(request))).map(presentUser),
    }),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '创建账户 / create an account',
        body: docSchema(createUserInput),
        security: secured,
        response: replies({
          201: z.object({
            user: userReply,
            generatedPassword: z
              .string()
              .nullable()
              .optional()
              .describe('未给出密码时生成，只显示一次 / generated when none was given, shown once'),
          }),
        }),
      },
    },
    async (request, reply) => {
      const created = await createUser(platform, staffOf(request), request.body as CreateUserInput);
      return reply
        .code(201)
        .send({ user: presentUser(created.user), generatedPassword: created.generatedPassword });
    },
  );
}
