import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { yearExists, type WorkingCalendar } from '../../core/calendar/calendar.js';
import { BUILT_IN_YEARS, nationalCalendar } from '../../core/calendar/index.js';
import { validateCalendarFile, type CalendarFile } from '../../core/calendar/notice.js';
import { DomainError } from '../../core/errors.js';
import type { CliIo } from '../io.js';

/** Where `calendar add` stores added years: GONGKAI_CALENDAR_DIR, default ./data/calendar/. */
export function calendarDir(io: CliIo): string {
  return io.env.GONGKAI_CALENDAR_DIR || join('.', 'data', 'calendar');
}

/** Parses and validates the text of a calendar file. */
export function parseCalendarText(text: string, source: string): CalendarFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new DomainError(
      'CALENDAR_FILE_INVALID',
      `日历文件不是有效的 JSON：${source}`,
      `the calendar file is not valid JSON: ${source}`,
    );
  }
  return validateCalendarFile(data);
}

/** The years added with `calendar add`, read from the calendar directory (missing directory = none). */
export async function loadAddedYears(io: CliIo): Promise<CalendarFile[]> {
  const dir = calendarDir(io);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const files: CalendarFile[] = [];
  for (const name of names) {
    const path = join(dir, name);
    files.push(parseCalendarText(await readFile(path, 'utf8'), path));
  }
  return files;
}

/** The national calendar with the added years, as every clock command sees it. */
export async function loadCalendar(io: CliIo): Promise<WorkingCalendar> {
  return nationalCalendar(await loadAddedYears(io));
}

/** Validates a new year's file and stores it; refuses a year already present. */
export async function addYear(io: CliIo, file: CalendarFile): Promise<string> {
  const added = await loadAddedYears(io);
  if (BUILT_IN_YEARS.includes(file.year) || added.some((f) => f.year === file.year))
    throw yearExists(file.year);
  const dir = calendarDir(io);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${file.year}.json`);
  await writeFile(path, `${JSON.stringify(file, null, 2)}\n`, 'utf8');
  return path;
}
