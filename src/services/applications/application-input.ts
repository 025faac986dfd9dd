/** Schemas of what people and integrations send about applications, validated once where it enters. */
import { z } from 'zod';
import { APPEAL_GROUPS } from '../../core/report/template.js';
import { deliveryMethods } from '../../core/applications/events.js';
import { OUTCOMES } from '../../core/applications/outcomes.js';
import {
  applicantTypes,
  channels,
  deliveryWays,
  formMedia,
  identityKinds,
} from '../../core/applications/record.js';
import { isResidentIdNumber, isUnifiedSocialCreditCode } from '../../core/identity.js';
import { isIsoDate } from '../../core/calendar/date.js';
import { limits } from '../../core/limits.js';
import { isStrongKey } from '../../core/input-rules.js';

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD / date must be YYYY-MM-DD')
  .refine(isIsoDate, '日期不存在（如 11 月 31 日） / no such day (such as 31 November)');
const name = z.string().trim().min(1).max(limits.nameMaxLength);
const text = z.string().trim().min(1).max(limits.textMaxLength);
const optional = (max: number = limits.textMaxLength) => z.string().trim().max(max).nullable().optional();

export const applicantInput = z
  .object({
    type: z.enum(applicantTypes),
    /** 姓名 or 名称. */
    name,
    identityKind: z.enum(identityKinds),
    identityNumber: z.string().trim().min(1).max(64),
    phone: optional(limits.nameMaxLength),
    email: z.string().trim().email().max(limits.nameMaxLength).nullable().optional(),
    address: optional(),
    contactPerson: optional(limits.nameMaxLength),
  })
  .strict()
  .superRefine((a, ctx) => {
    // 条例第二十九条第二款第一项: 身份证明 and 联系方式 are required.
    if (a.identityKind === 'residentId' && !isResidentIdNumber(a.identityNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: ['identityNumber'],
        message: '身份证号码无效（校验位不符，GB 11643） / invalid resident identity number (check digit)',
      });
    }
    if (a.identityKind === 'creditCode' && !isUnifiedSocialCreditCode(a.identityNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: ['identityNumber'],
        message: '统一社会信用代码无效（校验位不符，GB 32100） / invalid unified social credit code',
      });
    }
    if (a.type === 'naturalPerson' && a.identityKind === 'creditCode') {
      ctx.addIssue({
        code: 'custom',
        path: ['identityKind'],
        message: '自然人不使用统一社会信用代码 / a natural person has no credit code',
      });
    }
    if (a.type !== 'naturalPerson' && a.identityKind === 'residentId') {
      ctx.addIssue({
        code: 'custom',
        path: ['identityKind'],
        message: '法人或其他组织应提供统一社会信用代码或其他证明 / an organisation gives its credit code',
      });
    }
    if (!a.phone && !a.email && !a.address) {
      ctx.addIssue({
        code: 'custom',
        path: ['phone'],
        message: '须提供至少一种联系方式 / give at least one way to contact the applicant',
      });
    }
  });

export const requestInput = z
  .object({
    title: optional(),
    documentNumber: optional(limits.nameMaxLength),
    description: text,
  })
  .strict();

export const formInput = z
  .object({ medium: z.enum(formMedia), delivery: z.enum(deliveryWays), note: optional() })
  .strict();

/**
 * The public form (online channel). `idempotencyKey`: a random value the form carries (≥ 16 characters, not
 * guessable — see `isStrongKey`); it names this content only: the same key with other content is refused.
 */
export const publicApplicationInput = z
  .object({
    applicant: applicantInput,
    request: requestInput,
    form: formInput,
    idempotencyKey: z
      .string()
      .min(16, '表单编号至少 16 个字符 / the form key needs at least 16 characters')
      .max(200)
      .refine(
        isStrongKey,
        '表单编号过于简单，可能与他人重复；请使用随机生成的值（如 UUID） / the form key is too simple and could match someone else’s; use a random value such as a UUID',
      )
      .optional(),
  })
  .strict();
export type PublicApplicationInput = z.input<typeof publicApplicationInput>;

/** Staff intake: any channel; the submission time defaults to now (条例第三十一条). */
export const registerApplicationInput = publicApplicationInput
  .extend({
    /** Agency id or code. */
    agency: z.string().min(1),
    channel: z.enum(channels),
    submittedAt: z.iso
      .datetime({ offset: true })
      .refine(
        (t) => isIsoDate(t.slice(0, 10)),
        '日期不存在（如 11 月 31 日） / no such day (such as 31 November)',
      )
      .optional(),
  })
  .strict();
export type RegisterApplicationInput = z.input<typeof registerApplicationInput>;

const outcomeCodes = OUTCOMES.map((o) => o.code) as [string, ...string[]];

/** An event as staff record it; the `approver` of an extension is the principal, not an input. */
export const caseEventInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('receiptConfirmed'), date, how: z.enum(['signedFor', 'confirmed']) }).strict(),
  z.object({ type: z.literal('correctionRequested'), date, items: text, deadline: date }).strict(),
  z.object({ type: z.literal('correctionReceived'), date }).strict(),
  z.object({ type: z.literal('correctionLapsed'), date }).strict(),
  z
    .object({
      type: z.literal('consultationStarted'),
      date,
      consultationId: z.string().trim().min(1).max(64),
      party: z.enum(['thirdParty', 'agency']),
      name,
    })
    .strict(),
  z
    .object({
      type: z.literal('consultationAnswered'),
      date,
      consultationId: z.string().trim().min(1).max(64),
      opinion: text,
    })
    .strict(),
  z
    .object({ type: z.literal('consultationLapsed'), date, consultationId: z.string().trim().min(1).max(64) })
    .strict(),
  z
    .object({
      type: z.literal('extensionApproved'),
      date,
      workingDays: z.number().int().min(1).max(20),
      /** Only from the command line, where the operator names the 负责人 who signed. */
      approver: z.string().trim().min(1).max(limits.nameMaxLength).optional(),
    })
    .strict(),
  z.object({ type: z.literal('art35ReasonsRequested'), date }).strict(),
  z.object({ type: z.literal('art35DelaySet'), date, until: date }).strict(),
  z.object({ type: z.literal('art35Refused'), date, reason: text }).strict(),
  z.object({ type: z.literal('feeNoticeSent'), date, amountFen: z.number().int().positive() }).strict(),
  z.object({ type: z.literal('feePaid'), date }).strict(),
  z.object({ type: z.literal('feeLapsed'), date }).strict(),
  z
    .object({
      type: z.literal('answered'),
      date,
      outcome: z.enum(outcomeCodes),
      legalGround: text,
      severed: z.boolean().default(false),
    })
    .strict(),
  z.object({ type: z.literal('delivered'), date, method: z.enum(deliveryMethods) }).strict(),
  z.object({ type: z.literal('withdrawn'), date, reason: text }).strict(),
]);
export type CaseEventInput = z.input<typeof caseEventInput>;

const appealKinds = APPEAL_GROUPS.map((g) => g.key) as [string, ...string[]];
const appealResult = z.enum(['upheld', 'corrected', 'other']);

export const recordAppealInput = z
  .object({
    kind: z.enum(appealKinds),
    filedOn: date,
    result: appealResult.nullable().optional(),
    decidedOn: date.nullable().optional(),
    caseNumber: optional(limits.nameMaxLength),
    note: optional(),
  })
  .strict();
export type RecordAppealInput = z.input<typeof recordAppealInput>;

export const decideAppealInput = z
  .object({ result: appealResult.nullable(), decidedOn: date.nullable(), note: optional() })
  .strict();
export type DecideAppealInput = z.input<typeof decideAppealInput>;

const count = z.number().int().min(0);
const stock = z.object({ issued: count, repealed: count, inForce: count }).strict();

/** Table 二 (第二十条 items) as staff enter it; the fee in 万元 as a decimal with up to four places. */
export const proactiveFiguresInput = z
  .object({
    regulations: stock,
    normativeDocuments: stock,
    licensing: count,
    penalty: count,
    enforcement: count,
    feesTenThousandYuan: z
      .string()
      .regex(/^\d{1,9}(\.\d{1,4})?$/, '金额（万元）如 12.5 / an amount such as 12.5'),
  })
  .strict();
export type ProactiveFiguresInput = z.input<typeof proactiveFiguresInput>;
