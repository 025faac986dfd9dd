import type { FastifyInstance } from 'fastify';
import { createUser, createUserInput, type CreateUserInput } from '../../services/accounts/create-user.js';
import { listUsers } from '../../services/accounts/list-users.js';
import type { Platform } from '../../services/platform/platform.js';
import { staffOf } from '../auth.js';
import { docSchema, secured } from '../openapi.js';
import { presentUser } from '../presenters/user.js';

/** Staff accounts: list (admins and supervisors, by subtree) and create (admins). */
export function registerUserRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['users'];
  app.get(
    '/api/v1/users',
    { schema: { tags, summary: '工作人员 / staff accounts', security: secured } },
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
