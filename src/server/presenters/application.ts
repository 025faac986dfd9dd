import type { AppealRecord, ApplicationRecord } from '../../core/applications/record.js';
import { applicantTypeLabels } from '../../core/applications/record.js';
import { caseEventLabels } from '../../core/applications/events.js';
import { outcomeOf } from '../../core/applications/outcomes.js';
import { caseStatusLabels } from '../../core/applications/state-machine.js';
import { renderTrace } from '../../core/clock/trace.js';
import type { ApplicationListItem } from '../../services/applications/list-applications.js';
import type { ApplicationView } from '../../services/applications/get-application.js';
import type { PublicStatus } from '../../services/applications/get-public-status.js';
import type { RegisteredApplication } from '../../services/applications/register-application.js';
import type { z } from 'zod';
import type {
  appealReply,
  applicationListItemReply,
  applicationRecordReply,
  applicationViewReply,
  registeredReply,
} from '../schemas/applications.js';
import type { publicReceiptReply, publicStatusReply } from '../schemas/platform.js';

const outcomeLabel = (code: ApplicationRecord['outcome']) =>
  code === null ? null : outcomeOf(code).row.displayName;

/** A case for staff of its agency (scoped by the service): includes the applicant's data, which they handle. */
export function presentApplication(r: ApplicationRecord): z.output<typeof applicationRecordReply> {
  return {
    ...r,
    applicantTypeLabel: applicantTypeLabels[r.applicant.type],
    statusLabel: caseStatusLabels[r.status],
    outcomeLabel: outcomeLabel(r.outcome),
  };
}

export function presentAppeal(a: AppealRecord): z.output<typeof appealReply> {
  return a;
}

/** The full case view: record, history with labels, state, clock (with its readable trace), appeals. */
export function presentApplicationView(v: ApplicationView): z.output<typeof applicationViewReply> {
  return {
    application: presentApplication(v.record),
    agency: v.agency,
    state: { ...v.state, statusLabel: caseStatusLabels[v.state.status] },
    events: v.events.map((e) => ({
      seq: e.seq,
      ...e.event,
      label: caseEventLabels[e.event.type],
      actor: e.actor,
      recordedAt: e.recordedAt,
    })),
    clock: {
      status: v.clock.status,
      receivedOn: v.clock.receivedOn,
      clockStart: v.clock.clockStart,
      correctionNoticeDue: v.clock.correctionNoticeDue,
      baseDue: v.clock.baseDue,
      extension: v.clock.extension,
      due: v.clock.due,
      provisional: v.clock.provisional,
      daysLeft: v.daysLeft,
      overdue: v.overdue,
      consultations: v.clock.consultations,
      feePaymentDue: v.clock.feePaymentDue,
      warnings: v.clock.warnings,
      trace: renderTrace(v.clock.trace, 'zh'),
      traceEn: renderTrace(v.clock.trace, 'en'),
    },
    appeals: v.appeals.map(presentAppeal),
    applicantMonthCount: v.applicantMonthCount,
    answerDocument: v.answerDocument,
  };
}

export function presentListItem(item: ApplicationListItem): z.output<typeof applicationListItemReply> {
  const r = item.record;
  return {
    id: r.id,
    trackingNumber: r.trackingNumber,
    agencyId: r.agencyId,
    applicantType: r.applicant.type,
    applicantName: r.applicant.name,
    requestTitle: r.request.title,
    channel: r.channel,
    status: r.status,
    statusLabel: caseStatusLabels[r.status],
    outcome: r.outcome,
    registeredOn: r.registeredOn,
    receivedOn: r.receivedOn,
    dueOn: r.dueOn,
    closedOn: r.closedOn,
    daysLeft: item.daysLeft,
    provisional: item.provisional,
    duplicateOf: r.duplicateOf,
  };
}

export function presentRegistered(result: RegisteredApplication): z.output<typeof registeredReply> {
  return {
    application: presentApplication(result.record),
    queryCode: result.queryCode,
    replayed: result.replayed,
    applicantMonthCount: result.applicantMonthCount,
  };
}

/** What the applicant's browser receives after submitting: no personal data echoed back. */
export function presentPublicReceipt(result: RegisteredApplication): z.output<typeof publicReceiptReply> {
  return {
    trackingNumber: result.record.trackingNumber,
    queryCode: result.queryCode,
    replayed: result.replayed,
    status: result.record.status,
    statusLabel: caseStatusLabels[result.record.status],
    registeredOn: result.record.registeredOn,
  };
}

/** The public status page: the process only (no name, identity number, phone or request text). */
export function presentPublicStatus(s: PublicStatus): z.output<typeof publicStatusReply> {
  return {
    trackingNumber: s.trackingNumber,
    agencyName: s.agencyName,
    status: s.status,
    statusLabel: caseStatusLabels[s.status],
    registeredOn: s.registeredOn,
    receivedOn: s.receivedOn,
    dueOn: s.dueOn,
    closedOn: s.closedOn,
    outcome: s.outcome,
    outcomeLabel: outcomeLabel(s.outcome),
    history: s.history.map((h) => ({ ...h, label: caseEventLabels[h.type as keyof typeof caseEventLabels] })),
  };
}
