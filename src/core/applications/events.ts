/**
 * The typed, append-only event history of one disclosure application (依申请公开办件). Every fact that moves the
 * case is one event; the process state, the clock and the report facts are all computed from this list.
 */
import type { IsoDate } from '../calendar/date.js';
import type { Channel } from '../clock/events.js';
import type { OutcomeCode } from './outcomes.js';

/** 送达方式 (国办公开办函〔2016〕235号): direct, entrusted to another agency, by post; plus electronic and on the spot. */
export const deliveryMethods = ['direct', 'entrusted', 'post', 'electronic', 'onTheSpot'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

/** Who is consulted (条例第三十二条: 第三方; 第三十四条: 其他行政机关). */
export type ConsultedParty = 'thirdParty' | 'agency';

/** One event of a case's history; `date` is the day it happened (YYYY-MM-DD, Beijing time). */
export type CaseEvent =
  /** The application was registered; `date` is the day it was submitted (条例第三十一条). */
  | { type: 'registered'; date: IsoDate; channel: Channel }
  /** The receipt date is fixed: signed for (邮寄), or confirmed with the applicant (平常信函, 互联网, 传真). */
  | { type: 'receiptConfirmed'; date: IsoDate; how: 'signedFor' | 'confirmed' }
  /** 条例第三十条: one single 补正 notice, naming what to correct and a reasonable time limit. */
  | { type: 'correctionRequested'; date: IsoDate; items: string; deadline: IsoDate }
  | { type: 'correctionReceived'; date: IsoDate }
  /** 逾期不补正: 视为放弃申请 (counted in 三（六）1). */
  | { type: 'correctionLapsed'; date: IsoDate }
  | {
      type: 'consultationStarted';
      date: IsoDate;
      consultationId: string;
      party: ConsultedParty;
      name: string;
    }
  | { type: 'consultationAnswered'; date: IsoDate; consultationId: string; opinion: string }
  /** The 15 working days passed without an opinion (条例第三十二条, 第三十四条: 视为同意公开). */
  | { type: 'consultationLapsed'; date: IsoDate; consultationId: string }
  /** 条例第三十三条第二款: approved by the 工作机构负责人 (a user with the approver role). */
  | { type: 'extensionApproved'; date: IsoDate; approver: string; workingDays: number }
  /** 条例第三十五条: the agency asks the applicant to explain the number or frequency of requests. */
  | { type: 'art35ReasonsRequested'; date: IsoDate }
  /** 条例第三十五条: reasons accepted, a later answer date set and notified. */
  | { type: 'art35DelaySet'; date: IsoDate; until: IsoDate }
  /** 条例第三十五条: reasons not accepted, 不予处理 (counted in 三（五）4). */
  | { type: 'art35Refused'; date: IsoDate; reason: string }
  /** 国办函〔2020〕109号: the fee notice; amount in fen. */
  | { type: 'feeNoticeSent'; date: IsoDate; amountFen: number }
  | { type: 'feePaid'; date: IsoDate }
  /** Not paid in time: 不再处理 (counted in 三（六）2). */
  | { type: 'feeLapsed'; date: IsoDate }
  /** The answer, with one of the 21 statutory outcomes and its legal ground; `severed` marks 区分处理 (Art 37). */
  | { type: 'answered'; date: IsoDate; outcome: OutcomeCode; legalGround: string; severed: boolean }
  /** 送达 of the decision. */
  | { type: 'delivered'; date: IsoDate; method: DeliveryMethod }
  | { type: 'withdrawn'; date: IsoDate; reason: string };

export type CaseEventType = CaseEvent['type'];

export const caseEventTypes: readonly CaseEventType[] = [
  'registered',
  'receiptConfirmed',
  'correctionRequested',
  'correctionReceived',
  'correctionLapsed',
  'consultationStarted',
  'consultationAnswered',
  'consultationLapsed',
  'extensionApproved',
  'art35ReasonsRequested',
  'art35DelaySet',
  'art35Refused',
  'feeNoticeSent',
  'feePaid',
  'feeLapsed',
  'answered',
  'delivered',
  'withdrawn',
];

/** Chinese and English names of the events (docs/GLOSSARY.md). */
export const caseEventLabels: Record<CaseEventType, { zh: string; en: string }> = {
  registered: { zh: '登记', en: 'registered' },
  receiptConfirmed: { zh: '确认收到申请', en: 'receipt confirmed' },
  correctionRequested: { zh: '告知补正', en: 'correction requested' },
  correctionReceived: { zh: '收到补正', en: 'correction received' },
  correctionLapsed: { zh: '逾期未补正', en: 'correction lapsed' },
  consultationStarted: { zh: '征求意见', en: 'consultation started' },
  consultationAnswered: { zh: '收到意见', en: 'consultation answered' },
  consultationLapsed: { zh: '征求意见逾期', en: 'consultation lapsed' },
  extensionApproved: { zh: '延期答复（负责人同意）', en: 'extension approved' },
  art35ReasonsRequested: { zh: '要求说明理由（第三十五条）', en: 'Art. 35 reasons requested' },
  art35DelaySet: { zh: '确定延迟答复期限（第三十五条）', en: 'Art. 35 delay set' },
  art35Refused: { zh: '不予处理（第三十五条）', en: 'Art. 35 refused' },
  feeNoticeSent: { zh: '发出收费通知', en: 'fee notice sent' },
  feePaid: { zh: '缴费', en: 'fee paid' },
  feeLapsed: { zh: '逾期未缴费', en: 'fee lapsed' },
  answered: { zh: '答复', en: 'answered' },
  delivered: { zh: '送达', en: 'delivered' },
  withdrawn: { zh: '撤回申请', en: 'withdrawn' },
};
