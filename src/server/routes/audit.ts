import type { FastifyInstance } from 'fastify';
import { limits } from '../../core/limits.js';
import { parseQuery, queryInteger } from '../edge-validation.js';
import { errors } from '../../services/platform/errors.js';
import { listAudit } from '../../services/audit/list-audit.js';
import type { Platform } from '../../services/platform/platform.js';
import { accessPolicy } from '../../services/policies/access.js';
import { verifyAuditChain } from '../../services/audit/verify-audit-chain.js';
import { staffOf } from '../auth.js';
import { replies, secured } from '../openapi.js';
import { z } from 'zod';
import { auditEntryReply, auditVerificationReply } from '../schemas/platform.js';
import { presentAuditEntry } from '../presenters/audit.js';

const auditQuery = z.object({
  afterSeq: queryInteger(0, Number.MAX_SAFE_INTEGER),
  limit: queryInteger(1, limits.auditPageMax),
});

/** The audit trail: entries of the caller's subtrees (admins, auditors) and a chain check. */
export function registerAuditRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['audit'];
  app.get<{ Querystring: { afterSeq?: string; limit?: string } }>(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: '审计日志 / audit entries',
        security: secured,
        querystring: {
          type: 'object',
          properties: { afterSeq: { type: 'integer' }, limit: { type: 'integer' } },
        },
        response: replies({ 200: z.object({ entries: z.array(auditEntryReply) }) }),
      },
    },
    async (request) => {
      const query = parseQuery(auditQuery, request.query);
      const afterSeq = query.afterSeq ?? 0;
      const limit = query.limit ?? 100;
      return {
        entries: (await listAudit(platform, staffOf(request), { afterSeq, limit })).map(presentAuditEntry),
      };
    },
  );
  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: '校验哈希链 / verify the hash chain',
        security: secured,
        response: replies({ 200: auditVerificationReply }),
      },
    },
    async (request) => {
      if (!accessPolicy.canVerifyAudit(staffOf(request))) throw errors.forbidden();
      return verifyAuditChain(platform);
    },
  );
}
