/**
 * The annual report model `gongkai.annual-report/v1` (REPORT-JSON.md), as a runtime schema and its types.
 *
 * The schema checks shape only: a count that is negative or fractional is well-formed and is reported by the
 * checker (rule `non-negative`), never rejected here. Unknown keys are kept: the contract grows only by
 * adding optional keys, and a consumer ignores keys it does not know.
 */
import { z } from 'zod';

export const REPORT_SCHEMA_ID = 'gongkai.annual-report/v1';

/** A number exactly as printed, or null when the report leaves the cell blank or it cannot be read. */
const cell = z.number().nullable().describe('A number as printed, or null when blank or unreadable');

/** A row of table 三: [自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]. */
const row = z
  .tuple([cell, cell, cell, cell, cell, cell, cell])
  .describe('[自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计]');

const stock = z.looseObject({
  issued: cell.describe('本年制发件数'),
  repealed: cell.describe('本年废止件数'),
  inForce: cell.describe('现行有效件数'),
});

const appealGroup = z.looseObject({
  upheld: cell.describe('结果维持'),
  corrected: cell.describe('结果纠正'),
  other: cell.describe('其他结果'),
  pending: cell.describe('尚未审结'),
  total: cell.describe('总计'),
});

/** Where a value was read: a line and column of text, or a page and position of a PDF. */
const location = z.looseObject({
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  page: z.number().int().optional(),
  x: z.number().optional(),
  y: z.number().optional(),
  text: z.string().optional(),
});

/** Something a reader was unsure of. */
const doubt = z.looseObject({
  kind: z.string(),
  path: z.string().optional(),
  message: z.string(),
  messageEn: z.string().optional(),
});

export const annualReportSchema = z
  .looseObject({
    schema: z.literal(REPORT_SCHEMA_ID),
    agency: z.string().nullable().describe('发布机关 as printed in the title; null if not found'),
    year: z
      .number()
      .int()
      .nullable()
      .describe('The reported year (not the publication year); null if not found'),
    template: z.enum(['2021', '2019']).describe('"2021" (国办公开办函〔2021〕30号) or "2019" (2019 试行)'),
    proactive: z
      .looseObject({
        regulations: stock.describe('规章'),
        normativeDocuments: stock.describe('行政规范性文件'),
        licensing: cell.describe('第二十条第（五）项 行政许可 本年处理决定数量'),
        penalty: cell.describe('第二十条第（六）项 行政处罚'),
        enforcement: cell.describe('第二十条第（六）项 行政强制'),
        feesTenThousandYuan: cell.describe(
          '第二十条第（八）项 行政事业性收费 本年收费金额（万元）, a decimal',
        ),
      })
      .describe('二、主动公开政府信息情况'),
    applications: z
      .looseObject({
        newReceived: row.describe('一、本年新收政府信息公开申请数量'),
        carriedOver: row.describe('二、上年结转政府信息公开申请数量'),
        disclosed: row.describe('三（一）予以公开'),
        partiallyDisclosed: row.describe('三（二）部分公开'),
        withheld: z.looseObject({
          stateSecret: row,
          prohibitedByLaw: row,
          securityStability: row,
          thirdPartyRights: row,
          internalAffairs: row,
          processInformation: row,
          enforcementFiles: row,
          administrativeQuery: row,
        }),
        unableToProvide: z.looseObject({ notHeld: row, needsCreation: row, unclearAfterCorrection: row }),
        notProcessed: z.looseObject({
          complaint: row,
          duplicate: row,
          publication: row,
          excessive: row,
          confirmation: row,
        }),
        otherProcessing: z.looseObject({
          correctionOverdue: row.nullable().describe('null when the report prints （六） as a single row'),
          feeUnpaid: row.nullable().describe('null when the report prints （六） as a single row'),
          other: row,
        }),
        totalProcessed: row.describe('三（七）总计'),
        carriedForward: row.describe('四、结转下年度继续办理'),
      })
      .describe('三、收到和处理政府信息公开申请情况'),
    appeals: z
      .looseObject({
        reconsideration: appealGroup.describe('行政复议'),
        litigationDirect: appealGroup.describe('行政诉讼 未经复议直接起诉'),
        litigationAfterReconsideration: appealGroup.describe('行政诉讼 复议后起诉'),
      })
      .describe('四、政府信息公开行政复议、行政诉讼情况'),
    // Optional keys (extensions allowed by the contract).
    formatMarkers: z
      .array(z.string())
      .optional()
      .describe('Labels of the 2019 试行 format seen in the document (e.g. 本年新制作数量)'),
    sections: z
      .array(
        z.looseObject({
          number: z.string().describe('一 … 六'),
          title: z.string(),
          text: z
            .string()
            .optional()
            .describe(
              "The section's narrative text (plain text, paragraphs separated by newlines), without its tables",
            ),
        }),
      )
      .optional()
      .describe('The sections found (or written), in document order, with their narrative text when known'),
    provenance: z
      .record(z.string(), location)
      .optional()
      .describe('Where each value was read, by its path (e.g. applications.newReceived[6])'),
    doubts: z.array(doubt).optional().describe('What the reader was unsure of'),
  })
  .describe('政府信息公开工作年度报告 (gongkai.annual-report/v1)');

/** An annual report in the `gongkai.annual-report/v1` contract. */
export type AnnualReport = z.infer<typeof annualReportSchema>;
/** A row of table 三 (7 cells). */
export type ApplicationRowCells = z.infer<typeof row>;
/** Where a value was read. */
export type SourceLocation = z.infer<typeof location>;
/** Something a reader was unsure of. */
export type ReaderDoubt = z.infer<typeof doubt>;

/** The outcome of parsing unknown input as a report: the report, or the problems with their paths. */
export type ParseReportResult =
  | { ok: true; report: AnnualReport }
  | { ok: false; issues: { path: string; message: string; messageEn: string }[] };

/** Formats a schema issue path as it appears in finding paths: `applications.withheld.stateSecret[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(根)' : out;
}

function describeIssue(issue: z.core.$ZodIssue): { message: string; messageEn: string } {
  switch (issue.code) {
    case 'invalid_type':
      return {
        message: `类型错误：应为 ${issue.expected}`,
        messageEn: `wrong type: expected ${issue.expected}`,
      };
    case 'invalid_value':
      return {
        message: `取值无效：应为 ${issue.values.map((v) => JSON.stringify(v)).join(' 或 ')}`,
        messageEn: `invalid value: expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`,
      };
    case 'too_small':
    case 'too_big':
      return { message: `长度或数值超出范围：${issue.message}`, messageEn: issue.message };
    default:
      return { message: `格式错误：${issue.message}`, messageEn: issue.message };
  }
}

/** Validates unknown input against the contract; never throws. */
export function parseReport(input: unknown): ParseReportResult {
  const result = annualReportSchema.safeParse(input);
  if (result.success) return { ok: true, report: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: formatPath(issue.path), ...describeIssue(issue) })),
  };
}
