import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, isWorkingDay } from '../calendar/calendar.js';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/date.js';
import { nationalCalendar } from '../calendar/index.js';
import { NATIONAL_CALENDAR } from '../calendar/data/national.js';
import { renderTrace } from './trace.js';
import { addWorkingDays, workingDaysLeft, type Pause } from './working-days.js';

const calendar = nationalCalendar();
const due = (start: string, n: number, startDayCounts = false) =>
  addWorkingDays(calendar, start, n, { startDayCounts }).due;
const pause = (from: string, to: string | null): Pause => ({ from, to, label: { zh: '暂停', en: 'paused' } });

describe('working days around every holiday and make-up day, 2023–2026', () => {
  // [start, working days, due]: the start is the last working day before the holiday or make-up day.
  it.each([
    ['2022-12-30', 1, '2023-01-03'], // 元旦 2022-12-31–2023-01-02
    ['2023-01-20', 1, '2023-01-28'], // 春节 1/21–1/27, 上班 1/28(六)
    ['2023-01-20', 3, '2023-01-30'], // … and 1/29(日)
    ['2023-04-04', 1, '2023-04-06'], // 清明 4/5
    ['2023-04-21', 1, '2023-04-23'], // 上班 4/23(日)
    ['2023-04-28', 1, '2023-05-04'], // 劳动节 4/29–5/3
    ['2023-04-28', 3, '2023-05-06'], // 上班 5/6(六)
    ['2023-06-21', 1, '2023-06-25'], // 端午 6/22–6/24, 上班 6/25(日)
    ['2023-09-28', 1, '2023-10-07'], // 中秋国庆 9/29–10/6, 上班 10/7(六)
    ['2023-09-28', 2, '2023-10-08'], // 上班 10/8(日)
    ['2023-12-29', 1, '2024-01-02'], // 元旦 2024-01-01
    ['2024-02-02', 1, '2024-02-04'], // 上班 2/4(日)
    ['2024-02-09', 1, '2024-02-18'], // 春节 2/10–2/17, 上班 2/18(日)
    ['2024-04-03', 1, '2024-04-07'], // 清明 4/4–4/6, 上班 4/7(日)
    ['2024-04-26', 1, '2024-04-28'], // 上班 4/28(日)
    ['2024-04-30', 1, '2024-05-06'], // 劳动节 5/1–5/5
    ['2024-05-10', 1, '2024-05-11'], // 上班 5/11(六)
    ['2024-06-07', 1, '2024-06-11'], // 端午 6/10
    ['2024-09-13', 1, '2024-09-14'], // 上班 9/14(六)
    ['2024-09-13', 2, '2024-09-18'], // 中秋 9/15–9/17
    ['2024-09-27', 1, '2024-09-29'], // 上班 9/29(日)
    ['2024-09-27', 3, '2024-10-08'], // 国庆 10/1–10/7
    ['2024-10-11', 1, '2024-10-12'], // 上班 10/12(六)
    ['2024-12-31', 1, '2025-01-02'], // 元旦 2025-01-01
    ['2025-01-24', 1, '2025-01-26'], // 上班 1/26(日)
    ['2025-01-24', 3, '2025-02-05'], // 春节 1/28–2/4
    ['2025-02-07', 1, '2025-02-08'], // 上班 2/8(六)
    ['2025-04-03', 1, '2025-04-07'], // 清明 4/4–4/6
    ['2025-04-25', 1, '2025-04-27'], // 上班 4/27(日)
    ['2025-04-30', 1, '2025-05-06'], // 劳动节 5/1–5/5
    ['2025-05-30', 1, '2025-06-03'], // 端午 5/31–6/2
    ['2025-09-26', 1, '2025-09-28'], // 上班 9/28(日)
    ['2025-09-30', 1, '2025-10-09'], // 国庆中秋 10/1–10/8
    ['2025-10-10', 1, '2025-10-11'], // 上班 10/11(六)
    ['2025-12-31', 1, '2026-01-04'], // 元旦 1/1–1/3, 上班 1/4(日)
    ['2026-02-13', 1, '2026-02-14'], // 上班 2/14(六)
    ['2026-02-13', 2, '2026-02-24'], // 春节 2/15–2/23
    ['2026-02-27', 1, '2026-02-28'], // 上班 2/28(六)
    ['2026-04-03', 1, '2026-04-07'], // 清明 4/4–4/6
    ['2026-04-30', 1, '2026-05-06'], // 劳动节 5/1–5/5
    ['2026-05-08', 1, '2026-05-09'], // 上班 5/9(六)
    ['2026-06-18', 1, '2026-06-22'], // 端午 6/19–6/21
    ['2026-09-18', 1, '2026-09-20'], // 上班 9/20(日)
    ['2026-09-24', 1, '2026-09-28'], // 中秋 9/25–9/27
    ['2026-09-30', 1, '2026-10-08'], // 国庆 10/1–10/7
    ['2026-10-09', 1, '2026-10-10'], // 上班 10/10(六)
  ])('%s + %i working day(s) = %s', (start, n, expected) => {
    const result = addWorkingDays(calendar, start, n);
    expect(result.due).toBe(expected);
    expect(result.provisional).toBe(false);
  });
});

describe('the day-count convention', () => {
  it('DOMAIN.md §1.12 worked example: received Mon 2025-09-22, due 2025-10-24', () => {
    expect(due('2025-09-22', 20)).toBe('2025-10-24');
  });

  it('counting the start day as day 1 (configurable) gives 2025-10-23', () => {
    expect(due('2025-09-22', 20, true)).toBe('2025-10-23');
  });

  it('with the full 20-day extension the answer is due 2025-11-21', () => {
    expect(due('2025-09-22', 40)).toBe('2025-11-21');
  });

  it('a start on a holiday or weekend counts from the next working day', () => {
    expect(due('2024-10-03', 1)).toBe('2024-10-08');
    expect(due('2024-10-05', 1, true)).toBe('2024-10-08');
  });

  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2023-12-29', 20, '2024-01-29'],
    ['2022-12-30', 5, '2023-01-09'],
  ])('month and year ends: %s + %i = %s', (start, n, expected) => {
    expect(due(start, n)).toBe(expected);
  });

  it('rejects zero or negative counts', () => {
    expect(() => addWorkingDays(calendar, '2024-01-01', 0)).toThrow(/INVALID_NUMBER/);
    expect(() => addWorkingDays(calendar, '2024-01-01', -3)).toThrow(/INVALID_NUMBER/);
  });
});

describe('pauses', () => {
  it('a pause straddling 国庆 2024 skips its working days only', () => {
    expect(due('2024-09-27', 5)).toBe('2024-10-10');
    const paused = addWorkingDays(calendar, '2024-09-27', 5, { pauses: [pause('2024-09-30', '2024-10-08')] });
    // 9/30 and 10/8 were working days inside the pause: the due date moves two working days, to 上班 10/12(六).
    expect(paused.due).toBe('2024-10-12');
  });

  it('an open pause stops the clock: no due date, the remaining days are reported', () => {
    const open = addWorkingDays(calendar, '2025-09-22', 20, { pauses: [pause('2025-09-25', null)] });
    expect(open.due).toBeNull();
    expect(open.remaining).toBe(18);
  });
});

describe('a deadline that reaches into a year without a notice', () => {
  it('is computed on plain weekdays, marked provisional and warns naming the year', () => {
    const result = addWorkingDays(calendar, '2026-12-10', 20);
    expect(result.due).toBe('2027-01-07');
    expect(result.provisional).toBe(true);
    expect(result.missingYears).toEqual([2027]);
    expect(result.warnings[0]?.code).toBe('CALENDAR_YEAR_MISSING');
    expect(result.warnings[0]?.zh).toContain('2027 年');
    expect(renderTrace(result.trace, 'zh').some((t) => t.text.includes('2027 年放假安排未录入'))).toBe(true);
  });

  it('is recomputed, no longer provisional, once the year is added', () => {
    const with2027 = buildCalendar([
      ...NATIONAL_CALENDAR,
      {
        year: 2027,
        notices: [{ docNumber: null, title: '测试用（非真实通知）', date: '2026-11-01' }],
        holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
        makeUpWorkdays: [],
      },
    ]);
    const result = addWorkingDays(with2027, '2026-12-10', 20);
    expect(result.due).toBe('2027-01-08');
    expect(result.provisional).toBe(false);
    expect(result.warnings).toEqual([]);
  });
});

describe('the trace', () => {
  it('explains each stretch in Chinese, as a reviewing court would read it', () => {
    const lines = renderTrace(addWorkingDays(calendar, '2024-09-27', 5).trace, 'zh').map((t) => t.text);
    expect(lines[0]).toContain('开始的当日不计入');
    expect(lines[0]).toContain('民法典第二百零一条');
    expect(lines).toContain('2024-09-28（星期六） 周末，不计入');
    expect(lines).toContain('2024-09-29 星期日 调休上班（国庆节），计入，第 1 个工作日');
    expect(lines).toContain('2024-10-01 至 2024-10-07 国庆节放假，不计入');
    expect(lines).toContain('2024-10-08 至 2024-10-10 工作日，计入，第 3–5 个工作日');
    expect(lines.at(-1)).toBe('第 5 个工作日为 2024-10-10（星期四），期限届满');
  });

  it('is available in English', () => {
    const lines = renderTrace(addWorkingDays(calendar, '2024-09-27', 5).trace, 'en').map((t) => t.text);
    expect(lines).toContain('2024-10-01 to 2024-10-07 National Day holiday, not counted');
    expect(lines).toContain('2024-09-29 Sunday is a make-up working day (National Day), counted: day 1');
  });
});

describe('working days left', () => {
  it('counts the working days after today up to the due date, negative once overdue', () => {
    expect(workingDaysLeft(calendar, '2024-10-10', '2024-09-27')).toBe(5);
    expect(workingDaysLeft(calendar, '2024-10-10', '2024-10-10')).toBe(0);
    // 10/11 (Friday), 上班 10/12 (Saturday) and 10/14 (Monday) have passed since the due date.
    expect(workingDaysLeft(calendar, '2024-10-10', '2024-10-14')).toBe(-3);
  });
});

describe('properties', () => {
  const first = toDayNumber('2019-01-15');
  const last = toDayNumber('2026-10-01');
  const startArb = fc.integer({ min: first, max: last }).map(fromDayNumber);
  const nArb = fc.integer({ min: 1, max: 60 });
  const nextWorkingDay = (d: string) => {
    let x = addDays(d, 1);
    while (!isWorkingDay(calendar, x)) x = addDays(x, 1);
    return x;
  };

  it('a due date is always a working day', () => {
    fc.assert(
      fc.property(startArb, nArb, fc.boolean(), (start, n, startDayCounts) => {
        const d = addWorkingDays(calendar, start, n, { startDayCounts }).due as string;
        return isWorkingDay(calendar, d);
      }),
    );
  });

  it('a pause never makes a deadline earlier', () => {
    fc.assert(
      fc.property(
        startArb,
        nArb,
        fc.integer({ min: -10, max: 60 }),
        fc.integer({ min: 0, max: 30 }),
        (start, n, offset, length) => {
          const from = addDays(start, offset);
          const plain = addWorkingDays(calendar, start, n).due as string;
          const paused = addWorkingDays(calendar, start, n, { pauses: [pause(from, addDays(from, length))] })
            .due as string;
          return paused >= plain;
        },
      ),
    );
  });

  it('moving the start by one working day moves the due date by one working day', () => {
    fc.assert(
      fc.property(startArb, nArb, fc.boolean(), (start, n, startDayCounts) => {
        if (!isWorkingDay(calendar, start)) return true;
        const before = addWorkingDays(calendar, start, n, { startDayCounts }).due as string;
        const after = addWorkingDays(calendar, nextWorkingDay(start), n, { startDayCounts }).due as string;
        return after === nextWorkingDay(before);
      }),
    );
  });

  it('there are exactly N working days after the start up to the due date', () => {
    fc.assert(
      fc.property(startArb, nArb, (start, n) => {
        const d = addWorkingDays(calendar, start, n).due as string;
        return workingDaysLeft(calendar, d, start) === n;
      }),
    );
  });
});
