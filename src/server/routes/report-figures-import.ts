/**
 * POST /api/v1/reports/figures/import: table 二's entered figures from a CSV or XLSX file (issue 13 item 5). The
 * file travels in the JSON body as base64 (the console reads it with FileReader), so the API keeps one body type.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import type { Platform } from '../../services/platform/platform.js';
import { importReportFigures } from '../../services/reports/import-report-figures.js';
import { staffOf } from '../auth.js';
import { docSchema, replies, secured } from '../openapi.js';

/** Largest import file (decoded): 20 MB, so about 27 MB of base64 in the body. */
export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;

export const importFileBody = z
  .object({
    name: z.string().min(1).max(200).describe('文件名 / file name (for messages), e.g. 表二.xlsx'),
    contentBase64: z.string().describe('文件内容（base64）/ the file, base64'),
  })
  .strict();

const reason = z.object({ zh: z.string(), en: z.string() });
export const figuresImportReply = z.object({
  dryRun: z.boolean(),
  accepted: z.array(z.object({ line: z.number().int(), agency: z.string(), year: z.number().int() })),
  refused: z.array(z.object({ line: z.number().int(), reasons: z.array(reason) })),
});

/** The bytes of an import body, or VALIDATION_FAILED. */
export function importFileBytes(body: unknown): { name: string; bytes: Uint8Array } {
  const parsed = importFileBody.safeParse(body);
  if (!parsed.success || !/^[A-Za-z0-9+/=\s]*$/.test(parsed.data.contentBase64)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      '请求须含文件名 name 和 base64 编码的文件内容 contentBase64',
      'the body needs the file name (name) and the file as base64 (contentBase64)',
    );
  }
  const bytes = new Uint8Array(Buffer.from(parsed.data.contentBase64, 'base64'));
  if (bytes.byteLength > IMPORT_FILE_MAX_BYTES) {
    throw new DomainError(
      'UPLOAD_TOO_LARGE',
      `文件超过 ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB，请分批导入`,
      `the file is larger than ${IMPORT_FILE_MAX_BYTES / 1024 / 1024} MB; import in parts`,
    );
  }
  return { name: parsed.data.name, bytes };
}

export function registerReportFiguresImportRoutes(app: FastifyInstance, platform: Platform): void {
  app.post<{ Querystring: { dryRun?: string | boolean } }>(
    '/api/v1/reports/figures/import',
    {
      bodyLimit: Math.ceil((IMPORT_FILE_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags: ['reports'],
        summary: '从 CSV 或 XLSX 导入表二填报数 / import table 二 figures from CSV or XLSX',
        description:
          '表头：机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）。每个有问题的行单独拒绝并说明原因；dryRun=true 只列出不保存。 / Each bad row is refused alone with its reasons; dryRun=true stores nothing.',
        querystring: { type: 'object', properties: { dryRun: { type: 'boolean' } } },
        body: docSchema(importFileBody),
        security: secured,
        response: replies({ 200: figuresImportReply }),
      },
    },
    async (request) => {
      const file = importFileBytes(request.body);
      return importReportFigures(platform, staffOf(request), {
        ...file,
        dryRun: request.query.dryRun === 'true',
      });
    },
  );
}
