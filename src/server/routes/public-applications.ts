import type { FastifyInstance } from 'fastify';
import {
  publicApplicationInput,
  type PublicApplicationInput,
} from '../../services/applications/application-input.js';
import { getPublicStatus } from '../../services/applications/get-public-status.js';
import type { Platform } from '../../services/platform/platform.js';
import { submitPublicApplication } from '../../services/applications/submit-public-application.js';
import { docSchema, idParam, replies } from '../openapi.js';
import { publicReceiptReply, publicStatusReply } from '../schemas/platform.js';
import { presentPublicReceipt, presentPublicStatus } from '../presenters/application.js';

export interface PublicApplicationLimits {
  /** Submissions per client IP and minute (a flood guard; each person files a handful at most). */
  submitPerMinute: number;
  /** Status look-ups per client IP and minute (guards the query code against guessing). */
  statusPerMinute: number;
}

/**
 * The public side of the online channel (互联网渠道, 条例第二十九条、第三十一条第三项): submit an application and
 * look up its status with tracking number and query code. No login; rate-limited; no personal data returned.
 */
export function registerPublicApplicationRoutes(
  app: FastifyInstance,
  platform: Platform,
  limits: PublicApplicationLimits,
): void {
  const tags = ['public'];
  app.post<{ Params: { id: string } }>(
    '/api/v1/public/agencies/:id/applications',
    {
      config: { public: true, rateLimit: { max: limits.submitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '在线提交政府信息公开申请 / submit an application online',
        description:
          'idempotencyKey: 表单生成的随机值（如 UUID；过于简单的值返回 400）；同一表单重复提交只产生一件申请，并返回同一' +
          '受理编号和查询码；同一编号配不同内容返回 409 IDEMPOTENCY_KEY_REUSED，不透露任何已有申请。' +
          ' / a random value of the form (such as a UUID; guessable values answer 400): submitting it twice creates' +
          ' one case and returns the same number and code; the same key with other content answers 409' +
          ' IDEMPOTENCY_KEY_REUSED and reveals nothing of the case it names.',
        params: idParam,
        body: docSchema(publicApplicationInput),
        response: replies({ 200: publicReceiptReply, 201: publicReceiptReply }),
      },
    },
    async (request, reply) => {
      const result = await submitPublicApplication(
        platform,
        request.params.id,
        request.body as PublicApplicationInput,
        request.ip,
      );
      return reply.code(result.replayed ? 200 : 201).send(presentPublicReceipt(result));
    },
  );
  app.get<{ Params: { trackingNumber: string }; Querystring: { code?: string } }>(
    '/api/v1/public/applications/:trackingNumber',
    {
      config: { public: true, rateLimit: { max: limits.statusPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '按受理编号和查询码查询办理状态 / status by tracking number and query code',
        description: '查询码放在 X-Query-Code 头或 code 参数中 / send the code in X-Query-Code or ?code=',
        params: {
          type: 'object',
          properties: { trackingNumber: { type: 'string' } },
          required: ['trackingNumber'],
        },
        querystring: { type: 'object', properties: { code: { type: 'string' } } },
        response: replies({ 200: publicStatusReply }),
      },
    },
    async (request) => {
      const header = request.headers['x-query-code'];
      const code = (typeof header === 'string' ? header : undefined) ?? request.query.code ?? '';
      return presentPublicStatus(await getPublicStatus(platform, request.params.trackingNumber, code));
    },
  );
}
