import { dayStatus, type WorkingCalendar } from '../calendar/calendar.js';
import { addDays, compareDates, toDayNumber, yearOf, type IsoDate } from '../calendar/date.js';
import { workingDaysBetween } from '../calendar/working-day-index.js';
import { DomainError } from '../errors.js';
import type { ClockWarning, Label, TraceEntry } from './trace.js';

/** Days that do not count although they may be working days; `to: null` is a pause still running. */
export interface Pause {
  from: IsoDate;
  to: IsoDate | null;
  label: Label;
}

/** How to count: the convention for the start day, and the pauses. */
export interface CountOptions {
  /**
   * Whether the start date is itself working day 1. Default false: 民法典第二百零一条 "开始的当日不计入",
   * so day 1 is the first working day after the start date.
   */
  startDayCounts?: boolean;
  pauses?: readonly Pause[];
  /** Words naming what is being counted, shown in the trace's first line. */
  label?: Label;
}

/** A computed deadline: its due date (null while an open pause stops the clock), how sure it is, and why. */
export interface Deadline {
  start: IsoDate;
  workingDays: number;
  due: IsoDate | null;
  /** Working days still to count when an open pause stopped the clock (0 once due is known). */
  remaining: number;
  /** True when a day counted or skipped lies in a year the calendar has no notice for. */
  provisional: boolean;
  /** Years without a notice that the computation ran through. */
  missingYears: number[];
  warnings: ClockWarning[];
  trace: TraceEntry[];
}

/** The most working days one computation may count (about 40 years); guards against runaway input. */
const MAX_WORKING_DAYS = 10_000;

/** Checks a count of working days: an integer from 1 to 10,000, else INVALID_NUMBER. */
export function checkWorkingDays(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKING_DAYS) {
    throw new DomainError(
      'INVALID_NUMBER',
      `工作日数应为 1 至 ${MAX_WORKING_DAYS} 之间的整数：${n}`,
      `the number of working days must be an integer from 1 to ${MAX_WORKING_DAYS}: ${n}`,
    );
  }
  return n;
}

/** The warning for a computation that ran into years without a notice. */
export function missingYearWarning(years: readonly number[]): ClockWarning {
  const list = years.join('、');
  return {
    code: 'CALENDAR_YEAR_MISSING',
    zh: `${list} 年的放假安排尚未录入：这些年份按周一至周五推算，结果为临时结果，录入国务院办公厅通知后须重新计算`,
    en: `no holiday calendar for ${years.join(', ')}: those days were assumed Monday–Friday; the result is provisional and must be recomputed once the State Council notice is added`,
  };
}

function inPause(pauses: readonly Pause[], date: IsoDate): number {
  return pauses.findIndex(
    (p) => compareDates(date, p.from) >= 0 && (p.to === null || compareDates(date, p.to) <= 0),
  );
}

/**
 * The date `n` working days after `start` (条例第三十三条 and others: "自…之日起N个工作日内"), skipping weekends,
 * 放假 days and pauses and counting 调休上班 days; each step is recorded in the trace.
 */
export function addWorkingDays(
  calendar: WorkingCalendar,
  start: IsoDate,
  n: number,
  options: CountOptions = {},
): Deadline {
  checkWorkingDays(n);
  const startDayCounts = options.startDayCounts ?? false;
  const pauses = options.pauses ?? [];
  const trace: TraceEntry[] = [
    { kind: 'start', date: start, workingDays: n, startDayCounts, label: options.label },
  ];
  const missing = new Set<number>();
  let counted = 0;
  let due: IsoDate | null = null;
  let day = startDayCounts ? start : addDays(start, 1);
  let currentPause = -1;
  while (due === null) {
    const p = inPause(pauses, day);
    if (p >= 0) {
      const pause = pauses[p] as Pause;
      if (p !== currentPause) trace.push({ kind: 'pause', from: day, to: pause.to, label: pause.label });
      currentPause = p;
      if (pause.to === null) break;
      day = addDays(day, 1);
      continue;
    }
    currentPause = -1;
    const status = dayStatus(calendar, day);
    const guessedYear = status.known ? undefined : yearOf(day);
    if (guessedYear !== undefined) missing.add(guessedYear);
    if (status.working) {
      counted += 1;
      if (status.reason === 'makeUpWorkday' && status.rule) {
        trace.push({
          kind: 'makeUpWorkday',
          date: day,
          name: status.rule.name,
          nameEn: status.rule.nameEn,
          day: counted,
        });
      } else {
        extend(trace, {
          kind: 'counted',
          from: day,
          to: day,
          firstDay: counted,
          lastDay: counted,
          guessedYear,
        });
      }
      if (counted === n) due = day;
    } else if (status.reason === 'holiday' && status.rule) {
      const authority = status.rule.source.type === 'local' ? status.rule.source.authority : undefined;
      extend(trace, {
        kind: 'holiday',
        from: day,
        to: day,
        name: status.rule.name,
        nameEn: status.rule.nameEn,
        authority,
      });
    } else {
      extend(trace, { kind: 'weekend', from: day, to: day, guessedYear });
    }
    day = addDays(day, 1);
  }
  if (due !== null) trace.push({ kind: 'due', date: due, workingDays: n });
  const missingYears = [...missing].sort((a, b) => a - b);
  return {
    start,
    workingDays: n,
    due,
    remaining: n - counted,
    provisional: missingYears.length > 0,
    missingYears,
    warnings: missingYears.length > 0 ? [missingYearWarning(missingYears)] : [],
    trace,
  };
}

/** Appends a one-day entry, merging it into the previous entry when that one ends the day before and matches. */
function extend(trace: TraceEntry[], entry: TraceEntry & { from: IsoDate; to: IsoDate }): void {
  const last = trace.at(-1);
  if (last && last.kind === entry.kind && 'to' in last && last.to !== null) {
    const adjacent = toDayNumber(last.to) + 1 === toDayNumber(entry.from);
    const same =
      (last.kind === 'counted' && entry.kind === 'counted' && last.guessedYear === entry.guessedYear) ||
      (last.kind === 'weekend' && entry.kind === 'weekend' && last.guessedYear === entry.guessedYear) ||
      (last.kind === 'holiday' &&
        entry.kind === 'holiday' &&
        last.name === entry.name &&
        last.authority === entry.authority);
    if (adjacent && same) {
      last.to = entry.to;
      if (last.kind === 'counted' && entry.kind === 'counted') last.lastDay = entry.lastDay;
      return;
    }
  }
  trace.push(entry);
}

/**
 * Working days left from `asOf` to `due`: the working days after `asOf` up to and including `due`; 0 on the due
 * day itself; negative (working days overdue) after it. O(1) on the calendar's index of cumulative counts.
 */
export function workingDaysLeft(calendar: WorkingCalendar, due: IsoDate, asOf: IsoDate): number {
  return workingDaysBetween(calendar, asOf, due);
}
