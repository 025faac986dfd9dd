/**
 * POST /api/v1/publishing/import: an existing catalogue (CSV/XLSX) with its attachments as a ZIP (issue 13 item 6).
 * Files travel in the JSON body as base64, like the other imports. Larger catalogues go through the CLI
 * (`gongkai publishing import`), which also reads attachments from a folder.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { Platform } from '../../services/platform/platform.js';
import { AttachmentExtractor } from '../../services/publishing/attachments/pool.js';
import { importCatalogue } from '../../services/publishing/import/import-catalogue.js';
import { staffOf } from '../auth.js';
import { docSchema, replies, secured } from '../openapi.js';
import { importFileBody, importFileBytes, IMPORT_FILE_MAX_BYTES } from './report-figures-import.js';

/** Largest attachments ZIP accepted over HTTP (decoded). */
export const IMPORT_ZIP_MAX_BYTES = 50 * 1024 * 1024;

const catalogueImportBody = z
  .object({
    agency: z
      .string()
      .max(100)
      .optional()
      .describe('表中没有“机关代码”列时的机关 / the agency when the table has none'),
    table: importFileBody.describe('目录（CSV 或 XLSX）/ the catalogue'),
    attachmentsZip: importFileBody.optional().describe('附件压缩包 / the attachments as a ZIP'),
  })
  .strict();

const reason = z.object({ field: z.string(), zh: z.string(), en: z.string() });
const catalogueImportReply = z.object({
  dryRun: z.boolean(),
  accepted: z.array(
    z.object({
      line: z.number().int(),
      indexNumber: z.string().nullable(),
      title: z.string(),
      attachments: z.number().int(),
      personalData: z.number().int(),
    }),
  ),
  refused: z.array(z.object({ line: z.number().int(), reasons: z.array(reason) })),
});

export function registerCatalogueImportRoutes(app: FastifyInstance, platform: Platform): void {
  let extractor: AttachmentExtractor | null = null;
  app.addHook('onClose', async () => {
    await extractor?.close();
  });
  app.post<{ Querystring: { dryRun?: string | boolean } }>(
    '/api/v1/publishing/import',
    {
      bodyLimit: Math.ceil(((IMPORT_FILE_MAX_BYTES + IMPORT_ZIP_MAX_BYTES) * 4) / 3) + 64 * 1024,
      schema: {
        tags: ['publishing'],
        summary: '导入原有公开目录及附件 / import an existing catalogue with its attachments',
        description:
          '每个有问题的行单独拒绝并列出全部原因；合格的行一起导入为已发布文件（事件 imported）；dryRun=true 只检查不保存。 / Each bad row is refused alone with every reason; good rows are imported together as published documents; dryRun=true stores nothing.',
        querystring: { type: 'object', properties: { dryRun: { type: 'boolean' } } },
        body: docSchema(catalogueImportBody),
        security: secured,
        response: replies({ 200: catalogueImportReply }),
      },
    },
    async (request) => {
      const body = catalogueImportBody.safeParse(request.body);
      if (!body.success) {
        throw new DomainError(
          'VALIDATION_FAILED',
          '请求须含 table（name 与 contentBase64），可选 attachmentsZip 与 agency',
          'the body needs table (name and contentBase64), optionally attachmentsZip and agency',
        );
      }
      const table = importFileBytes(body.data.table);
      const zip = body.data.attachmentsZip ? importFileBytes(body.data.attachmentsZip) : null;
      if (zip && zip.bytes.byteLength > IMPORT_ZIP_MAX_BYTES) {
        throw new DomainError(
          'UPLOAD_TOO_LARGE',
          `附件压缩包超过 ${IMPORT_ZIP_MAX_BYTES / 1024 / 1024} MB，请分批导入或使用命令行`,
          `the attachments ZIP is larger than ${IMPORT_ZIP_MAX_BYTES / 1024 / 1024} MB; import in parts or use the CLI`,
        );
      }
      extractor ??= new AttachmentExtractor({ workers: 1 });
      return importCatalogue(
        platform,
        staffOf(request),
        {
          table,
          attachments: zip ? { kind: 'zip', name: zip.name, bytes: zip.bytes } : { kind: 'none' },
          ...(body.data.agency ? { agency: body.data.agency } : {}),
          dryRun: String(request.query.dryRun) === 'true',
        },
        { extractor },
      );
    },
  );
}
