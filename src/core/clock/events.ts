import type { IsoDate } from '../calendar/date.js';

/** The channels of 条例第三十一条. */
export type Channel = 'inPerson' | 'post' | 'ordinaryPost' | 'online' | 'fax';

/** One fact in a case's history that moves the statutory clock; the case state machine feeds its history here. */
export type ClockEvent =
  | { type: 'submitted'; date: IsoDate; channel: Channel }
  | { type: 'signedFor'; date: IsoDate }
  | { type: 'confirmed'; date: IsoDate }
  | { type: 'correctionRequested'; date: IsoDate }
  | { type: 'correctionReceived'; date: IsoDate }
  | { type: 'consultationStarted'; date: IsoDate; party: 'thirdParty' | 'agency'; id?: string }
  | { type: 'consultationEnded'; date: IsoDate; id?: string }
  | { type: 'extensionApproved'; date: IsoDate; approver: string; workingDays: number }
  | { type: 'art35Delay'; date: IsoDate; until: IsoDate }
  | { type: 'feeNoticeReceived'; date: IsoDate }
  | { type: 'feePaid'; date: IsoDate };

/** The deployment's choices where the sources leave room. */
export interface ClockPolicy {
  /** See CountOptions.startDayCounts; default false (民法典第二百零一条). */
  startDayCounts?: boolean;
  /**
   * Whether the fee payment window pauses the answer clock. Default false: no retrieved source says it does
   * (DOMAIN.md §3.4), and not pausing is the safer reading for the applicant.
   */
  feePausesClock?: boolean;
}

/** How each channel fixes the receipt date, for the trace. */
export const CHANNEL_LABEL: Record<Channel, { zh: string; en: string }> = {
  inPerson: {
    zh: '当面提交，以提交之日为收到申请之日（条例第三十一条第一项）',
    en: 'submitted in person: the submission date (Art. 31(1))',
  },
  post: {
    zh: '邮寄，以行政机关签收之日为收到申请之日（条例第三十一条第二项）',
    en: 'by post: the date the agency signed for it (Art. 31(2))',
  },
  ordinaryPost: {
    zh: '平常信函，以确认之日为收到申请之日（条例第三十一条第二项）',
    en: 'by ordinary letter: the confirmation date (Art. 31(2))',
  },
  online: {
    zh: '互联网渠道，以双方确认之日为收到申请之日（条例第三十一条第三项）',
    en: 'online: the date both sides confirmed (Art. 31(3))',
  },
  fax: {
    zh: '传真，以双方确认之日为收到申请之日（条例第三十一条第三项）',
    en: 'by fax: the date both sides confirmed (Art. 31(3))',
  },
};

/** The 收到申请之日 by channel (条例第三十一条); null while a needed signature or confirmation is missing. */
export function receiptDate(events: readonly ClockEvent[]): {
  channel: Channel | null;
  date: IsoDate | null;
} {
  const submitted = events.find((e) => e.type === 'submitted');
  if (!submitted) return { channel: null, date: null };
  const { channel } = submitted;
  if (channel === 'inPerson') return { channel, date: submitted.date };
  const needed = channel === 'post' ? 'signedFor' : 'confirmed';
  return { channel, date: events.find((e) => e.type === needed)?.date ?? null };
}
