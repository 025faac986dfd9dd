/** What the application routes send (OpenAPI response schemas; the presenters return these types). */
import { z } from 'zod';
import { caseEventTypes, deliveryMethods } from '../../core/applications/events.js';
import { OUTCOMES, type OutcomeCode } from '../../core/applications/outcomes.js';
import {
  applicantTypes,
  channels,
  deliveryWays,
  formMedia,
  identityKinds,
} from '../../core/applications/record.js';
import { caseStatusLabels, type CaseStatus } from '../../core/applications/state-machine.js';
import { APPEAL_GROUPS } from '../../core/report/template.js';

const date = z.string().describe('YYYY-MM-DD');
const label = z.object({ zh: z.string(), en: z.string() });
export const outcomeCode = z.enum(OUTCOMES.map((o) => o.code) as [OutcomeCode, ...OutcomeCode[]]);
export const caseStatus = z.enum(Object.keys(caseStatusLabels) as [CaseStatus, ...CaseStatus[]]);
const appealKind = z.enum(APPEAL_GROUPS.map((g) => g.key) as [string, ...string[]]);
const appealResult = z.enum(['upheld', 'corrected', 'other']);

export const applicationRecordReply = z.object({
  id: z.string(),
  agencyId: z.string(),
  trackingNumber: z.string(),
  applicant: z.object({
    type: z.enum(applicantTypes),
    name: z.string(),
    identityKind: z.enum(identityKinds).nullable(),
    identityNumber: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    contactPerson: z.string().nullable(),
  }),
  request: z.object({
    title: z.string().nullable(),
    documentNumber: z.string().nullable(),
    description: z.string(),
  }),
  form: z.object({
    medium: z.enum(formMedia),
    delivery: z.enum(deliveryWays),
    note: z.string().nullable(),
  }),
  channel: z.enum(channels),
  submittedAt: z.string(),
  duplicateOf: z
    .object({ id: z.string(), trackingNumber: z.string(), similarityPercent: z.number() })
    .nullable(),
  status: caseStatus,
  outcome: outcomeCode.nullable(),
  registeredOn: date,
  receivedOn: date.nullable(),
  closedOn: date.nullable(),
  dueOn: date.nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  applicantTypeLabel: z.string(),
  statusLabel: label,
  outcomeLabel: z.string().nullable(),
});

export const appealReply = z.object({
  id: z.string(),
  applicationId: z.string(),
  agencyId: z.string(),
  kind: appealKind,
  filedOn: date,
  result: appealResult.nullable(),
  decidedOn: date.nullable(),
  caseNumber: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One event of the history as recorded, with its label; the fields after `date` depend on the type. */
export const caseEventReply = z.object({
  seq: z.number().int(),
  type: z.enum(caseEventTypes as [string, ...string[]]),
  date,
  label,
  actor: z.string(),
  recordedAt: z.string(),
  channel: z.enum(channels).optional(),
  how: z.enum(['signedFor', 'confirmed']).optional(),
  items: z.string().optional(),
  deadline: date.optional(),
  consultationId: z.string().optional(),
  party: z.enum(['thirdParty', 'agency']).optional(),
  name: z.string().optional(),
  opinion: z.string().optional(),
  approver: z.string().optional(),
  workingDays: z.number().int().optional(),
  until: date.optional(),
  reason: z.string().optional(),
  amountFen: z.number().int().optional(),
  outcome: outcomeCode.optional(),
  legalGround: z.string().optional(),
  severed: z.boolean().optional(),
  method: z.enum(deliveryMethods).optional(),
});

const traceEntry = z.object({
  kind: z.string(),
  from: date.optional(),
  to: date.nullable().optional(),
  text: z.string().describe('这一步的说明 / the step in words'),
});

export const clockReply = z.object({
  status: z.enum(['notStarted', 'awaitingCorrection', 'running', 'paused']),
  receivedOn: date.nullable(),
  clockStart: date.nullable(),
  correctionNoticeDue: date.nullable(),
  baseDue: date.nullable(),
  extension: z.object({ approver: z.string(), workingDays: z.number().int(), approvedOn: date }).nullable(),
  due: date.nullable(),
  provisional: z.boolean(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
  consultations: z.array(
    z.object({
      party: z.enum(['thirdParty', 'agency']),
      startedOn: date,
      endedOn: date.nullable(),
      replyDue: date.nullable(),
    }),
  ),
  feePaymentDue: date.nullable(),
  warnings: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })),
  trace: z.array(traceEntry).describe('期限的计算过程（中文） / how the due date was reached, in Chinese'),
  traceEn: z.array(traceEntry),
});

export const caseStateReply = z.object({
  status: caseStatus,
  statusLabel: label,
  channel: z.enum(channels),
  registeredOn: date,
  receivedOn: date.nullable(),
  correction: z.enum(['none', 'requested', 'received', 'lapsed']),
  openConsultations: z.array(z.object({ id: z.string(), party: z.enum(['thirdParty', 'agency']) })),
  consultationIds: z.array(z.string()),
  extended: z.boolean(),
  art35: z.enum(['none', 'reasonsRequested', 'delaySet', 'refused']),
  fee: z.enum(['none', 'noticeSent', 'paid', 'lapsed']),
  outcome: outcomeCode.nullable(),
  severed: z.boolean(),
  legalGround: z.string().nullable(),
  closedOn: date.nullable(),
  deliveredOn: date.nullable(),
  withdrawn: z.boolean(),
  lastDate: date,
});

export const applicationViewReply = z.object({
  application: applicationRecordReply,
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  state: caseStateReply,
  events: z.array(caseEventReply),
  clock: clockReply,
  appeals: z.array(appealReply),
  applicantMonthCount: z
    .number()
    .int()
    .describe('申请人当月在本机关的申请数 / the applicant’s applications at the agency that month'),
  answerDocument: z.object({ documentNumber: z.string(), datedOn: date, issuedAt: z.string() }).nullable(),
});

export const applicationListItemReply = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  agencyId: z.string(),
  applicantType: z.enum(applicantTypes),
  applicantName: z.string(),
  requestTitle: z.string().nullable(),
  channel: z.enum(channels),
  status: caseStatus,
  statusLabel: label,
  outcome: outcomeCode.nullable(),
  registeredOn: date,
  receivedOn: date.nullable(),
  dueOn: date.nullable(),
  closedOn: date.nullable(),
  daysLeft: z.number().int().nullable(),
  provisional: z.boolean(),
  duplicateOf: z
    .object({ id: z.string(), trackingNumber: z.string(), similarityPercent: z.number() })
    .nullable(),
});

export const registeredReply = z.object({
  application: applicationRecordReply,
  queryCode: z.string().nullable(),
  replayed: z.boolean(),
  applicantMonthCount: z.number().int(),
});
