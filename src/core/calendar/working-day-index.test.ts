import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCalendar, dayStatus, withOverrides, type WorkingCalendar } from './calendar.js';
import { addDays, compareDates, fromDayNumber, toDayNumber, type IsoDate } from './date.js';
import { nationalCalendar } from './index.js';
import type { CalendarFile } from './notice.js';
import { workingDayIndex, workingDaysBetween } from './working-day-index.js';

/** The day-by-day walk the index replaces: working days after `asOf` up to `due`, negative when past. */
function walk(calendar: WorkingCalendar, due: IsoDate, asOf: IsoDate): number {
  const [from, to, sign] = compareDates(asOf, due) <= 0 ? [asOf, due, 1] : [due, asOf, -1];
  let count = 0;
  for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
    if (dayStatus(calendar, d).working) count += 1;
  }
  return sign * count;
}

const national = nationalCalendar();
const dayArb = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

/** Random calendars: a few years with notices, random 放假 ranges and 调休 days, sometimes local overrides. */
const calendarArb: fc.Arbitrary<WorkingCalendar> = fc
  .record({
    years: fc.uniqueArray(fc.integer({ min: 1995, max: 2045 }), { minLength: 0, maxLength: 5 }),
    holidays: fc.array(fc.tuple(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 0, max: 9 })), {
      maxLength: 8,
    }),
    makeUps: fc.array(fc.integer({ min: 0, max: 364 }), { maxLength: 6 }),
    overrides: fc.array(fc.tuple(dayArb('1994-01-01', '2046-12-31'), fc.boolean()), { maxLength: 6 }),
  })
  .map(({ years, holidays, makeUps, overrides }) => {
    const files: CalendarFile[] = years.map((year) => {
      const jan1 = `${year}-01-01`;
      return {
        year,
        notices: [{ docNumber: null, title: `${year}`, date: jan1 }],
        holidays: holidays.map(([start, length], i) => ({
          name: `h${i}`,
          from: addDays(jan1, start),
          to: addDays(jan1, start + length),
        })),
        makeUpWorkdays: makeUps.map((day, i) => ({ name: `m${i}`, date: addDays(jan1, day) })),
      };
    });
    const base = buildCalendar(files);
    return overrides.length === 0
      ? base
      : withOverrides(
          base,
          overrides.map(([date, workday]) => ({
            date,
            kind: workday ? ('makeUpWorkday' as const) : ('holiday' as const),
            name: 'local',
            authority: 'test',
          })),
        );
  });

describe('the working-day index', () => {
  it('agrees with the day-by-day walk on the national calendar (1990–2045, both directions)', () => {
    fc.assert(
      fc.property(dayArb('1990-01-01', '2045-12-31'), fc.integer({ min: -400, max: 400 }), (asOf, span) => {
        const due = addDays(asOf, span);
        return workingDaysBetween(national, asOf, due) === walk(national, due, asOf);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the walk on random calendars with holidays, make-up days and local overrides', () => {
    fc.assert(
      fc.property(
        calendarArb,
        dayArb('1993-01-01', '2047-12-31'),
        fc.integer({ min: -800, max: 800 }),
        (calendar, asOf, span) => {
          const due = addDays(asOf, span);
          return workingDaysBetween(calendar, asOf, due) === walk(calendar, due, asOf);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('says per day what dayStatus says: working or not, known year or guessed', () => {
    fc.assert(
      fc.property(calendarArb, dayArb('1993-01-01', '2047-12-31'), (calendar, date) => {
        const index = workingDayIndex(calendar);
        const status = dayStatus(calendar, date);
        const day = toDayNumber(date);
        return index.isWorking(day) === status.working && index.known(day) === status.known;
      }),
      { numRuns: 600 },
    );
  });

  it('counts one more on a working day than the day before, and never less', () => {
    const index = workingDayIndex(national);
    for (let day = toDayNumber('2018-12-01'); day <= toDayNumber('2027-02-01'); day += 1) {
      expect(index.count(day) - index.count(day - 1)).toBe(index.isWorking(day) ? 1 : 0);
    }
  });

  it('is built once per calendar', () => {
    expect(workingDayIndex(national)).toBe(workingDayIndex(national));
  });

  it('knows the 2024 National Day week', () => {
    // 9/29 (Sunday) and 10/12 (Saturday) are make-up working days; 10/1–10/7 are holidays.
    expect(workingDaysBetween(national, '2024-09-27', '2024-10-10')).toBe(5);
    expect(workingDaysBetween(national, '2024-10-14', '2024-10-10')).toBe(-3);
  });
});
