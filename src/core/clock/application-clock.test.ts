import { describe, expect, it } from 'vitest';
import { nationalCalendar } from '../calendar/index.js';
import {
  answerDaysLeft,
  computeApplicationClock,
  receiptDate,
  type ClockEvent,
} from './application-clock.js';
import { proactivePublicationDue, publishedInTime } from './proactive.js';
import { renderTrace } from './trace.js';

const calendar = nationalCalendar();
const clock = (events: ClockEvent[], policy = {}) => computeApplicationClock(calendar, events, policy);
const inPerson = (date: string): ClockEvent => ({ type: 'submitted', date, channel: 'inPerson' });

describe('the receipt date by channel (条例第三十一条)', () => {
  it.each<[string, ClockEvent[], string | null]>([
    ['in person: the day submitted', [inPerson('2025-03-03')], '2025-03-03'],
    [
      'by post: the day signed for',
      [
        { type: 'submitted', date: '2025-03-01', channel: 'post' },
        { type: 'signedFor', date: '2025-03-04' },
      ],
      '2025-03-04',
    ],
    [
      'ordinary letter: the day confirmed',
      [
        { type: 'submitted', date: '2025-03-03', channel: 'ordinaryPost' },
        { type: 'confirmed', date: '2025-03-05' },
      ],
      '2025-03-05',
    ],
    [
      'online: both sides confirmed',
      [
        { type: 'submitted', date: '2025-03-03', channel: 'online' },
        { type: 'confirmed', date: '2025-03-06' },
      ],
      '2025-03-06',
    ],
    ['fax, not yet confirmed: none', [{ type: 'submitted', date: '2025-03-03', channel: 'fax' }], null],
    ['post, not yet signed for: none', [{ type: 'submitted', date: '2025-03-03', channel: 'post' }], null],
  ])('%s', (_what, events, expected) => {
    expect(receiptDate(events).date).toBe(expected);
  });

  it('runs no clock before confirmation', () => {
    const c = clock([{ type: 'submitted', date: '2025-03-03', channel: 'online' }]);
    expect(c.status).toBe('notStarted');
    expect(c.due).toBeNull();
    expect(c.warnings[0]?.code).toBe('RECEIPT_NOT_CONFIRMED');
  });
});

describe('the answer deadline (条例第三十三条)', () => {
  it('is 20 working days after receipt, with the 补正 notice due after 7', () => {
    const c = clock([inPerson('2025-09-22')]);
    expect(c.status).toBe('running');
    expect(c.receivedOn).toBe('2025-09-22');
    expect(c.correctionNoticeDue).toBe('2025-09-30'); // 9/23–9/26, 上班 9/28(日), 9/29, 9/30
    expect(c.due).toBe('2025-10-24');
    expect(answerDaysLeft(calendar, c, '2025-10-20')).toBe(4);
  });

  it('restarts from the day the corrected application arrives (条例第三十条)', () => {
    const c = clock([
      inPerson('2025-03-03'),
      { type: 'correctionRequested', date: '2025-03-05' },
      { type: 'correctionReceived', date: '2025-03-20' },
    ]);
    expect(c.clockStart).toBe('2025-03-20');
    expect(c.due).toBe('2025-04-18'); // 清明 4/4–4/6 skipped; without 补正 it would be 2025-03-31
    expect(clock([inPerson('2025-03-03')]).due).toBe('2025-03-31');
    expect(renderTrace(c.trace, 'zh').some((t) => t.text.includes('重新计算'))).toBe(true);
  });

  it('has no answer deadline while the correction is awaited', () => {
    const c = clock([inPerson('2025-03-03'), { type: 'correctionRequested', date: '2025-03-05' }]);
    expect(c.status).toBe('awaitingCorrection');
    expect(c.due).toBeNull();
  });

  it('warns when the 补正 notice is late or not single', () => {
    const c = clock([
      inPerson('2025-03-03'),
      { type: 'correctionRequested', date: '2025-03-13' },
      { type: 'correctionRequested', date: '2025-03-14' },
      { type: 'correctionReceived', date: '2025-03-20' },
    ]);
    expect(c.correctionNoticeDue).toBe('2025-03-12');
    expect(c.warnings.map((w) => w.code)).toEqual(['CORRECTION_REQUESTED_TWICE', 'CORRECTION_NOTICE_LATE']);
  });

  it('does not count a third-party consultation, and gives the party 15 working days (条例第三十二条)', () => {
    const c = clock([
      inPerson('2024-09-11'),
      { type: 'consultationStarted', date: '2024-09-20', party: 'thirdParty' },
      { type: 'consultationEnded', date: '2024-09-27' },
    ]);
    expect(clock([inPerson('2024-09-11')]).due).toBe('2024-10-15');
    expect(c.due).toBe('2024-10-22'); // five working days 9/23–9/27 not counted
    expect(c.consultations).toEqual([
      { party: 'thirdParty', startedOn: '2024-09-20', endedOn: '2024-09-27', replyDue: '2024-10-16' },
    ]);
    expect(renderTrace(c.trace, 'zh').map((t) => t.text)).toContain(
      '2024-09-21 至 2024-09-27 征求第三方意见（条例第三十三条第三款），期间不计入',
    );
  });

  it('pauses while another agency is still being consulted (条例第三十四条)', () => {
    const c = clock([
      inPerson('2024-09-11'),
      { type: 'consultationStarted', date: '2024-09-20', party: 'agency' },
    ]);
    expect(c.status).toBe('paused');
    expect(c.due).toBeNull();
    expect(c.consultations[0]?.replyDue).toBe('2024-10-16');
  });

  it('extends once by at most 20 working days, recording the approver', () => {
    const c = clock([
      inPerson('2025-09-22'),
      { type: 'extensionApproved', date: '2025-10-20', approver: '王主任', workingDays: 20 },
    ]);
    expect(c.baseDue).toBe('2025-10-24');
    expect(c.due).toBe('2025-11-21');
    expect(c.extension).toEqual({ approver: '王主任', workingDays: 20, approvedOn: '2025-10-20' });
    const lines = renderTrace(c.trace, 'zh').map((t) => t.text);
    expect(lines).toContain('2025-10-24 为原定答复期限（20 个工作日）届满日；以下按延长后的期限计算');
    expect(lines.some((l) => l.includes('经王主任同意延长 20 个工作日'))).toBe(true);
    expect(c.warnings).toEqual([]);
  });

  it('warns when the extension is approved after the deadline passed', () => {
    const c = clock([
      inPerson('2025-09-22'),
      { type: 'extensionApproved', date: '2025-10-27', approver: '王主任', workingDays: 5 },
    ]);
    expect(c.warnings.map((w) => w.code)).toEqual(['EXTENSION_AFTER_DUE']);
  });

  it.each<[string, ClockEvent[], string]>([
    [
      'a second extension',
      [
        { type: 'extensionApproved', date: '2025-10-10', approver: '王主任', workingDays: 5 },
        { type: 'extensionApproved', date: '2025-10-15', approver: '王主任', workingDays: 5 },
      ],
      'EXTENSION_ALREADY_GRANTED',
    ],
    [
      'more than 20 days',
      [{ type: 'extensionApproved', date: '2025-10-10', approver: '王主任', workingDays: 21 }],
      'EXTENSION_TOO_LONG',
    ],
    [
      'no approver',
      [{ type: 'extensionApproved', date: '2025-10-10', approver: ' ', workingDays: 10 }],
      'EXTENSION_APPROVER_MISSING',
    ],
  ])('refuses %s with a coded error', (_what, events, code) => {
    expect(() => clock([inPerson('2025-09-22'), ...events])).toThrow(new RegExp(code));
  });

  it('moves the deadline to the date the agency sets under 条例第三十五条', () => {
    const c = clock([
      inPerson('2025-09-22'),
      { type: 'art35Delay', date: '2025-10-15', until: '2025-12-31' },
    ]);
    expect(c.due).toBe('2025-12-31');
    const earlier = clock([
      inPerson('2025-09-22'),
      { type: 'art35Delay', date: '2025-10-15', until: '2025-10-20' },
    ]);
    expect(earlier.due).toBe('2025-10-24');
    expect(earlier.warnings.map((w) => w.code)).toEqual(['ART35_DELAY_NOT_LATER']);
  });

  it('by default does not pause for the fee payment window, but gives its due date', () => {
    const events: ClockEvent[] = [
      inPerson('2025-09-22'),
      { type: 'feeNoticeReceived', date: '2025-09-24' },
      { type: 'feePaid', date: '2025-10-15' },
    ];
    const c = clock(events);
    expect(c.feePaymentDue).toBe('2025-10-28'); // 20 working days from the day after the notice
    expect(c.due).toBe('2025-10-24');
    // Paused from the day after the notice to the day of payment (9/25–10/15).
    expect(clock(events, { feePausesClock: true }).due).toBe('2025-11-10');
  });

  it('with feePausesClock, an unpaid fee stops the clock', () => {
    const c = clock([inPerson('2025-09-22'), { type: 'feeNoticeReceived', date: '2025-09-24' }], {
      feePausesClock: true,
    });
    expect(c.status).toBe('paused');
    expect(c.due).toBeNull();
  });

  it('is provisional, with a warning, when it reaches into a year without a notice', () => {
    const c = clock([inPerson('2026-12-10')]);
    expect(c.due).toBe('2027-01-07');
    expect(c.provisional).toBe(true);
    expect(c.warnings[0]?.code).toBe('CALENDAR_YEAR_MISSING');
  });
});

describe('proactive publication (条例第二十六条)', () => {
  it('is due 20 working days after the information is formed or changed', () => {
    const deadline = proactivePublicationDue(calendar, '2025-09-22');
    expect(deadline.due).toBe('2025-10-24');
    expect(publishedInTime(deadline, '2025-10-24')).toBe(true);
    expect(publishedInTime(deadline, '2025-10-27')).toBe(false);
    expect(renderTrace(deadline.trace, 'zh')[0]?.text).toContain('条例第二十六条');
  });
});
