import type { FastifyInstance } from 'fastify';
import { parseQuery, queryInteger } from '../edge-validation.js';
import { caseStatusLabels, type CaseStatus } from '../../core/applications/state-machine.js';
import {
  caseEventInput,
  decideAppealInput,
  recordAppealInput,
  registerApplicationInput,
  type CaseEventInput,
  type DecideAppealInput,
  type RecordAppealInput,
  type RegisterApplicationInput,
} from '../../services/applications/application-input.js';
import { getApplication } from '../../services/applications/get-application.js';
import {
  listApplicationsPage,
  type ListApplicationsQuery,
} from '../../services/applications/list-applications.js';
import type { Platform } from '../../services/platform/platform.js';
import { decideAppeal, recordAppeal } from '../../services/applications/record-appeal.js';
import { recordApplicationEvent } from '../../services/applications/record-application-event.js';
import { registerApplication } from '../../services/applications/register-application.js';
import { staffOf } from '../auth.js';
import { docSchema, idParam, replies, secured } from '../openapi.js';
import { z } from 'zod';
import {
  appealReply,
  applicationListItemReply,
  applicationViewReply,
  registeredReply,
} from '../schemas/applications.js';
import {
  presentAppeal,
  presentApplicationView,
  presentListItem,
  presentRegistered,
} from '../presenters/application.js';

const refParam = {
  type: 'object',
  properties: { ref: { type: 'string', description: 'id 或受理编号 / id or tracking number' } },
  required: ['ref'],
};

const listQuery = {
  type: 'object',
  properties: {
    filter: { type: 'string', enum: ['all', 'open', 'closed', 'dueSoon', 'overdue'] },
    status: { type: 'string', enum: Object.keys(caseStatusLabels) },
    subtree: { type: 'boolean', description: '含下级机关 / include agencies below' },
    withinDays: { type: 'integer', description: 'dueSoon: 工作日数 / working days ahead (default 5)' },
    limit: { type: 'integer', description: '每页条数（1–1000，默认 100）/ page size (1–1000, default 100)' },
    cursor: {
      type: 'string',
      description: '上一页返回的 nextCursor / the nextCursor of the previous page',
    },
    offset: {
      type: 'integer',
      description: '跳过的条数（至多 10000，建议用 cursor）/ rows to skip (at most 10,000; prefer cursor)',
    },
  },
};

/** The list's query, checked at the edge: numbers are whole numbers in range, words are the listed ones. */
const listQuerySchema = z.object({
  filter: z.enum(['all', 'open', 'closed', 'dueSoon', 'overdue']).optional(),
  status: z.enum(Object.keys(caseStatusLabels) as [string, ...string[]]).optional(),
  subtree: z.enum(['true', 'false']).optional(),
  withinDays: queryInteger(0, 60),
  limit: queryInteger(1, 1000),
  cursor: z.string().max(2000).optional(),
  offset: queryInteger(0, 10_000_000),
});

/** Staff API for disclosure applications: intake, case view, events, lists, appeals. */
export function registerApplicationRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['applications'];
  app.post(
    '/api/v1/applications',
    {
      schema: {
        tags,
        summary: '登记申请 / register an application (any channel)',
        body: docSchema(registerApplicationInput),
        security: secured,
        response: replies({ 200: registeredReply, 201: registeredReply }),
      },
    },
    async (request, reply) => {
      const result = await registerApplication(
        platform,
        staffOf(request),
        request.body as RegisterApplicationInput,
      );
      return reply.code(result.replayed ? 200 : 201).send(presentRegistered(result));
    },
  );
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/api/v1/agencies/:id/applications',
    {
      schema: {
        tags,
        summary: '机关的申请（含即将到期、已逾期） / cases of an agency (also due soon, overdue)',
        params: idParam,
        querystring: listQuery,
        security: secured,
        response: replies({
          200: z.object({
            applications: z.array(applicationListItemReply),
            nextCursor: z
              .string()
              .nullable()
              .describe('下一页的 cursor，最后一页为 null / cursor of the next page, null on the last page'),
          }),
        }),
      },
    },
    async (request) => {
      const q = parseQuery(listQuerySchema, request.query);
      const query: ListApplicationsQuery = {
        agency: request.params.id,
        subtree: q.subtree === 'true',
        filter: q.filter ?? 'all',
        status: q.status as CaseStatus | undefined,
        withinDays: q.withinDays,
        limit: q.limit,
        cursor: q.cursor,
        offset: q.offset,
      };
      const page = await listApplicationsPage(platform, staffOf(request), query);
      return { applications: page.items.map(presentListItem), nextCursor: page.nextCursor };
    },
  );
  app.get<{ Params: { ref: string } }>(
    '/api/v1/applications/:ref',
    {
      schema: {
        tags,
        summary: '办件详情：记录、事件、状态、时钟 / one case with history, state and clock',
        params: refParam,
        security: secured,
        response: replies({ 200: applicationViewReply }),
      },
    },
    async (request) =>
      presentApplicationView(await getApplication(platform, staffOf(request), request.params.ref)),
  );
  app.post<{ Params: { ref: string } }>(
    '/api/v1/applications/:ref/events',
    {
      schema: {
        tags,
        summary: '记录事件（补正、征求意见、延期、答复、送达…） / record an event',
        params: refParam,
        body: docSchema(caseEventInput),
        security: secured,
        response: replies({ 201: applicationViewReply }),
      },
    },
    async (request, reply) => {
      const view = await recordApplicationEvent(
        platform,
        staffOf(request),
        request.params.ref,
        request.body as CaseEventInput,
      );
      return reply.code(201).send(presentApplicationView(view));
    },
  );
  app.post<{ Params: { ref: string } }>(
    '/api/v1/applications/:ref/appeals',
    {
      schema: {
        tags,
        summary: '登记行政复议或行政诉讼 / record a reconsideration or lawsuit',
        params: refParam,
        body: docSchema(recordAppealInput),
        security: secured,
        response: replies({ 201: appealReply }),
      },
    },
    async (request, reply) => {
      const appeal = await recordAppeal(
        platform,
        staffOf(request),
        request.params.ref,
        request.body as RecordAppealInput,
      );
      return reply.code(201).send(presentAppeal(appeal));
    },
  );
  app.patch<{ Params: { id: string } }>(
    '/api/v1/appeals/:id',
    {
      schema: {
        tags,
        summary: '记录复议或诉讼结果 / record the result of an appeal',
        params: idParam,
        body: docSchema(decideAppealInput),
        security: secured,
        response: replies({ 200: appealReply }),
      },
    },
    async (request) =>
      presentAppeal(
        await decideAppeal(platform, staffOf(request), request.params.id, request.body as DecideAppealInput),
      ),
  );
}
