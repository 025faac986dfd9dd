/** What the audit, health and public routes send (OpenAPI response schemas). */
import { z } from 'zod';
import { caseStatus, outcomeCode } from './applications.js';

export const auditEntryReply = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actor: z.string(),
  source: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  agencyId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditVerificationReply = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  lastHash: z.string().optional(),
  brokenSeq: z.number().int().optional(),
  reason: z.enum(['sequence', 'link', 'hash']).optional(),
});

export const healthReply = z.object({ status: z.literal('ok') });

const label = z.object({ zh: z.string(), en: z.string() });

export const publicReceiptReply = z.object({
  trackingNumber: z.string(),
  queryCode: z.string().nullable(),
  replayed: z.boolean(),
  status: caseStatus,
  statusLabel: label,
  registeredOn: z.string(),
});

export const publicStatusReply = z.object({
  trackingNumber: z.string(),
  agencyName: z.string(),
  status: caseStatus,
  statusLabel: label,
  registeredOn: z.string(),
  receivedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  outcome: outcomeCode.nullable(),
  outcomeLabel: z.string().nullable(),
  history: z.array(z.object({ type: z.string(), date: z.string(), label })),
});
