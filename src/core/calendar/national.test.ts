import { describe, expect, it } from 'vitest';
import { dayStatus, isWorkingDay } from './calendar.js';
import { addDays, weekday } from './date.js';
import { BUILT_IN_YEARS, nationalCalendar } from './index.js';

// Each year re-transcribed from its notice, independently of data/national.ts: 放假 ranges, and 上班 days with the
// weekday the notice prints beside them (六 = Saturday, 日 = Sunday).
const NOTICES: Record<number, { off: string[]; work: string[] }> = {
  // 国办发明电〔2018〕15号, 劳动节 as amended by 国办发明电〔2019〕2号
  2019: {
    off: ['01-01', '02-04..02-10', '04-05', '05-01..05-04', '06-07', '09-13', '10-01..10-07'],
    work: ['02-02(六)', '02-03(日)', '04-28(日)', '05-05(日)', '09-29(日)', '10-12(六)'],
  },
  // 国办发明电〔2019〕16号, 春节 extended to 2月2日 by 国办发明电〔2020〕1号 (2月1日 no longer a working day)
  2020: {
    off: ['01-01', '01-24..02-02', '04-04..04-06', '05-01..05-05', '06-25..06-27', '10-01..10-08'],
    work: ['01-19(日)', '04-26(日)', '05-09(六)', '06-28(日)', '09-27(日)', '10-10(六)'],
  },
  // 国办发明电〔2020〕27号
  2021: {
    off: [
      '01-01..01-03',
      '02-11..02-17',
      '04-03..04-05',
      '05-01..05-05',
      '06-12..06-14',
      '09-19..09-21',
      '10-01..10-07',
    ],
    work: ['02-07(日)', '02-20(六)', '04-25(日)', '05-08(六)', '09-18(六)', '09-26(日)', '10-09(六)'],
  },
  // 国办发明电〔2021〕11号
  2022: {
    off: [
      '01-01..01-03',
      '01-31..02-06',
      '04-03..04-05',
      '04-30..05-04',
      '06-03..06-05',
      '09-10..09-12',
      '10-01..10-07',
    ],
    work: ['01-29(六)', '01-30(日)', '04-02(六)', '04-24(日)', '05-07(六)', '10-08(六)', '10-09(日)'],
  },
  // DOMAIN.md §5.2 (S15)
  2023: {
    off: ['01-01..01-02', '01-21..01-27', '04-05', '04-29..05-03', '06-22..06-24', '09-29..10-06'],
    work: ['01-28(六)', '01-29(日)', '04-23(日)', '05-06(六)', '06-25(日)', '10-07(六)', '10-08(日)'],
  },
  // 国办发明电〔2023〕7号 (S12)
  2024: {
    off: ['01-01', '02-10..02-17', '04-04..04-06', '05-01..05-05', '06-10', '09-15..09-17', '10-01..10-07'],
    work: [
      '02-04(日)',
      '02-18(日)',
      '04-07(日)',
      '04-28(日)',
      '05-11(六)',
      '09-14(六)',
      '09-29(日)',
      '10-12(六)',
    ],
  },
  // 国办发明电〔2024〕12号 (S13)
  2025: {
    off: ['01-01', '01-28..02-04', '04-04..04-06', '05-01..05-05', '05-31..06-02', '10-01..10-08'],
    work: ['01-26(日)', '02-08(六)', '04-27(日)', '09-28(日)', '10-11(六)'],
  },
  // notice of 2025-11-04 (S14)
  2026: {
    off: [
      '01-01..01-03',
      '02-15..02-23',
      '04-04..04-06',
      '05-01..05-05',
      '06-19..06-21',
      '09-25..09-27',
      '10-01..10-07',
    ],
    work: ['01-04(日)', '02-14(六)', '02-28(六)', '05-09(六)', '09-20(日)', '10-10(六)'],
  },
};

function expand(year: number, spec: string): string[] {
  const [from, to = from] = spec.split('..') as [string, string?];
  const days: string[] = [];
  for (let d = `${year}-${from}`; d <= `${year}-${to}`; d = addDays(d, 1)) days.push(d);
  return days;
}

const calendar = nationalCalendar();

describe('the national calendar 2019–2026, day by day against the notices', () => {
  it('covers every year from 2019 to 2026', () => {
    expect(BUILT_IN_YEARS).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  for (const [yearText, notice] of Object.entries(NOTICES)) {
    const year = Number(yearText);
    const off = new Set(notice.off.flatMap((spec) => expand(year, spec)));
    const work = new Map(notice.work.map((w) => [`${year}-${w.slice(0, 5)}`, w.slice(6, 7)]));

    it(`${year}: every make-up working day falls on the weekday the notice prints`, () => {
      for (const [date, wd] of work) expect([date, weekday(date)]).toEqual([date, wd === '六' ? 6 : 0]);
    });

    it(`${year}: each of the 365/366 days is a working day exactly when the notice says so`, () => {
      const wrong: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const wd = weekday(d);
        const expected = work.has(d) || (wd !== 0 && wd !== 6 && !off.has(d));
        if (isWorkingDay(calendar, d) !== expected) wrong.push(d);
        expect(dayStatus(calendar, d).known).toBe(true);
      }
      expect(wrong).toEqual([]);
    });
  }

  it('names the holiday and the notice for a day', () => {
    const status = dayStatus(calendar, '2024-10-03');
    expect(status).toMatchObject({ working: false, reason: 'holiday', rule: { name: '国庆节' } });
    expect(dayStatus(calendar, '2024-09-29')).toMatchObject({ working: true, reason: 'makeUpWorkday' });
    expect(calendar.notices.get(2024)?.[0]?.docNumber).toBe('国办发明电〔2023〕7号');
    expect(calendar.notices.get(2019)?.map((n) => n.docNumber)).toEqual([
      '国办发明电〔2018〕15号',
      '国办发明电〔2019〕2号',
    ]);
  });

  it('applies the 2019 notice to 2018-12-31 and the 2023 notice to 2022-12-31 (元旦 spans)', () => {
    expect(isWorkingDay(calendar, '2018-12-31')).toBe(false);
    expect(isWorkingDay(calendar, '2018-12-29')).toBe(true);
    expect(dayStatus(calendar, '2022-12-31').reason).toBe('holiday');
  });

  it('marks a day of a year without a notice as unknown, judged Monday–Friday', () => {
    expect(dayStatus(calendar, '2027-01-01')).toEqual({
      date: '2027-01-01',
      working: true,
      reason: 'weekday',
      known: false,
    });
    expect(dayStatus(calendar, '2027-01-02')).toMatchObject({
      working: false,
      reason: 'weekend',
      known: false,
    });
  });
});
