import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createUser, createUserInput, type CreateUserInput } from '../../services/accounts/create-user.js';
import { getUser } from '../../services/accounts/get-user.js';
import { listUsersPage } from '../../services/accounts/list-users.js';
import type { Platform } from '../../services/platform/platform.js';
import { staffOf } from '../auth.js';
import { docSchema, idParam, responses, secured } from '../openapi.js';
import { presentUser, userReply } from '../presenters/user.js';

export const userIdParam = {
  ...idParam,
  properties: { id: { type: 'string', description: 'id 或用户名 / id or username' } },
};

/** Staff accounts: list (admins and supervisors, by subtree), read one, create (admins). */
export function registerUserRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['users'];
  app.get<{ Querystring: { cursor?: string; limit?: string } }>(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '工作人员（按用户名分页） / staff accounts, by username, a page at a time',
        security: secured,
        querystring: {
          type: 'object',
          properties: {
            limit: {
              type: 'integer',
              description: '每页条数（1–1000，默认 100）/ page size (1–1000, default 100)',
            },
            cursor: {
              type: 'string',
              description: '上一页返回的 nextCursor / the nextCursor of the previous page',
            },
          },
        },
        response: responses(
          {
            200: z.object({
              users: z.array(userReply),
              nextCursor: z
                .string()
                .nullable()
                .describe(
                  '下一页的 cursor，最后一页为 null / cursor of the next page, null on the last page',
                ),
            }),
          },
          [401],
        ),
      },
    },
    async (request) => {
      const page = await listUsersPage(platform, staffOf(request), {
        cursor: request.query.cursor,
        limit: request.query.limit === undefined ? undefined : Number(request.query.limit),
      });
      return { users: page.users.map(presentUser), nextCursor: page.nextCursor };
    },
  );
  app.get<{ Params: { id: string } }>(
    '/api/v1/users/:id',
    {
      schema: {
        tags,
        summary: '一个账户：角色及授予人 / one account, its roles and who granted them',
        params: userIdParam,
        security: secured,
        response: responses({ 200: userReply }, [401, 404]),
      },
    },
    async (request) => presentUser(await getUser(platform, staffOf(request), request.params.id)),
  );
  app.post(
    '/api/v1/users',
    {
      schema: {
        tags,
        summary: '创建账户 / create an account',
        body: docSchema(createUserInput),
        security: secured,
        response: responses(
          {
            201: z.object({
              user: userReply,
              generatedPassword: z
                .string()
                .nullable()
                .describe('未给密码时生成，只显示这一次 / generated when none was given, shown once'),
            }),
          },
          [400, 401, 403, 404, 409],
        ),
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
