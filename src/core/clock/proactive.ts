import type { WorkingCalendar } from '../calendar/calendar.js';
import { compareDates, type IsoDate } from '../calendar/date.js';
import { addWorkingDays, type Deadline } from './working-days.js';

/**
 * 条例第二十六条: "属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开" —
 * the publication deadline for information formed or changed on `formedOrChangedOn`.
 */
export function proactivePublicationDue(
  calendar: WorkingCalendar,
  formedOrChangedOn: IsoDate,
  options: { startDayCounts?: boolean } = {},
): Deadline {
  return addWorkingDays(calendar, formedOrChangedOn, 20, {
    ...options,
    label: { zh: '主动公开期限（条例第二十六条）', en: 'proactive publication period (Art. 26)' },
  });
}

/** True when publication on `publishedOn` met the Art 26 deadline (false if the deadline is unknown). */
export function publishedInTime(deadline: Deadline, publishedOn: IsoDate): boolean {
  return deadline.due !== null && compareDates(publishedOn, deadline.due) <= 0;
}
