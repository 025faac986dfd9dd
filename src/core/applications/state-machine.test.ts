import { describe, expect, it } from 'vitest';
import { nationalCalendar } from '../calendar/index.js';
import { answerDaysLeft } from '../clock/application-clock.js';
import { isDomainError } from '../errors.js';
import { compileTables, type CaseFacts } from './compile-report.js';
import type { CaseEvent } from './events.js';
import { OUTCOMES, type OutcomeCode } from './outcomes.js';
import { applyEvent, caseClock, replay, type CaseState } from './state-machine.js';

const calendar = nationalCalendar();
const reg = (
  date = '2025-09-22',
  channel: 'inPerson' | 'post' | 'ordinaryPost' | 'online' | 'fax' = 'inPerson',
) => ({ type: 'registered', date, channel }) as const;
const answer = (outcome: OutcomeCode, date = '2025-10-10', severed = false): CaseEvent => ({
  type: 'answered',
  date,
  outcome,
  legalGround: '条例第三十六条',
  severed,
});

/** The shortest lawful history that ends in each of the 21 outcomes. */
function historyFor(outcome: OutcomeCode): CaseEvent[] {
  switch (outcome) {
    case 'unableToProvide.unclearAfterCorrection':
      return [
        reg(),
        { type: 'correctionRequested', date: '2025-09-24', items: '请明确年份', deadline: '2025-10-15' },
        { type: 'correctionReceived', date: '2025-10-09' },
        answer(outcome, '2025-10-20'),
      ];
    case 'otherProcessing.correctionOverdue':
      return [
        reg(),
        { type: 'correctionRequested', date: '2025-09-24', items: '请明确年份', deadline: '2025-10-15' },
        { type: 'correctionLapsed', date: '2025-10-16' },
      ];
    case 'otherProcessing.feeUnpaid':
      return [
        reg(),
        { type: 'feeNoticeSent', date: '2025-09-25', amountFen: 10_000 },
        { type: 'feeLapsed', date: '2025-10-27' },
      ];
    case 'notProcessed.excessive':
      return [
        reg(),
        { type: 'art35ReasonsRequested', date: '2025-09-23' },
        { type: 'art35Refused', date: '2025-10-09', reason: '申请理由不合理（条例第三十五条）' },
      ];
    default:
      return [reg(), answer(outcome, '2025-10-10', outcome === 'partiallyDisclosed')];
  }
}

describe('every statutory outcome is reached by a lawful history and counted in its row', () => {
  it.each(OUTCOMES.map((o) => o.code))('%s', (code) => {
    const history = historyFor(code);
    const state = replay(history);
    expect(state.outcome).toBe(code);
    expect(state.closedOn).toBe(history.at(-1)!.date);
    const facts: CaseFacts = {
      id: 'C1',
      applicantType: 'naturalPerson',
      receivedOn: state.receivedOn,
      registeredOn: state.registeredOn,
      closedOn: state.closedOn,
      outcome: state.outcome,
    };
    const tables = compileTables([facts], { year: 2025 });
    expect(tables.explain[`applications.${code}[0]`]).toEqual(['C1']);
    expect(tables.applications.totalProcessed[6]).toBe(1);
  });

  it('counts a withdrawn application in 三（六）3 其他', () => {
    const state = replay([reg(), { type: 'withdrawn', date: '2025-09-30', reason: '申请人撤回' }]);
    expect([state.status, state.outcome]).toEqual(['withdrawn', 'otherProcessing.other']);
  });

  it('counts a severed answer (区分处理) only as 部分公开', () => {
    expect(() => replay([reg(), answer('withheld.thirdPartyRights', '2025-10-10', true)])).toThrow(
      /区分处理/,
    );
    expect(replay([reg(), answer('partiallyDisclosed', '2025-10-10', true)]).severed).toBe(true);
  });
});

describe('the clock runs on the history (条例第三十条至第三十五条)', () => {
  const clock = (events: CaseEvent[]) => caseClock(calendar, events);
  it('in person: 20 working days across the National Day holiday', () => {
    const c = clock([reg('2025-09-22')]);
    expect([c.status, c.receivedOn, c.due]).toEqual(['running', '2025-09-22', '2025-10-24']);
    expect(answerDaysLeft(calendar, c, '2025-09-22')).toBe(20);
    expect(answerDaysLeft(calendar, c, '2025-10-27')).toBe(-1);
  });
  it('across the year end, with the 2026 New Year holiday and its make-up Sunday', () => {
    expect(clock([reg('2025-12-15')]).due).toBe('2026-01-13');
    expect(clock([reg('2025-12-22')]).due).toBe('2026-01-20');
  });
  it('post: no clock until signed for; then from the signature', () => {
    expect(clock([reg('2025-12-22', 'post')]).status).toBe('notStarted');
    expect(replay([reg('2025-12-22', 'post')]).status).toBe('awaitingReceipt');
    const events: CaseEvent[] = [
      reg('2025-12-22', 'post'),
      { type: 'receiptConfirmed', date: '2025-12-23', how: 'signedFor' },
    ];
    expect(clock(events).due).toBe('2026-01-21');
  });
  it.each(['ordinaryPost', 'online', 'fax'] as const)(
    '%s: from the confirmation (条例第三十一条)',
    (channel) => {
      const events: CaseEvent[] = [
        reg('2025-12-31', channel),
        { type: 'receiptConfirmed', date: '2026-01-04', how: 'confirmed' },
      ];
      expect([clock(events).receivedOn, clock(events).due]).toEqual(['2026-01-04', '2026-01-30']);
    },
  );
  it('补正: the clock stops, then restarts from the corrected application', () => {
    const asked: CaseEvent[] = [
      reg('2025-12-22'),
      { type: 'correctionRequested', date: '2025-12-24', items: '年份', deadline: '2026-01-10' },
    ];
    expect([clock(asked).status, clock(asked).due, replay(asked).status]).toEqual([
      'awaitingCorrection',
      null,
      'awaitingCorrection',
    ]);
    const got: CaseEvent[] = [...asked, { type: 'correctionReceived', date: '2026-01-05' }];
    expect([clock(got).clockStart, clock(got).due]).toEqual(['2026-01-05', '2026-02-02']);
  });
  it('consultation: paused while open, the time not counted afterwards', () => {
    const open: CaseEvent[] = [
      reg(),
      {
        type: 'consultationStarted',
        date: '2025-09-25',
        consultationId: 'c1',
        party: 'thirdParty',
        name: '某公司',
      },
    ];
    expect([clock(open).status, replay(open).status]).toEqual(['paused', 'inConsultation']);
    expect(clock(open).consultations[0]?.replyDue).not.toBeNull();
    const answered: CaseEvent[] = [
      ...open,
      { type: 'consultationAnswered', date: '2025-10-15', consultationId: 'c1', opinion: '不同意' },
    ];
    expect(clock(answered).due).toBe('2025-11-07');
    const lapsed: CaseEvent[] = [
      ...open,
      { type: 'consultationLapsed', date: '2025-10-15', consultationId: 'c1' },
    ];
    expect(clock(lapsed).due).toBe('2025-11-07');
  });
  it('extension by the 负责人: up to 20 more working days, once', () => {
    const events: CaseEvent[] = [
      reg(),
      { type: 'extensionApproved', date: '2025-10-20', approver: 'qu.fuze', workingDays: 20 },
    ];
    expect([clock(events).baseDue, clock(events).due]).toEqual(['2025-10-24', '2025-11-21']);
    expect(() => applyEvent(replay(events), { ...events[1]!, date: '2025-10-21' } as CaseEvent)).toThrow(
      /延期只能一次/,
    );
  });
  it('Art 35: reasons, then a delayed answer date', () => {
    const events: CaseEvent[] = [
      reg(),
      { type: 'art35ReasonsRequested', date: '2025-09-23' },
      { type: 'art35DelaySet', date: '2025-09-30', until: '2025-12-31' },
    ];
    expect(replay(events.slice(0, 2)).status).toBe('awaitingReasons');
    expect(clock(events).due).toBe('2025-12-31');
  });
  it('fee notice and payment (the fee period does not pause the clock by default)', () => {
    const events: CaseEvent[] = [reg(), { type: 'feeNoticeSent', date: '2025-09-23', amountFen: 10_000 }];
    expect(replay(events).status).toBe('awaitingFee');
    expect(clock(events).due).toBe('2025-10-24');
    const paid: CaseEvent[] = [...events, { type: 'feePaid', date: '2025-09-26' }];
    expect([replay(paid).status, clock(paid).due]).toEqual(['processing', '2025-10-24']);
    expect(caseClock(calendar, events, { feePausesClock: true }).status).toBe('paused');
  });
  it('delivered (送达) after the answer', () => {
    const events: CaseEvent[] = [
      reg(),
      answer('disclosed'),
      { type: 'delivered', date: '2025-10-11', method: 'post' },
    ];
    const state = replay(events);
    expect([state.status, state.deliveredOn]).toEqual(['delivered', '2025-10-11']);
  });
  it('provisional beyond the last calendar year', () => {
    const c = clock([reg('2026-12-21')]);
    expect(c.provisional).toBe(true);
    expect(c.warnings.map((w) => w.code)).toContain('CALENDAR_YEAR_MISSING');
  });
});

describe('illegal transitions are refused with TRANSITION_NOT_ALLOWED', () => {
  const base = [reg()] as CaseEvent[];
  const cases: [string, CaseEvent[], CaseEvent][] = [
    ['an event before registration', [], answer('disclosed')],
    ['registering twice', base, reg('2025-09-23')],
    ['an event dated before the previous one', base, answer('disclosed', '2025-09-01')],
    ['answering before the receipt is confirmed', [reg('2025-09-22', 'online')], answer('disclosed')],
    [
      'signing for an online application',
      [reg('2025-09-22', 'online')],
      { type: 'receiptConfirmed', date: '2025-09-23', how: 'signedFor' },
    ],
    [
      'confirming an in-person application',
      base,
      { type: 'receiptConfirmed', date: '2025-09-23', how: 'confirmed' },
    ],
    [
      'a correction received that was never requested',
      base,
      { type: 'correctionReceived', date: '2025-09-23' },
    ],
    [
      'a second correction notice',
      historyFor('unableToProvide.unclearAfterCorrection').slice(0, 3),
      { type: 'correctionRequested', date: '2025-10-10', items: 'x', deadline: '2025-10-20' },
    ],
    [
      'answering while awaiting correction',
      historyFor('otherProcessing.correctionOverdue').slice(0, 2),
      answer('disclosed'),
    ],
    [
      'answering while a consultation is open',
      [
        reg(),
        {
          type: 'consultationStarted',
          date: '2025-09-23',
          consultationId: 'c1',
          party: 'agency',
          name: '区财政局',
        },
      ],
      answer('disclosed'),
    ],
    [
      'closing an unknown consultation',
      base,
      { type: 'consultationLapsed', date: '2025-09-23', consultationId: 'zz' },
    ],
    [
      'an extension of 21 working days',
      base,
      { type: 'extensionApproved', date: '2025-09-23', approver: 'x', workingDays: 21 },
    ],
    [
      'a delay without asking for reasons',
      base,
      { type: 'art35DelaySet', date: '2025-09-23', until: '2025-12-01' },
    ],
    ['paying a fee never noticed', base, { type: 'feePaid', date: '2025-09-23' }],
    [
      'answering with an unpaid fee',
      historyFor('otherProcessing.feeUnpaid').slice(0, 2),
      answer('disclosed'),
    ],
    ['answering “fee unpaid” directly', base, answer('otherProcessing.feeUnpaid')],
    ['answering “excessive” without Art 35', base, answer('notProcessed.excessive')],
    [
      '“unclear after correction” without a correction',
      base,
      answer('unableToProvide.unclearAfterCorrection'),
    ],
    ['a second answer', [reg(), answer('disclosed')], answer('withheld.stateSecret', '2025-10-11')],
    ['delivering before answering', base, { type: 'delivered', date: '2025-09-23', method: 'direct' }],
    [
      'delivering a withdrawn application',
      [reg(), { type: 'withdrawn', date: '2025-09-23', reason: 'x' }],
      { type: 'delivered', date: '2025-09-24', method: 'direct' },
    ],
    [
      'withdrawing an answered application',
      [reg(), answer('disclosed')],
      { type: 'withdrawn', date: '2025-10-11', reason: 'x' },
    ],
  ];
  it.each(cases)('%s', (_label, history, event) => {
    const state: CaseState | null = history.length > 0 ? replay(history) : null;
    let error: unknown;
    try {
      applyEvent(state, event);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, 'TRANSITION_NOT_ALLOWED')).toBe(true);
    expect((error as Error).message).toMatch(/办件|registered/);
  });
});
