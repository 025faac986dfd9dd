import type { Agency } from '../../core/agency.js';
import { withOverrides, type WorkingCalendar } from '../../core/calendar/calendar.js';
import type { IsoDate } from '../../core/calendar/date.js';
import { nationalCalendar } from '../../core/calendar/index.js';
import type { ClockPolicy } from '../../core/clock/events.js';

const national = nationalCalendar();

/** The working-day calendar of an agency: the national one with the agency's local overrides. */
export function calendarOf(agency: Agency): WorkingCalendar {
  const overrides = agency.settings.calendarOverrides;
  if (overrides.length === 0) return national;
  return withOverrides(
    national,
    overrides.map((o) => ({
      date: o.date,
      kind: o.workday ? ('makeUpWorkday' as const) : ('holiday' as const),
      name: o.note ?? (o.workday ? '本机关调休上班' : '本机关放假'),
      authority: agency.name,
    })),
  );
}

/** How the agency counts (条例第三十三条: whether the day of receipt counts). */
export function clockPolicyOf(agency: Agency): ClockPolicy {
  return { startDayCounts: agency.settings.counting.countReceiptDay };
}

/** The calendar day in Beijing (UTC+8, no daylight saving) of an instant: dates of the case history are local. */
export function beijingDate(at: Date): IsoDate {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
