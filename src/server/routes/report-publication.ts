import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Platform } from '../../services/platform/platform.js';
import { approveReport } from '../../services/reports/approve-report.js';
import type { ExportedFile } from '../../services/reports/export/export-annual-report.js';
import { exportPublishedReport } from '../../services/reports/export-published-report.js';
import { getPublicationState } from '../../services/reports/get-publication-state.js';
import { publishReport } from '../../services/reports/publish-report.js';
import {
  reportTextsInput,
  setReportTexts,
  type ReportTextsInput,
} from '../../services/reports/set-report-texts.js';
import { subtreeOverview } from '../../services/reports/subtree-overview.js';
import { staffOf } from '../auth.js';
import { docSchema, errorBody, replies, replySchema, secured } from '../openapi.js';
import {
  publicationStateReply,
  reportTextsReply,
  subtreeStatusReply,
} from '../schemas/report-publication.js';
import { z } from 'zod';

const params = {
  type: 'object',
  properties: {
    id: { type: 'string', description: '机关 id 或代码 / agency id or code' },
    year: { type: 'integer' },
  },
  required: ['id', 'year'],
};

/** Public downloads of published reports, per client IP and minute (a PDF is printed for each). */
const PUBLIC_EXPORTS_PER_MINUTE = 30;

/** Sends an exported file with its Content-Type and Chinese file name (RFC 5987, with an ASCII fallback). */
export function sendExport(reply: FastifyReply, file: ExportedFile, cache: string): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('cache-control', cache)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(file.bytes));
}

/**
 * The annual report's publication: the sections' text, the recorded approval step, publication, where it stands
 * against the 31 January deadline, a supervisor's list of the agencies below it, and published reports for all.
 */
export function registerReportPublicationRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['reports'];
  type Route = { Params: { id: string; year: string } };
  app.put<Route>(
    '/api/v1/agencies/:id/reports/:year/sections',
    {
      schema: {
        tags,
        summary: "填写年度报告各部分文字 / write the sections' text",
        params,
        body: docSchema(z.object({ sections: reportTextsInput })),
        security: secured,
        response: replies({ 200: reportTextsReply }),
      },
    },
    async (request) => {
      const body = (request.body ?? {}) as { sections?: ReportTextsInput };
      const sections = await setReportTexts(
        platform,
        staffOf(request),
        request.params.id,
        Number(request.params.year),
        body.sections ?? {},
      );
      return { sections };
    },
  );
  app.get<Route>(
    '/api/v1/agencies/:id/reports/:year/publication',
    {
      schema: {
        tags,
        summary: '年度报告的审批、发布状态与期限 / approval, publication and deadline',
        params,
        security: secured,
        response: replies({ 200: publicationStateReply }),
      },
    },
    async (request) =>
      getPublicationState(platform, staffOf(request), request.params.id, Number(request.params.year)),
  );
  app.post<Route>(
    '/api/v1/agencies/:id/reports/:year/approval',
    {
      schema: {
        tags,
        summary: '负责人审批年度报告（冻结报告内容）/ the 负责人 approve the report (freezes it)',
        description:
          "检查有错误时拒绝（REPORT_CHECK_FAILED），上年结转与上年已发布报告核对 / refused while the checker finds errors; 上年结转 is checked against last year's published report",
        params,
        security: secured,
        response: replies({ 200: publicationStateReply }),
      },
    },
    async (request) =>
      approveReport(platform, staffOf(request), request.params.id, Number(request.params.year)),
  );
  app.post<Route>(
    '/api/v1/agencies/:id/reports/:year/publication',
    {
      schema: {
        tags,
        summary: '发布已审批的年度报告 / publish the approved report',
        params,
        security: secured,
        response: replies({ 200: publicationStateReply }),
      },
    },
    async (request) =>
      publishReport(platform, staffOf(request), request.params.id, Number(request.params.year)),
  );
  app.get<Route>(
    '/api/v1/agencies/:id/reports/:year/subtree-status',
    {
      schema: {
        tags,
        summary: '下级机关年度报告发布情况与检查结果 / the agencies below: published, late, check errors',
        params,
        security: secured,
        response: replies({ 200: subtreeStatusReply }),
      },
    },
    async (request) => {
      const overview = await subtreeOverview(platform, staffOf(request), {
        agency: request.params.id,
        year: Number(request.params.year),
      });
      return {
        root: overview.root,
        year: overview.year,
        agencies: overview.rows.map((row) => ({
          id: row.agency.id,
          code: row.agency.code,
          name: row.agency.name,
          parentName: row.agency.parentName,
          publication: row.publication,
          errorCount: row.errorCount,
          warningCount: row.warningCount,
          caseCount: row.caseCount,
        })),
      };
    },
  );
  app.get<Route & { Querystring: { format?: string } }>(
    '/api/v1/public/agencies/:id/reports/:year/export',
    {
      config: { public: true, rateLimit: { max: PUBLIC_EXPORTS_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: '下载已发布的年度报告 / download a published annual report',
        description: 'format: docx | pdf | html | json',
        params,
        querystring: { type: 'object', properties: { format: { type: 'string' } } },
        response: {
          200: {
            description: '报告文件 / the report file',
            content: Object.fromEntries(
              [
                'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                'application/pdf',
                'text/html',
                'application/json',
              ].map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
          '4XX': replySchema(errorBody),
          '5XX': replySchema(errorBody),
        },
      },
    },
    async (request, reply) =>
      sendExport(
        reply,
        await exportPublishedReport(
          platform,
          request.params.id,
          Number(request.params.year),
          request.query.format ?? '',
        ),
        'public, max-age=300',
      ),
  );
}
