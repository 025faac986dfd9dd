import { describe, expect, it } from 'vitest';
import { buildCalendar, dayStatus, isWorkingDay, withOverrides } from './calendar.js';
import { nationalCalendar } from './index.js';
import { validateCalendarFile, type CalendarFile } from './notice.js';
import { addWorkingDays } from '../clock/working-days.js';
import { renderTrace } from '../clock/trace.js';

/** A made-up 2027 notice used only to exercise the add path (the real one may differ). */
const FIXTURE_2027: CalendarFile = {
  year: 2027,
  notices: [{ docNumber: null, title: '测试用 2027 年放假安排（非真实通知）', date: '2026-11-01' }],
  holidays: [{ name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-03' }],
  makeUpWorkdays: [],
};

function problemOf(input: unknown): string {
  try {
    validateCalendarFile(input);
    return 'valid';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('validating a calendar file', () => {
  it('accepts a well-formed year', () => {
    expect(validateCalendarFile(FIXTURE_2027)).toEqual(FIXTURE_2027);
  });

  it.each([
    [
      'an impossible date',
      { ...FIXTURE_2027, holidays: [{ name: '元旦', from: '2027-02-30', to: '2027-03-01' }] },
      '2027-02-30',
    ],
    [
      'a day listed twice',
      {
        ...FIXTURE_2027,
        holidays: [
          { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
          { name: '元旦', from: '2027-01-03', to: '2027-01-04' },
        ],
      },
      '放假日期重复：2027-01-03',
    ],
    [
      'a holiday that is also a make-up day',
      { ...FIXTURE_2027, makeUpWorkdays: [{ name: '元旦', date: '2027-01-02' }] },
      '既是放假日又是调休上班日',
    ],
    [
      'a make-up day on a weekday',
      { ...FIXTURE_2027, makeUpWorkdays: [{ name: '春节', date: '2027-02-03' }] },
      '周六或周日',
    ],
    [
      'a date of another year',
      { ...FIXTURE_2027, holidays: [{ name: '国庆节', from: '2028-10-01', to: '2028-10-02' }] },
      '不属于 2027 年',
    ],
    [
      'a range that ends before it starts',
      { ...FIXTURE_2027, holidays: [{ name: '春节', from: '2027-02-10', to: '2027-02-05' }] },
      '起日晚于止日',
    ],
    ['no year', { ...FIXTURE_2027, year: 'x' }, 'year'],
    ['no notice', { ...FIXTURE_2027, notices: [] }, 'notices'],
    ['not an object', [1, 2], 'JSON 对象'],
  ])('rejects %s with a Chinese and English message', (_what, input, needle) => {
    const message = problemOf(input);
    expect(message).toContain('CALENDAR_FILE_INVALID');
    expect(message).toContain(needle);
    expect(message).toMatch(/calendar file is invalid/);
  });

  it('accepts 元旦 days just before 1 January (as the 2019 and 2023 notices have)', () => {
    expect(
      problemOf({ ...FIXTURE_2027, holidays: [{ name: '元旦', from: '2026-12-31', to: '2027-01-01' }] }),
    ).toBe('valid');
  });

  it('refuses to build a calendar with a year given twice', () => {
    expect(() => buildCalendar([FIXTURE_2027, FIXTURE_2027])).toThrow(/CALENDAR_YEAR_EXISTS/);
  });
});

describe('local overrides', () => {
  const national = nationalCalendar();
  // An example regional holiday (放假办法第四条); the authority and date are illustrative.
  const local = withOverrides(national, [
    { date: '2025-03-31', kind: 'holiday', name: '壮族三月三', authority: '广西壮族自治区人民政府' },
  ]);

  it('layers a regional holiday over the national calendar without changing it', () => {
    expect(isWorkingDay(national, '2025-03-31')).toBe(true);
    expect(isWorkingDay(local, '2025-03-31')).toBe(false);
    expect(dayStatus(local, '2025-03-31').rule?.source).toEqual({
      type: 'local',
      authority: '广西壮族自治区人民政府',
    });
  });

  it('moves a deadline and names the authority in the trace', () => {
    expect(addWorkingDays(national, '2025-03-28', 1).due).toBe('2025-03-31');
    const result = addWorkingDays(local, '2025-03-28', 1);
    expect(result.due).toBe('2025-04-01');
    expect(renderTrace(result.trace, 'zh').map((t) => t.text)).toContain(
      '2025-03-31（星期一） 壮族三月三放假（广西壮族自治区人民政府规定），不计入',
    );
  });
});
