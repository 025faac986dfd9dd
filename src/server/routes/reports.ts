import type { FastifyInstance } from 'fastify';
import {
  proactiveFiguresInput,
  type ProactiveFiguresInput,
} from '../../services/applications/application-input.js';
import { compileAnnualReport, explainCell } from '../../services/reports/compile-annual-report.js';
import type { Platform } from '../../services/platform/platform.js';
import { setReportFigures } from '../../services/reports/set-report-figures.js';
import { staffOf } from '../auth.js';
import { docSchema, replies, secured } from '../openapi.js';
import { z } from 'zod';
import { compiledReportReply } from '../schemas/reports.js';

const params = {
  type: 'object',
  properties: {
    id: { type: 'string', description: '机关 id 或代码 / agency id or code' },
    year: { type: 'integer' },
  },
  required: ['id', 'year'],
};

/** The annual report compiled from the records, and the table 二 figures staff enter for it. */
export function registerReportRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['reports'];
  app.get<{ Params: { id: string; year: string }; Querystring: { subtree?: string; explain?: string } }>(
    '/api/v1/agencies/:id/reports/:year',
    {
      schema: {
        tags,
        summary: '由办件生成年度报告（表三、表四） / compile the annual report from the cases',
        description:
          'subtree=true: 含下级机关的合并报告 / combined report of the subtree. explain=PATH: 列出该单元格统计的办件 / the cases in one cell (e.g. applications.disclosed[0]).',
        params,
        querystring: {
          type: 'object',
          properties: { subtree: { type: 'boolean' }, explain: { type: 'string' } },
        },
        security: secured,
        response: replies({ 200: compiledReportReply }),
      },
    },
    async (request) => {
      const compiled = await compileAnnualReport(platform, staffOf(request), {
        agency: request.params.id,
        year: Number(request.params.year),
        subtree: request.query.subtree === 'true',
      });
      return {
        report: compiled.report,
        findings: compiled.findings,
        agencies: compiled.agencies,
        proactiveEntered: compiled.proactiveEntered,
        caseCount: compiled.caseCount,
        ...(request.query.explain ? { explain: explainCell(compiled, request.query.explain) } : {}),
      };
    },
  );
  app.put<{ Params: { id: string; year: string } }>(
    '/api/v1/agencies/:id/reports/:year/proactive',
    {
      schema: {
        tags,
        summary: '填报表二（主动公开情况） / enter the table 二 figures',
        params,
        body: docSchema(proactiveFiguresInput),
        security: secured,
        response: replies({ 200: z.object({ proactive: proactiveFiguresInput }) }),
      },
    },
    async (request) => ({
      proactive: await setReportFigures(
        platform,
        staffOf(request),
        request.params.id,
        Number(request.params.year),
        request.body as ProactiveFiguresInput,
      ),
    }),
  );
}
