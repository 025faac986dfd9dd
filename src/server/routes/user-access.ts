import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  disableUser,
  disableUserInput,
  type DisableUserInput,
} from '../../services/accounts/disable-user.js';
import { enableUser } from '../../services/accounts/enable-user.js';
import { grantInput, type GrantInput } from '../../services/accounts/grant-input.js';
import { grantRole } from '../../services/accounts/grant-role.js';
import { listAdminGrants } from '../../services/accounts/list-admin-grants.js';
import { listTokens } from '../../services/accounts/list-tokens.js';
import { removeGrant } from '../../services/accounts/remove-grant.js';
import type { Platform } from '../../services/platform/platform.js';
import { staffOf } from '../auth.js';
import { docSchema, responses, secured } from '../openapi.js';
import { presentToken, tokenReply } from '../presenters/token.js';
import { adminGrantReply, presentUser, userReply } from '../presenters/user.js';
import { userIdParam } from './users.js';

const grantParams = {
  type: 'object',
  properties: {
    id: { type: 'string', description: 'id 或用户名 / id or username' },
    role: { type: 'string', description: '角色 / role' },
    agency: { type: 'string', description: '机关 id 或代码 / agency id or code' },
  },
  required: ['id', 'role', 'agency'],
};

/**
 * What administrators do to other accounts' access: disable and re-enable, add and remove roles, see their API
 * tokens (revoking one is DELETE /api/v1/tokens/:id). Each change that narrows or widens access ends the
 * account's sessions and tokens (docs/operations.md, security model).
 */
export function registerUserAccessRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['users'];
  const changed = responses({ 200: userReply }, [400, 401, 403, 404, 409]);
  app.post<{ Params: { id: string } }>(
    '/api/v1/users/:id/disable',
    {
      schema: {
        tags,
        summary: '停用账户（结束其会话并吊销令牌） / disable an account (ends its sessions and tokens)',
        params: userIdParam,
        body: docSchema(disableUserInput),
        security: secured,
        response: changed,
      },
    },
    async (request) =>
      presentUser(
        await disableUser(
          platform,
          staffOf(request),
          request.params.id,
          (request.body ?? {}) as DisableUserInput,
        ),
      ),
  );
  app.post<{ Params: { id: string } }>(
    '/api/v1/users/:id/enable',
    {
      schema: {
        tags,
        summary: '重新启用账户 / re-enable an account',
        params: userIdParam,
        body: { type: 'object', additionalProperties: false, description: '空对象 / an empty object' },
        security: secured,
        response: changed,
      },
    },
    async (request) => presentUser(await enableUser(platform, staffOf(request), request.params.id)),
  );
  app.post<{ Params: { id: string } }>(
    '/api/v1/users/:id/grants',
    {
      schema: {
        tags,
        summary: '授予角色（结束其会话并吊销令牌） / grant a role (ends its sessions and tokens)',
        params: userIdParam,
        body: docSchema(grantInput),
        security: secured,
        response: changed,
      },
    },
    async (request) =>
      presentUser(await grantRole(platform, staffOf(request), request.params.id, request.body as GrantInput)),
  );
  app.delete<{ Params: { id: string; role: string; agency: string } }>(
    '/api/v1/users/:id/grants/:role/:agency',
    {
      schema: {
        tags,
        summary: '撤销角色（结束其会话并吊销令牌） / remove a role (ends its sessions and tokens)',
        params: grantParams,
        security: secured,
        response: changed,
      },
    },
    async (request) =>
      presentUser(
        await removeGrant(platform, staffOf(request), request.params.id, {
          role: request.params.role as GrantInput['role'],
          agency: request.params.agency,
        }),
      ),
  );
  app.get(
    '/api/v1/supervision/admin-grants',
    {
      schema: {
        tags: ['supervision'],
        summary:
          '管理员授予的角色（主管部门、审计可见；可读个人信息者在前） / roles administrators granted (for supervisors and auditors)',
        security: secured,
        response: responses({ 200: z.object({ grants: z.array(adminGrantReply) }) }, [401, 403]),
      },
    },
    async (request) => ({ grants: await listAdminGrants(platform, staffOf(request)) }),
  );
  app.get<{ Params: { id: string } }>(
    '/api/v1/users/:id/tokens',
    {
      schema: {
        tags,
        summary: '账户的访问令牌：有效期、最近使用 / an account’s API tokens: expiry, last use',
        params: userIdParam,
        security: secured,
        response: responses({ 200: z.object({ tokens: z.array(tokenReply) }) }, [401, 404]),
      },
    },
    async (request) => {
      const tokens = await listTokens(platform, staffOf(request), request.params.id);
      const now = platform.clock();
      return { tokens: tokens.map((t) => presentToken(t, now)) };
    },
  );
}
