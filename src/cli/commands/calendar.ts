import type { Command } from 'commander';
import { requireYear } from '../../core/calendar/calendar.js';
import { toDayNumber, weekdayName } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import { parseLang, type CliIo } from '../io.js';
import { addYear, loadCalendar, parseCalendarText } from './calendar-store.js';
import { domainErrors, parseYear } from './clock-input.js';

/** `gongkai calendar show YEAR` and `gongkai calendar add FILE`. */
export function registerCalendarCommands(program: Command, io: CliIo): void {
  const calendar = program
    .command('calendar')
    .description(
      '工作日历：放假与调休上班安排 / the working-day calendar: holidays and make-up working days',
    );

  calendar
    .command('show')
    .description(
      '列出某年的放假和调休上班日及其通知 / list a year’s holidays and make-up working days with the notice',
    )
    .argument('<year>', '年份 / year')
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', '语言 zh|en / language zh|en')
    .action(
      domainErrors(async (yearText: string, opts: { json?: boolean; lang?: string }) => {
        const lang = parseLang(opts.lang ?? io.env.GONGKAI_LANG);
        const year = parseYear(yearText);
        const file = requireYear(await loadCalendar(io), year);
        if (opts.json) {
          io.stdout(`${JSON.stringify(file, null, 2)}\n`);
          return;
        }
        const zh = lang === 'zh';
        const day = (d: string) =>
          zh ? `${d}（${weekdayName(d, 'zh')}）` : `${d} (${weekdayName(d, 'en')})`;
        const lines = [zh ? `${year} 年放假安排` : `Holiday calendar for ${year}`];
        for (const n of file.notices) {
          lines.push(
            `${zh ? '通知' : 'Notice'}: ${n.docNumber ?? (zh ? '（文号未录入）' : '(no document number)')} ${n.title} ${n.date}`,
          );
        }
        lines.push(zh ? '放假：' : 'Holidays:');
        for (const h of file.holidays) {
          const days = toDayNumber(h.to) - toDayNumber(h.from) + 1;
          const name = zh ? h.name : (h.nameEn ?? h.name);
          const range = h.from === h.to ? day(h.from) : `${day(h.from)} ${zh ? '至' : 'to'} ${day(h.to)}`;
          lines.push(`  ${name}: ${range}${zh ? `，共 ${days} 天` : `, ${days} day(s)`}`);
        }
        lines.push(zh ? '调休上班：' : 'Make-up working days:');
        if (file.makeUpWorkdays.length === 0) lines.push(zh ? '  无' : '  none');
        for (const m of file.makeUpWorkdays)
          lines.push(`  ${day(m.date)} ${zh ? m.name : (m.nameEn ?? m.name)}`);
        io.stdout(`${lines.join('\n')}\n`);
      }),
    );

  calendar
    .command('add')
    .description(
      '从文件添加一年的放假安排（格式见 docs/calendar.md）/ add a year’s notice from a file (see docs/calendar.md)',
    )
    .argument('<file>', 'JSON 文件，- 为标准输入 / JSON file, - for standard input')
    .action(
      domainErrors(async (path: string) => {
        let text: string;
        try {
          text = (await io.readInput(path)).toString('utf8');
        } catch {
          throw new DomainError(
            'CALENDAR_FILE_INVALID',
            `无法读取文件：${path}`,
            `cannot read the file: ${path}`,
          );
        }
        const file = parseCalendarText(text, path);
        const stored = await addYear(io, file);
        io.stdout(
          `已添加 ${file.year} 年放假安排（${file.holidays.length} 段放假，${file.makeUpWorkdays.length} 个调休上班日）：${stored} / added the ${file.year} calendar (${file.holidays.length} holiday ranges, ${file.makeUpWorkdays.length} make-up working days)\n`,
        );
      }),
    );
}
