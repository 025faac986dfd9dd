import type { FastifyInstance } from 'fastify';
import {
  proactiveFiguresInput,
  type ProactiveFiguresInput,
} from '../../services/applications/application-input.js';
import { compileAnnualReport, explainCell } from '../../services/reports/compile-annual-report.js';
import {
  CONTENT_TYPES,
  EXPORT_FORMATS,
  exportAnnualReport,
} from '../../services/reports/export/export-annual-report.js';
import type { Platform } from '../../services/platform/platform.js';
import { closePdfPrinter } from '../../services/reports/export/pdf-printer.js';
import { setReportFigures } from '../../services/reports/set-report-figures.js';
import { staffOf } from '../auth.js';
import { docSchema, errorBody, replies, replySchema, secured } from '../openapi.js';
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
  // The PDF export keeps a browser process warm; it ends with the server.
  app.addHook('onClose', async () => closePdfPrinter());
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
  app.get<{ Params: { id: string; year: string }; Querystring: { format?: string; subtree?: string } }>(
    '/api/v1/agencies/:id/reports/:year/export',
    {
      schema: {
        tags,
        summary: '导出年度报告（DOCX、PDF、XLSX、HTML、JSON） / export the annual report',
        description:
          'format: docx | pdf | xlsx | html | json. subtree=true: XLSX 为每个下级机关一行的汇总表（含检查结果与发布状态），其他格式为合并报告 / ' +
          'with subtree=true, XLSX is the supervisor workbook (one row per agency, its findings and publication status); other formats the combined report. ' +
          '文件名为中文报告标题（RFC 5987 filename*）/ the file is named after the Chinese title (RFC 5987 filename*).',
        params,
        querystring: {
          type: 'object',
          properties: {
            format: { type: 'string', description: EXPORT_FORMATS.join(' | ') },
            subtree: { type: 'boolean' },
          },
        },
        security: secured,
        response: {
          200: {
            description: '报告文件 / the report file',
            content: Object.fromEntries(
              EXPORT_FORMATS.map((f) => [
                CONTENT_TYPES[f].split(';')[0],
                { schema: { type: 'string', format: 'binary' } },
              ]),
            ),
          },
          '4XX': replySchema(errorBody),
          '5XX': replySchema(errorBody),
        },
      },
    },
    async (request, reply) => {
      const file = await exportAnnualReport(platform, staffOf(request), {
        agency: request.params.id,
        year: Number(request.params.year),
        format: request.query.format ?? '',
        subtree: request.query.subtree === 'true',
      });
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(file.bytes));
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
