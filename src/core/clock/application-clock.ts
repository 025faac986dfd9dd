import type { WorkingCalendar } from '../calendar/calendar.js';
import { addDays, compareDates, type IsoDate } from '../calendar/date.js';
import { DomainError } from '../errors.js';
import { CHANNEL_LABEL, receiptDate, type Channel, type ClockEvent, type ClockPolicy } from './events.js';
import type { ClockWarning, TraceEntry } from './trace.js';
import {
  addWorkingDays,
  missingYearWarning,
  workingDaysLeft,
  type Deadline,
  type Pause,
} from './working-days.js';

export { receiptDate, type Channel, type ClockEvent, type ClockPolicy } from './events.js';

/** A consultation under 条例第三十二条/第三十四条 and the consulted party's 15-working-day reply date. */
export interface Consultation {
  party: 'thirdParty' | 'agency';
  startedOn: IsoDate;
  endedOn: IsoDate | null;
  replyDue: IsoDate | null;
}

/** Where a case stands on the clock, with every deadline it has. */
export interface ApplicationClock {
  status: 'notStarted' | 'awaitingCorrection' | 'running' | 'paused';
  channel: Channel | null;
  receivedOn: IsoDate | null;
  /** 条例第三十条: the 补正 notice is due 7 working days after receipt. */
  correctionNoticeDue: IsoDate | null;
  /** The day the answer period counts from: receipt, or the corrected application's arrival. */
  clockStart: IsoDate | null;
  /** 20 working days plus pauses (条例第三十三条第二款、第三款). */
  baseDue: IsoDate | null;
  extension: { approver: string; workingDays: number; approvedOn: IsoDate } | null;
  /** The answer due date after extension and any Art 35 delay; null while not started or paused. */
  due: IsoDate | null;
  provisional: boolean;
  warnings: ClockWarning[];
  trace: TraceEntry[];
  consultations: Consultation[];
  feePaymentDue: IsoDate | null;
}

/** The answer clock of one application, computed from its events (条例第三十条至第三十五条). */
export function computeApplicationClock(
  calendar: WorkingCalendar,
  history: readonly ClockEvent[],
  policy: ClockPolicy = {},
): ApplicationClock {
  const events = [...history].sort((a, b) => compareDates(a.date, b.date));
  const count = { startDayCounts: policy.startDayCounts ?? false };
  const warnings: ClockWarning[] = [];
  const trace: TraceEntry[] = [];
  const missing = new Set<number>();
  const note = (d: Deadline) => d.missingYears.forEach((y) => missing.add(y));
  const { channel, date: receivedOn } = receiptDate(events);
  const result: ApplicationClock = {
    status: 'notStarted',
    channel,
    receivedOn,
    correctionNoticeDue: null,
    clockStart: null,
    baseDue: null,
    extension: null,
    due: null,
    provisional: false,
    warnings,
    trace,
    consultations: [],
    feePaymentDue: null,
  };
  if (channel === null || receivedOn === null) {
    warnings.push({
      code: 'RECEIPT_NOT_CONFIRMED',
      zh: '尚未确定收到申请之日（需签收或确认），期限尚未起算',
      en: 'the receipt date is not yet fixed (signature or confirmation needed); no clock is running',
    });
    return result;
  }
  trace.push({
    kind: 'note',
    date: receivedOn,
    label: { zh: `收到申请：${CHANNEL_LABEL[channel].zh}`, en: `received ${CHANNEL_LABEL[channel].en}` },
  });

  // 条例第三十条: 补正 must be requested once, within 7 working days of receipt.
  const correctionDeadline = addWorkingDays(calendar, receivedOn, 7, count);
  note(correctionDeadline);
  result.correctionNoticeDue = correctionDeadline.due;
  const requests = events.filter((e) => e.type === 'correctionRequested');
  if (requests.length > 1) {
    warnings.push({
      code: 'CORRECTION_REQUESTED_TWICE',
      zh: '补正应一次性告知（条例第三十条），本案补正通知不止一次',
      en: 'a correction must be requested once (Art. 30); this case has more than one request',
    });
  }
  const firstRequest = requests[0];
  if (firstRequest && correctionDeadline.due && compareDates(firstRequest.date, correctionDeadline.due) > 0) {
    warnings.push({
      code: 'CORRECTION_NOTICE_LATE',
      zh: `补正通知晚于 ${correctionDeadline.due}（收到申请后第 7 个工作日）`,
      en: `the correction notice came after ${correctionDeadline.due} (7 working days after receipt)`,
    });
  }

  let clockStart: IsoDate = receivedOn;
  const lastRequest = requests.at(-1);
  if (lastRequest) {
    const corrected = events.find(
      (e) => e.type === 'correctionReceived' && compareDates(e.date, lastRequest.date) >= 0,
    );
    if (!corrected) {
      result.status = 'awaitingCorrection';
      trace.push({
        kind: 'note',
        date: lastRequest.date,
        label: {
          zh: '告知补正；答复期限自收到补正的申请之日起重新计算（条例第三十条）',
          en: 'correction requested; the answer period restarts when the corrected application arrives (Art. 30)',
        },
      });
      return finish(result, missing);
    }
    clockStart = corrected.date;
    trace.push({
      kind: 'note',
      date: clockStart,
      label: {
        zh: '收到补正的申请，答复期限自此重新计算（条例第三十条）',
        en: 'corrected application received; the answer period restarts from this day (Art. 30)',
      },
    });
  }
  result.clockStart = clockStart;

  const pauses = consultationPauses(calendar, events, result, count);
  const feeNotice = events.find((e) => e.type === 'feeNoticeReceived');
  if (feeNotice) {
    // 四川 notice (DOMAIN.md §3.4): pay within 20 working days from the day after the notice is received.
    const payment = addWorkingDays(calendar, feeNotice.date, 20, { startDayCounts: false });
    note(payment);
    result.feePaymentDue = payment.due;
    if (policy.feePausesClock) {
      const paid = events.find((e) => e.type === 'feePaid' && compareDates(e.date, feeNotice.date) >= 0);
      pauses.push({
        from: addDays(feeNotice.date, 1),
        to: paid?.date ?? null,
        label: {
          zh: '缴纳信息处理费期间（本部署设定为暂停答复期限）',
          en: 'fee payment period (this deployment pauses the answer clock)',
        },
      });
    }
  }

  const base = addWorkingDays(calendar, clockStart, 20, {
    ...count,
    pauses,
    label: { zh: '答复期限（条例第三十三条第二款）', en: 'answer period (Art. 33(2))' },
  });
  note(base);
  result.baseDue = base.due;
  let final = base;

  const extensions = events.filter((e) => e.type === 'extensionApproved');
  const extension = extensions[0];
  if (extension) {
    checkExtension(extensions);
    result.extension = {
      approver: extension.approver,
      workingDays: extension.workingDays,
      approvedOn: extension.date,
    };
    if (base.due && compareDates(extension.date, base.due) > 0) {
      warnings.push({
        code: 'EXTENSION_AFTER_DUE',
        zh: `延期批准日 ${extension.date} 晚于原答复期限 ${base.due}`,
        en: `the extension was approved on ${extension.date}, after the answer deadline ${base.due}`,
      });
    }
    final = addWorkingDays(calendar, clockStart, 20 + extension.workingDays, {
      ...count,
      pauses,
      label: {
        zh: `答复期限（20 个工作日，经${extension.approver}同意延长 ${extension.workingDays} 个工作日，条例第三十三条第二款）`,
        en: `answer period (20 working days, extended by ${extension.workingDays} with the approval of ${extension.approver}, Art. 33(2))`,
      },
    });
    note(final);
    if (base.due) {
      trace.push({
        kind: 'note',
        date: base.due,
        label: {
          zh: '为原定答复期限（20 个工作日）届满日；以下按延长后的期限计算',
          en: 'was the original 20-working-day deadline; the count below includes the extension',
        },
      });
    }
  }
  trace.push(...final.trace);
  result.due = final.due;
  result.status = final.due === null ? 'paused' : 'running';

  const delay = events.filter((e) => e.type === 'art35Delay').at(-1);
  if (delay && result.due && compareDates(delay.until, result.due) > 0) {
    result.due = delay.until;
    trace.push({
      kind: 'note',
      date: delay.date,
      label: {
        zh: `行政机关确定延迟答复的合理期限至 ${delay.until}（条例第三十五条）`,
        en: `the agency set a reasonable delayed answer date of ${delay.until} (Art. 35)`,
      },
    });
  } else if (delay && result.due) {
    warnings.push({
      code: 'ART35_DELAY_NOT_LATER',
      zh: `延迟答复日期 ${delay.until} 不晚于法定期限，不予采用`,
      en: `the Art. 35 date ${delay.until} is not later than the statutory deadline and is ignored`,
    });
  }
  return finish(result, missing);
}

function finish(result: ApplicationClock, missing: Set<number>): ApplicationClock {
  if (missing.size > 0) {
    result.provisional = true;
    result.warnings.unshift(missingYearWarning([...missing].sort((a, b) => a - b)));
  }
  return result;
}

function checkExtension(extensions: readonly Extract<ClockEvent, { type: 'extensionApproved' }>[]): void {
  // 条例第三十三条第二款: one extension, at most 20 working days, approved by the 工作机构负责人.
  if (extensions.length > 1) {
    throw new DomainError(
      'EXTENSION_ALREADY_GRANTED',
      '答复期限只能延长一次（条例第三十三条第二款）',
      'the answer period may be extended only once (Art. 33(2))',
    );
  }
  const ext = extensions[0];
  if (!ext) return;
  if (!Number.isInteger(ext.workingDays) || ext.workingDays < 1 || ext.workingDays > 20) {
    throw new DomainError(
      'EXTENSION_TOO_LONG',
      `延长的期限应为 1 至 20 个工作日（条例第三十三条第二款）：${ext.workingDays}`,
      `an extension must be 1 to 20 working days (Art. 33(2)): ${ext.workingDays}`,
    );
  }
  if (ext.approver.trim() === '') {
    throw new DomainError(
      'EXTENSION_APPROVER_MISSING',
      '延期须经政府信息公开工作机构负责人同意，请记录批准人',
      'an extension needs the approval of the head of the disclosure office: record the approver',
    );
  }
}

function consultationPauses(
  calendar: WorkingCalendar,
  events: readonly ClockEvent[],
  result: ApplicationClock,
  count: { startDayCounts: boolean },
): Pause[] {
  const pauses: Pause[] = [];
  const open: { event: Extract<ClockEvent, { type: 'consultationStarted' }>; index: number }[] = [];
  for (const e of events) {
    if (e.type === 'consultationStarted') {
      // 条例第三十二条、第三十四条: the consulted party has 15 working days from receiving the request.
      const reply = addWorkingDays(calendar, e.date, 15, count);
      result.consultations.push({ party: e.party, startedOn: e.date, endedOn: null, replyDue: reply.due });
      open.push({ event: e, index: result.consultations.length - 1 });
    } else if (e.type === 'consultationEnded') {
      const at = e.id === undefined ? 0 : open.findIndex((o) => o.event.id === e.id);
      const match = open[at];
      if (!match)
        throw new DomainError(
          'CLOCK_EVENT_INVALID',
          `${e.date} 结束的征求意见没有对应的开始`,
          `the consultation ended on ${e.date} was never started`,
        );
      open.splice(at, 1);
      (result.consultations[match.index] as Consultation).endedOn = e.date;
    }
  }
  // 条例第三十三条第三款: consultation time is not counted. The day the request goes out is already spent, so the
  // pause runs from the next day to the day the opinion arrives, both included.
  for (const c of result.consultations) {
    const party =
      c.party === 'thirdParty'
        ? { zh: '征求第三方意见', en: 'consulting the third party' }
        : { zh: '征求其他机关意见', en: 'consulting another agency' };
    const from = addDays(c.startedOn, 1);
    if (c.endedOn !== null && compareDates(c.endedOn, from) < 0) continue;
    pauses.push({
      from,
      to: c.endedOn,
      label: { zh: `${party.zh}（条例第三十三条第三款）`, en: `${party.en} (Art. 33(3))` },
    });
  }
  return pauses;
}

/** Working days left on the answer clock as of `asOf` (see workingDaysLeft); null without a due date. */
export function answerDaysLeft(
  calendar: WorkingCalendar,
  clock: ApplicationClock,
  asOf: IsoDate,
): number | null {
  return clock.due === null ? null : workingDaysLeft(calendar, clock.due, asOf);
}
