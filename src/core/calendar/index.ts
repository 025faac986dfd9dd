import { buildCalendar, type WorkingCalendar } from './calendar.js';
import { NATIONAL_CALENDAR } from './data/national.js';
import type { CalendarFile } from './notice.js';

/** The national calendar from the built-in notices, plus any years added later (e.g. from `calendar add`). */
export function nationalCalendar(added: readonly CalendarFile[] = []): WorkingCalendar {
  return buildCalendar([...NATIONAL_CALENDAR, ...added]);
}

/** The years the built-in data covers. */
export const BUILT_IN_YEARS: readonly number[] = NATIONAL_CALENDAR.map((f) => f.year);
