import { DomainError } from '../errors.js';
import { addDays, compareDates, weekday, yearOf, type IsoDate } from './date.js';
import type { CalendarFile, NoticeRef } from './notice.js';

/** What a rule says about one day: a holiday (放假) or a make-up working day (调休上班). */
export interface DayRule {
  kind: 'holiday' | 'makeUpWorkday';
  name: string;
  nameEn?: string;
  /** Where the rule comes from: the national notice of `year`, or a local override. */
  source: { type: 'national'; year: number } | { type: 'local'; authority: string };
}

/** The working-day calendar: years with a notice, and the rules for their special days. Immutable. */
export interface WorkingCalendar {
  readonly notices: ReadonlyMap<number, readonly NoticeRef[]>;
  readonly files: ReadonlyMap<number, CalendarFile>;
  readonly rules: ReadonlyMap<IsoDate, DayRule>;
}

/** The status of one day, and whether the calendar really knows it or only assumes Monday–Friday. */
export interface DayStatus {
  date: IsoDate;
  working: boolean;
  /** weekday / weekend by the base week (《国务院关于职工工作时间的规定》第七条), else the rule that changed it. */
  reason: 'weekday' | 'weekend' | 'holiday' | 'makeUpWorkday';
  rule?: DayRule;
  /** False when the day's year has no notice: the status is then a plain-weekday guess. */
  known: boolean;
}

/** Builds the calendar from yearly files; throws CALENDAR_YEAR_EXISTS when a year comes twice. */
export function buildCalendar(files: readonly CalendarFile[]): WorkingCalendar {
  const notices = new Map<number, readonly NoticeRef[]>();
  const byYear = new Map<number, CalendarFile>();
  const rules = new Map<IsoDate, DayRule>();
  for (const file of files) {
    if (byYear.has(file.year)) throw yearExists(file.year);
    byYear.set(file.year, file);
    notices.set(file.year, file.notices);
    const source = { type: 'national', year: file.year } as const;
    for (const h of file.holidays) {
      for (let d = h.from; compareDates(d, h.to) <= 0; d = addDays(d, 1)) {
        rules.set(d, { kind: 'holiday', name: h.name, nameEn: h.nameEn, source });
      }
    }
    for (const m of file.makeUpWorkdays) {
      rules.set(m.date, { kind: 'makeUpWorkday', name: m.name, nameEn: m.nameEn, source });
    }
  }
  return { notices, files: byYear, rules };
}

/** The error for a year given twice. */
export function yearExists(year: number): DomainError {
  return new DomainError(
    'CALENDAR_YEAR_EXISTS',
    `${year} 年的放假安排已存在，不能重复添加`,
    `the calendar for ${year} already exists and cannot be added again`,
  );
}

/** A local override (e.g. a regional holiday under 《全国年节及纪念日放假办法》第四条) layered onto the calendar. */
export interface LocalOverride {
  date: IsoDate;
  kind: 'holiday' | 'makeUpWorkday';
  name: string;
  nameEn?: string;
  /** The body that set it, e.g. 某自治区人民政府. */
  authority: string;
}

/** A new calendar with local overrides layered over the national one (the national calendar is unchanged). */
export function withOverrides(
  calendar: WorkingCalendar,
  overrides: readonly LocalOverride[],
): WorkingCalendar {
  const rules = new Map(calendar.rules);
  for (const o of overrides) {
    rules.set(o.date, {
      kind: o.kind,
      name: o.name,
      nameEn: o.nameEn,
      source: { type: 'local', authority: o.authority },
    });
  }
  return { ...calendar, rules };
}

/** True when the calendar holds the notice for `year`. */
export function hasYear(calendar: WorkingCalendar, year: number): boolean {
  return calendar.notices.has(year);
}

/**
 * Whether `date` is a working day: a 调休上班 day, or Monday–Friday that is not 放假 (DOMAIN.md §5.1).
 * A day in a year without a notice is judged Monday–Friday and marked `known: false`.
 */
export function dayStatus(calendar: WorkingCalendar, date: IsoDate): DayStatus {
  const known = hasYear(calendar, yearOf(date));
  const rule = calendar.rules.get(date);
  if (rule) {
    return { date, working: rule.kind === 'makeUpWorkday', reason: rule.kind, rule, known };
  }
  const wd = weekday(date);
  const weekend = wd === 0 || wd === 6;
  return { date, working: !weekend, reason: weekend ? 'weekend' : 'weekday', known };
}

/** True when `date` is a working day (a guess on plain weekdays where the year has no notice). */
export function isWorkingDay(calendar: WorkingCalendar, date: IsoDate): boolean {
  return dayStatus(calendar, date).working;
}

/** Throws CALENDAR_YEAR_MISSING unless the calendar holds `year`. */
export function requireYear(calendar: WorkingCalendar, year: number): CalendarFile {
  const file = calendar.files.get(year);
  if (!file) {
    throw new DomainError(
      'CALENDAR_YEAR_MISSING',
      `没有 ${year} 年的放假安排（国务院办公厅通知尚未录入）`,
      `no holiday calendar for ${year} (the State Council notice has not been added)`,
    );
  }
  return file;
}
