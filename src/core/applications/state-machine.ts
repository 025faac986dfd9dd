/**
 * The process state of an application, replayed from its event history, and the rules that say which event may
 * come next (条例第二十九条至第三十九条). State, outcome and label are kept apart: the state drives the clock, the
 * outcome is one of the 21 statutory leaf outcomes, the label is text for people.
 */
import type { WorkingCalendar } from '../calendar/calendar.js';
import { compareDates, type IsoDate } from '../calendar/date.js';
import { computeApplicationClock, type ApplicationClock } from '../clock/application-clock.js';
import type { Channel, ClockEvent, ClockPolicy } from '../clock/events.js';
import { DomainError } from '../errors.js';
import { caseEventLabels, type CaseEvent, type ConsultedParty } from './events.js';
import type { OutcomeCode } from './outcomes.js';

/** Where a case stands in the process. */
export type CaseStatus =
  | 'awaitingReceipt'
  | 'processing'
  | 'awaitingCorrection'
  | 'inConsultation'
  | 'awaitingReasons'
  | 'awaitingFee'
  | 'answered'
  | 'delivered'
  | 'closed'
  | 'withdrawn';

export const caseStatusLabels: Record<CaseStatus, { zh: string; en: string }> = {
  awaitingReceipt: { zh: '待确认收到', en: 'awaiting receipt confirmation' },
  processing: { zh: '办理中', en: 'in progress' },
  awaitingCorrection: { zh: '待补正', en: 'awaiting correction' },
  inConsultation: { zh: '征求意见中', en: 'in consultation' },
  awaitingReasons: { zh: '待说明理由', en: 'awaiting reasons (Art. 35)' },
  awaitingFee: { zh: '待缴费', en: 'awaiting fee payment' },
  answered: { zh: '已答复', en: 'answered' },
  delivered: { zh: '已送达', en: 'delivered' },
  closed: { zh: '已终止', en: 'closed' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The state of a case after its events. */
export interface CaseState {
  status: CaseStatus;
  channel: Channel;
  registeredOn: IsoDate;
  /** 收到申请之日 (条例第三十一条); null while a signature or confirmation is missing. */
  receivedOn: IsoDate | null;
  correction: 'none' | 'requested' | 'received' | 'lapsed';
  openConsultations: { id: string; party: ConsultedParty }[];
  consultationIds: string[];
  extended: boolean;
  art35: 'none' | 'reasonsRequested' | 'delaySet' | 'refused';
  fee: 'none' | 'noticeSent' | 'paid' | 'lapsed';
  /** The statutory outcome once closed. */
  outcome: OutcomeCode | null;
  severed: boolean;
  legalGround: string | null;
  /** The day the case closed (answer, lapse, refusal, withdrawal); null while open. */
  closedOn: IsoDate | null;
  deliveredOn: IsoDate | null;
  withdrawn: boolean;
  lastDate: IsoDate;
}

/** Outcomes set by their own events, never by a plain answer. */
const OUTCOME_BY_EVENT: Partial<Record<OutcomeCode, CaseEvent['type']>> = {
  'otherProcessing.correctionOverdue': 'correctionLapsed',
  'otherProcessing.feeUnpaid': 'feeLapsed',
  'notProcessed.excessive': 'art35Refused',
};

/** Counted in 三（六）3 其他: a withdrawn application is closed without an answer (DOMAIN.md leaves this open). */
export const WITHDRAWN_OUTCOME: OutcomeCode = 'otherProcessing.other';

function refuse(state: CaseState | null, event: CaseEvent, zh: string, en: string): DomainError {
  const label = caseEventLabels[event.type];
  const status = state ? caseStatusLabels[state.status] : { zh: '未登记', en: 'not registered' };
  return new DomainError(
    'TRANSITION_NOT_ALLOWED',
    `办件当前为「${status.zh}」，不能记录「${label.zh}」：${zh}`,
    `the case is ${status.en}; "${label.en}" is not allowed: ${en}`,
    { event: event.type, status: state?.status ?? null },
  );
}

function statusOf(s: Omit<CaseState, 'status'>): CaseStatus {
  if (s.withdrawn) return 'withdrawn';
  if (s.deliveredOn !== null) return 'delivered';
  if (s.closedOn !== null) {
    return s.correction === 'lapsed' || s.fee === 'lapsed' ? 'closed' : 'answered';
  }
  if (s.receivedOn === null) return 'awaitingReceipt';
  if (s.correction === 'requested') return 'awaitingCorrection';
  if (s.openConsultations.length > 0) return 'inConsultation';
  if (s.fee === 'noticeSent') return 'awaitingFee';
  if (s.art35 === 'reasonsRequested') return 'awaitingReasons';
  return 'processing';
}

function withStatus(s: Omit<CaseState, 'status'> & { status?: CaseStatus }): CaseState {
  const { status: _old, ...rest } = s;
  return { ...rest, status: statusOf(rest) };
}

/** The first state, from the `registered` event. */
function initial(event: CaseEvent & { type: 'registered' }): CaseState {
  return withStatus({
    channel: event.channel,
    registeredOn: event.date,
    // 条例第三十一条第一项: handed in person, received the same day.
    receivedOn: event.channel === 'inPerson' ? event.date : null,
    correction: 'none',
    openConsultations: [],
    consultationIds: [],
    extended: false,
    art35: 'none',
    fee: 'none',
    outcome: null,
    severed: false,
    legalGround: null,
    closedOn: null,
    deliveredOn: null,
    withdrawn: false,
    lastDate: event.date,
  });
}

/**
 * The state after `event`, or TRANSITION_NOT_ALLOWED with the reason. Pure: the state passed in is not changed.
 */
export function applyEvent(state: CaseState | null, event: CaseEvent): CaseState {
  const no = (zh: string, en: string) => refuse(state, event, zh, en);
  if (state === null) {
    if (event.type !== 'registered') throw no('第一个事件必须是登记', 'the first event must be "registered"');
    return initial(event);
  }
  if (event.type === 'registered') throw no('办件已经登记', 'the case is already registered');
  if (compareDates(event.date, state.lastDate) < 0) {
    throw no(
      `事件日期 ${event.date} 早于上一事件的日期 ${state.lastDate}`,
      `the date ${event.date} is before the previous event's ${state.lastDate}`,
    );
  }
  const next = { ...state, lastDate: event.date };
  if (state.closedOn !== null) {
    if (event.type !== 'delivered') throw no('办件已办结', 'the case is closed');
    if (state.withdrawn) throw no('申请已撤回，无需送达', 'a withdrawn application has nothing to deliver');
    if (state.deliveredOn !== null) throw no('已经送达', 'already delivered');
    return withStatus({ ...next, deliveredOn: event.date });
  }
  if (event.type === 'delivered') throw no('尚未作出答复', 'there is no decision to deliver yet');
  if (event.type === 'withdrawn') {
    return withStatus({ ...next, withdrawn: true, closedOn: event.date, outcome: WITHDRAWN_OUTCOME });
  }
  if (event.type === 'receiptConfirmed') {
    if (state.receivedOn !== null) throw no('收到申请之日已确定', 'the receipt date is already fixed');
    const needed = state.channel === 'post' ? 'signedFor' : 'confirmed';
    if (event.how !== needed) {
      throw no(
        needed === 'signedFor'
          ? '邮寄的申请以签收之日为收到申请之日（条例第三十一条第二项）'
          : '此渠道以确认之日为收到申请之日（条例第三十一条）',
        needed === 'signedFor'
          ? 'a posted application is received when signed for'
          : 'this channel needs a confirmation',
      );
    }
    return withStatus({ ...next, receivedOn: event.date });
  }
  if (state.receivedOn === null) {
    throw no(
      '收到申请之日尚未确定（需签收或确认）',
      'the receipt date is not fixed yet (sign for it or confirm it)',
    );
  }
  const correcting = state.correction === 'requested';
  const notWhileCorrecting = () => {
    if (correcting) throw no('正在等待申请人补正', 'the applicant has been asked to correct the application');
  };
  switch (event.type) {
    case 'correctionRequested':
      if (state.correction !== 'none') {
        throw no('补正只能一次性告知（条例第三十条）', 'a correction may be requested only once (Art. 30)');
      }
      if (compareDates(event.deadline, event.date) <= 0) {
        throw no('补正期限应晚于告知日期', 'the correction deadline must be after the notice');
      }
      return withStatus({ ...next, correction: 'requested' });
    case 'correctionReceived':
      if (!correcting) throw no('没有待补正的告知', 'no correction was requested');
      return withStatus({ ...next, correction: 'received' });
    case 'correctionLapsed':
      if (!correcting) throw no('没有待补正的告知', 'no correction was requested');
      return withStatus({
        ...next,
        correction: 'lapsed',
        closedOn: event.date,
        outcome: 'otherProcessing.correctionOverdue',
      });
    case 'consultationStarted':
      notWhileCorrecting();
      if (state.consultationIds.includes(event.consultationId)) {
        throw no(
          `征求意见编号重复：${event.consultationId}`,
          `duplicate consultation id ${event.consultationId}`,
        );
      }
      return withStatus({
        ...next,
        openConsultations: [...state.openConsultations, { id: event.consultationId, party: event.party }],
        consultationIds: [...state.consultationIds, event.consultationId],
      });
    case 'consultationAnswered':
    case 'consultationLapsed':
      if (!state.openConsultations.some((c) => c.id === event.consultationId)) {
        throw no(
          `没有进行中的征求意见：${event.consultationId}`,
          `no open consultation ${event.consultationId}`,
        );
      }
      return withStatus({
        ...next,
        openConsultations: state.openConsultations.filter((c) => c.id !== event.consultationId),
      });
    case 'extensionApproved':
      notWhileCorrecting();
      if (state.extended) throw no('延期只能一次（条例第三十三条第二款）', 'only one extension (Art. 33(2))');
      if (!Number.isInteger(event.workingDays) || event.workingDays < 1 || event.workingDays > 20) {
        throw no('延长的期限为 1 至 20 个工作日', 'an extension is 1 to 20 working days');
      }
      if (event.approver.trim() === '') throw no('须经负责人同意', 'the approver (负责人) is required');
      return withStatus({ ...next, extended: true });
    case 'art35ReasonsRequested':
      notWhileCorrecting();
      if (state.art35 !== 'none') throw no('已要求说明理由', 'reasons were already requested');
      return withStatus({ ...next, art35: 'reasonsRequested' });
    case 'art35DelaySet':
      if (state.art35 !== 'reasonsRequested') throw no('须先要求说明理由', 'request reasons first');
      if (compareDates(event.until, event.date) <= 0)
        throw no('延迟答复期限应晚于今天', 'the delay must end later');
      return withStatus({ ...next, art35: 'delaySet' });
    case 'art35Refused':
      if (state.art35 !== 'reasonsRequested') throw no('须先要求说明理由', 'request reasons first');
      return withStatus({
        ...next,
        art35: 'refused',
        closedOn: event.date,
        outcome: 'notProcessed.excessive',
        legalGround: event.reason,
      });
    case 'feeNoticeSent':
      notWhileCorrecting();
      if (state.fee !== 'none') throw no('已发出收费通知', 'a fee notice was already sent');
      if (!Number.isInteger(event.amountFen) || event.amountFen <= 0) {
        throw no('收费金额应为正整数（分）', 'the amount must be a positive number of fen');
      }
      return withStatus({ ...next, fee: 'noticeSent' });
    case 'feePaid':
    case 'feeLapsed':
      if (state.fee !== 'noticeSent') throw no('没有待缴的费用', 'no fee is awaiting payment');
      return event.type === 'feePaid'
        ? withStatus({ ...next, fee: 'paid' })
        : withStatus({ ...next, fee: 'lapsed', closedOn: event.date, outcome: 'otherProcessing.feeUnpaid' });
    case 'answered': {
      notWhileCorrecting();
      if (state.openConsultations.length > 0) {
        throw no('征求意见尚未结束', 'a consultation is still open');
      }
      if (state.fee === 'noticeSent') throw no('费用尚未缴纳或逾期', 'the fee is neither paid nor lapsed');
      if (state.art35 === 'reasonsRequested') {
        throw no('须先决定第三十五条的处理', 'decide the Art. 35 request first');
      }
      const own = OUTCOME_BY_EVENT[event.outcome];
      if (own) {
        throw no(
          `此结果须记录「${caseEventLabels[own].zh}」事件`,
          `this outcome is recorded by the "${caseEventLabels[own].en}" event`,
        );
      }
      if (event.outcome === 'unableToProvide.unclearAfterCorrection' && state.correction !== 'received') {
        throw no('没有收到补正，不能以“补正后申请内容仍不明确”答复', 'no correction was received');
      }
      if (event.severed && event.outcome !== 'partiallyDisclosed') {
        throw no(
          '区分处理的，只计“部分公开”（条例第三十七条）',
          'a severed answer (Art. 37) counts only as partially disclosed',
        );
      }
      if (event.legalGround.trim() === '') throw no('须写明法律依据', 'the legal ground is required');
      return withStatus({
        ...next,
        closedOn: event.date,
        outcome: event.outcome,
        severed: event.severed,
        legalGround: event.legalGround,
      });
    }
  }
}

/** Replays a whole history; throws TRANSITION_NOT_ALLOWED at the first event that does not fit. */
export function replay(events: readonly CaseEvent[]): CaseState {
  let state: CaseState | null = null;
  for (const event of events) state = applyEvent(state, event);
  if (state === null) {
    throw new DomainError('TRANSITION_NOT_ALLOWED', '办件没有事件', 'the case has no events');
  }
  return state;
}

/** The events that move the statutory clock, in the clock's vocabulary (src/core/clock/events.ts). */
export function toClockEvents(events: readonly CaseEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'registered':
        out.push({ type: 'submitted', date: e.date, channel: e.channel });
        break;
      case 'receiptConfirmed':
        out.push({ type: e.how, date: e.date });
        break;
      case 'correctionRequested':
      case 'correctionReceived':
        out.push({ type: e.type, date: e.date });
        break;
      case 'consultationStarted':
        out.push({ type: 'consultationStarted', date: e.date, party: e.party, id: e.consultationId });
        break;
      case 'consultationAnswered':
      case 'consultationLapsed':
        out.push({ type: 'consultationEnded', date: e.date, id: e.consultationId });
        break;
      case 'extensionApproved':
        out.push({
          type: 'extensionApproved',
          date: e.date,
          approver: e.approver,
          workingDays: e.workingDays,
        });
        break;
      case 'art35DelaySet':
        out.push({ type: 'art35Delay', date: e.date, until: e.until });
        break;
      case 'feeNoticeSent':
        out.push({ type: 'feeNoticeReceived', date: e.date });
        break;
      case 'feePaid':
        out.push({ type: 'feePaid', date: e.date });
        break;
      default:
        break;
    }
  }
  return out;
}

/** The statutory clock of a case (条例第三十条至第三十五条), computed from its history. */
export function caseClock(
  calendar: WorkingCalendar,
  events: readonly CaseEvent[],
  policy: ClockPolicy = {},
): ApplicationClock {
  return computeApplicationClock(calendar, toClockEvents(events), policy);
}
