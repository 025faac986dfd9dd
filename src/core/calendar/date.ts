import { DomainError } from '../errors.js';

/** A calendar day as `YYYY-MM-DD`; all arithmetic is on UTC day numbers, never local time. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar day written `YYYY-MM-DD` (so 2023-02-30 is false). */
export function isIsoDate(text: string): boolean {
  const match = ISO_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Returns `text` when it is a real `YYYY-MM-DD` day, else throws INVALID_DATE. */
export function parseIsoDate(text: string, what = 'date'): IsoDate {
  if (!isIsoDate(text)) {
    throw new DomainError(
      'INVALID_DATE',
      `日期无效（应为真实存在的 YYYY-MM-DD 日期）：${what} = ${text}`,
      `invalid date (expected a real YYYY-MM-DD day): ${what} = ${text}`,
    );
  }
  return text;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The number of days since 1970-01-01 (UTC). */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The `YYYY-MM-DD` of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The weekday: 0 Sunday … 6 Saturday. */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Compares two dates as strings sort: negative, zero or positive. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The weekday's name in Chinese or English. */
export function weekdayName(date: IsoDate, lang: 'zh' | 'en'): string {
  return (lang === 'zh' ? WEEKDAY_ZH : WEEKDAY_EN)[weekday(date)] ?? '';
}
