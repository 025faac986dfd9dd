import { createHash } from 'node:crypto';
import type { Agency } from '../../core/agency.js';
import { hasYear, withOverrides, type WorkingCalendar } from '../../core/calendar/calendar.js';
import { fromDayNumber, toDayNumber, yearOf, type IsoDate } from '../../core/calendar/date.js';
import { nationalCalendar } from '../../core/calendar/index.js';
import { workingDayIndex } from '../../core/calendar/working-day-index.js';
import type { ClockPolicy } from '../../core/clock/events.js';

const national = nationalCalendar();

/** Calendars with local overrides, by their overrides: one object each, so its working-day index is built once. */
const withLocal = new Map<string, WorkingCalendar>();
const MAX_CACHED_CALENDARS = 1000;

/** The working-day calendar of an agency: the national one with the agency's local overrides. */
export function calendarOf(agency: Agency): WorkingCalendar {
  const overrides = agency.settings.calendarOverrides;
  if (overrides.length === 0) return national;
  const key = JSON.stringify([agency.name, overrides]);
  let calendar = withLocal.get(key);
  if (!calendar) {
    calendar = withOverrides(
      national,
      overrides.map((o) => ({
        date: o.date,
        kind: o.workday ? ('makeUpWorkday' as const) : ('holiday' as const),
        name: o.note ?? (o.workday ? '本机关调休上班' : '本机关放假'),
        authority: agency.name,
      })),
    );
    if (withLocal.size >= MAX_CACHED_CALENDARS) withLocal.clear();
    withLocal.set(key, calendar);
  }
  return calendar;
}

/** How the agency counts (条例第三十三条: whether the day of receipt counts). */
export function clockPolicyOf(agency: Agency): ClockPolicy {
  return { startDayCounts: agency.settings.counting.countReceiptDay };
}

let nationalKey: string | undefined;

/** What the national calendar says, as a hash: the years with a notice and every special day. */
function nationalFingerprint(): string {
  nationalKey ??= createHash('sha256')
    .update(
      JSON.stringify([
        [...national.notices.keys()].sort((a, b) => a - b),
        [...national.rules].map(([date, rule]) => [date, rule.kind]).sort(),
      ]),
    )
    .digest('hex');
  return nationalKey;
}

/**
 * The key of everything a case's stored due date and due ordinal depend on besides its events: the national
 * calendar, the agency's local days and its counting rule. A case list is exact only while it is unchanged.
 */
export function calendarKeyOf(agency: Agency): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        nationalFingerprint(),
        agency.settings.calendarOverrides.map((o) => [o.date, o.workday]),
        agency.settings.counting.countReceiptDay,
      ]),
    )
    .digest('hex');
}

/** What a list needs of a due date: its working-day ordinal in the agency's calendar and whether it may move. */
export interface DueBasis {
  dueOrdinal: number | null;
  dueProvisional: boolean;
}

/** The due basis of an open case's due date (both empty when the case is closed or its clock is not running). */
export function dueBasisOf(agency: Agency, dueOn: IsoDate | null, closed: boolean): DueBasis {
  if (dueOn === null || closed) return { dueOrdinal: null, dueProvisional: false };
  const calendar = calendarOf(agency);
  return {
    dueOrdinal: workingDayIndex(calendar).count(toDayNumber(dueOn)),
    dueProvisional: !hasYear(calendar, yearOf(dueOn)),
  };
}

/** The working-day ordinal of a date in the agency's calendar (days left = due ordinal − this). */
export function dayOrdinalOf(agency: Agency, date: IsoDate): number {
  return workingDayIndex(calendarOf(agency)).count(toDayNumber(date));
}

/**
 * The last date whose working-day ordinal is at most `ordinal` in the agency's calendar, found by walking from
 * `near` (ordinals never decrease, so the dates with an ordinal at most `ordinal` are all dates up to this one).
 */
export function lastDateWithOrdinalAtMost(agency: Agency, ordinal: number, near: IsoDate): IsoDate {
  const index = workingDayIndex(calendarOf(agency));
  let day = toDayNumber(near);
  if (index.count(day) <= ordinal) {
    while (index.count(day + 1) <= ordinal) day += 1;
  } else {
    while (index.count(day) > ordinal) day -= 1;
  }
  return fromDayNumber(day);
}

/** The calendar day in Beijing (UTC+8, no daylight saving) of an instant: dates of the case history are local. */
export function beijingDate(at: Date): IsoDate {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
