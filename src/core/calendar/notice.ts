import { DomainError } from '../errors.js';
import { addDays, compareDates, isIsoDate, weekday, type IsoDate } from './date.js';

/** One State Council notice (or amendment) a year's calendar rests on. */
export interface NoticeRef {
  /** 文号, e.g. 国办发明电〔2023〕7号; null where it is not known. */
  docNumber: string | null;
  title: string;
  /** The date the notice was issued or published. */
  date: IsoDate;
}

/** A 放假 range of a notice, both ends included. */
export interface HolidayRange {
  name: string;
  nameEn?: string;
  from: IsoDate;
  to: IsoDate;
}

/** A weekend day the notice makes a working day (调休上班). */
export interface MakeUpWorkday {
  name: string;
  nameEn?: string;
  date: IsoDate;
}

/** One year's calendar as published: the format of the built-in data and of `gongkai calendar add FILE`. */
export interface CalendarFile {
  year: number;
  notices: NoticeRef[];
  holidays: HolidayRange[];
  makeUpWorkdays: MakeUpWorkday[];
}

/** How far before 1 January a year's notice may reach (元旦 spans such as 2018-12-30 in the 2019 notice). */
const DAYS_BEFORE_YEAR = 10;

interface Problem {
  zh: string;
  en: string;
}

/** Checks a parsed calendar file and returns it typed; throws a DomainError naming every problem found. */
export function validateCalendarFile(input: unknown): CalendarFile {
  const problems: Problem[] = [];
  const fail = (zh: string, en: string) => problems.push({ zh, en });
  const obj = isRecord(input) ? input : {};
  if (!isRecord(input)) fail('文件内容应为一个 JSON 对象', 'the file must hold one JSON object');
  const year = obj.year;
  const yearOk = typeof year === 'number' && Number.isInteger(year) && year >= 1950 && year <= 2200;
  if (!yearOk)
    fail(
      `year 应为 1950–2200 之间的整数：${String(year)}`,
      `year must be an integer 1950–2200: ${String(year)}`,
    );

  const notices = arrayField(obj, 'notices', fail);
  if (notices.length === 0) fail('notices 至少应有一份通知', 'notices must list at least one notice');
  notices.forEach((n, i) => {
    const where = `notices[${i}]`;
    if (!isRecord(n)) return fail(`${where} 应为对象`, `${where} must be an object`);
    if (n.docNumber !== null && typeof n.docNumber !== 'string')
      fail(`${where}.docNumber 应为字符串或 null`, `${where}.docNumber must be a string or null`);
    if (typeof n.title !== 'string' || n.title === '')
      fail(`${where}.title 不能为空`, `${where}.title is required`);
    checkDate(n.date, `${where}.date`, fail);
  });

  const inYear = (date: IsoDate) =>
    yearOk &&
    compareDates(date, addDays(`${String(year)}-01-01`, -DAYS_BEFORE_YEAR)) >= 0 &&
    compareDates(date, `${String(year)}-12-31`) <= 0;
  const offDays = new Map<IsoDate, string>();
  const holidays = arrayField(obj, 'holidays', fail);
  holidays.forEach((h, i) => {
    const where = `holidays[${i}]`;
    if (!isRecord(h)) return fail(`${where} 应为对象`, `${where} must be an object`);
    checkName(h, where, fail);
    const fromOk = checkDate(h.from, `${where}.from`, fail);
    const toOk = checkDate(h.to, `${where}.to`, fail);
    if (!fromOk || !toOk) return;
    const from = h.from as IsoDate;
    const to = h.to as IsoDate;
    if (compareDates(from, to) > 0)
      return fail(`${where} 起日晚于止日：${from}..${to}`, `${where} starts after it ends: ${from}..${to}`);
    for (let d = from; compareDates(d, to) <= 0; d = addDays(d, 1)) {
      if (!inYear(d))
        fail(`${where} 的日期 ${d} 不属于 ${String(year)} 年`, `${where}: ${d} is not in ${String(year)}`);
      if (offDays.has(d)) fail(`放假日期重复：${d}`, `holiday listed twice: ${d}`);
      offDays.set(d, String(h.name));
    }
  });

  const workDays = new Set<IsoDate>();
  const makeUps = arrayField(obj, 'makeUpWorkdays', fail);
  makeUps.forEach((m, i) => {
    const where = `makeUpWorkdays[${i}]`;
    if (!isRecord(m)) return fail(`${where} 应为对象`, `${where} must be an object`);
    checkName(m, where, fail);
    if (!checkDate(m.date, `${where}.date`, fail)) return;
    const d = m.date as IsoDate;
    if (!inYear(d))
      fail(`${where} 的日期 ${d} 不属于 ${String(year)} 年`, `${where}: ${d} is not in ${String(year)}`);
    if (workDays.has(d)) fail(`调休上班日期重复：${d}`, `make-up working day listed twice: ${d}`);
    if (offDays.has(d))
      fail(`${d} 既是放假日又是调休上班日`, `${d} is both a holiday and a make-up working day`);
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6)
      fail(`调休上班日应为周六或周日：${d}`, `a make-up working day must be a Saturday or Sunday: ${d}`);
    workDays.add(d);
  });

  if (problems.length > 0) {
    const first = problems.slice(0, 5);
    const more = problems.length > 5 ? ` (+${problems.length - 5})` : '';
    throw new DomainError(
      'CALENDAR_FILE_INVALID',
      `日历文件有误：${first.map((p) => p.zh).join('；')}${more}`,
      `calendar file is invalid: ${first.map((p) => p.en).join('; ')}${more}`,
    );
  }
  return input as unknown as CalendarFile;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayField(
  obj: Record<string, unknown>,
  key: string,
  fail: (zh: string, en: string) => void,
): unknown[] {
  const value = obj[key];
  if (value === undefined && key === 'makeUpWorkdays') return [];
  if (!Array.isArray(value)) {
    fail(`${key} 应为数组`, `${key} must be an array`);
    return [];
  }
  return value;
}

function checkDate(value: unknown, where: string, fail: (zh: string, en: string) => void): boolean {
  if (typeof value === 'string' && isIsoDate(value)) return true;
  fail(
    `${where} 不是有效日期（YYYY-MM-DD）：${String(value)}`,
    `${where} is not a valid date (YYYY-MM-DD): ${String(value)}`,
  );
  return false;
}

function checkName(
  item: Record<string, unknown>,
  where: string,
  fail: (zh: string, en: string) => void,
): void {
  if (typeof item.name !== 'string' || item.name === '')
    fail(`${where}.name 不能为空`, `${where}.name is required`);
  if (item.nameEn !== undefined && typeof item.nameEn !== 'string')
    fail(`${where}.nameEn 应为字符串`, `${where}.nameEn must be a string`);
}
