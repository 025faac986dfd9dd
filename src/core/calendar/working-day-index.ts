/**
 * An index of a working calendar for counting in O(1): every day has an ordinal (its day number since 1970-01-01)
 * and a cumulative working-day count, so the working days between two dates are one subtraction. No date strings
 * are touched once the index is built: the base week is arithmetic on day numbers, and the calendar's rules
 * (放假, 调休上班) become a dense array of corrections over the span of days they cover.
 */
import type { WorkingCalendar } from './calendar.js';
import { toDayNumber, type IsoDate } from './date.js';

/** The counting view of one calendar. Day numbers are `toDayNumber` values. */
export interface WorkingDayIndex {
  /**
   * Working days up to and including `day`, counted from a fixed origin: only differences mean anything.
   * Non-decreasing in `day`; a working day counts one more than the day before it.
   */
  count(day: number): number;
  /** Whether `day` is a working day (Monday–Friday outside the calendar's years; 放假 and 调休 within them). */
  isWorking(day: number): boolean;
  /** Whether the calendar holds the notice for the year of `day` (else its status is a plain-weekday guess). */
  known(day: number): boolean;
}

const MONDAY_1970_01_05 = 4;

/** Monday–Friday days up to and including `day`, counted from the Monday 1970-01-05 (negative before it). */
function weekdaysThrough(day: number): number {
  const sinceMonday = day - MONDAY_1970_01_05;
  const weeks = Math.floor(sinceMonday / 7);
  return weeks * 5 + Math.min(sinceMonday - weeks * 7 + 1, 5);
}

function isWeekday(day: number): boolean {
  const sinceMonday = day - MONDAY_1970_01_05;
  return sinceMonday - Math.floor(sinceMonday / 7) * 7 < 5;
}

/** `known` as runs of whole years merged into day ranges (the years with a notice are nearly always one run). */
function knownDays(years: ReadonlySet<number>): (day: number) => boolean {
  const runs: [number, number][] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const from = toDayNumber(`${String(year).padStart(4, '0')}-01-01`);
    const to = toDayNumber(`${String(year + 1).padStart(4, '0')}-01-01`) - 1;
    const previous = runs.at(-1);
    if (previous && previous[1] + 1 === from) previous[1] = to;
    else runs.push([from, to]);
  }
  return (day) => runs.some(([from, to]) => day >= from && day <= to);
}

const cache = new WeakMap<WorkingCalendar, WorkingDayIndex>();

/** The index of a calendar, built once per calendar object (calendars are immutable) and cached. */
export function workingDayIndex(calendar: WorkingCalendar): WorkingDayIndex {
  let index = cache.get(calendar);
  if (!index) {
    index = buildIndex(calendar);
    cache.set(calendar, index);
  }
  return index;
}

function buildIndex(calendar: WorkingCalendar): WorkingDayIndex {
  // Rule days become day numbers once; `working` says what the rule makes of the day.
  const rules: { day: number; working: boolean }[] = [];
  for (const [date, rule] of calendar.rules) {
    rules.push({ day: toDayNumber(date), working: rule.kind === 'makeUpWorkday' });
  }
  const years = new Set(calendar.notices.keys());
  if (rules.length === 0) {
    return {
      count: weekdaysThrough,
      isWorking: isWeekday,
      known: knownDays(years),
    };
  }
  let first = Infinity;
  let last = -Infinity;
  for (const r of rules) {
    first = Math.min(first, r.day);
    last = Math.max(last, r.day);
  }
  const span = last - first + 1;
  // working[i]: the status of day first + i; correction[i]: the rules' net change to the count up to that day.
  const working = new Uint8Array(span);
  for (let i = 0; i < span; i += 1) working[i] = isWeekday(first + i) ? 1 : 0;
  for (const r of rules) working[r.day - first] = r.working ? 1 : 0;
  const correction = new Int32Array(span);
  let net = 0;
  for (let i = 0; i < span; i += 1) {
    net += (working[i] as number) - (isWeekday(first + i) ? 1 : 0);
    correction[i] = net;
  }
  return {
    count(day) {
      const at = day - first;
      if (at < 0) return weekdaysThrough(day);
      return weekdaysThrough(day) + (correction[at < span ? at : span - 1] as number);
    },
    isWorking(day) {
      const at = day - first;
      return at >= 0 && at < span ? working[at] === 1 : isWeekday(day);
    },
    known: knownDays(years),
  };
}

/**
 * Working days from `asOf` to `due`: the working days after `asOf` up to and including `due` (0 on the due day,
 * negative when overdue: the working days after `due` up to and including `asOf`). O(1).
 */
export function workingDaysBetween(calendar: WorkingCalendar, asOf: IsoDate, due: IsoDate): number {
  const index = workingDayIndex(calendar);
  return index.count(toDayNumber(due)) - index.count(toDayNumber(asOf));
}
