import type { Command } from 'commander';
import { parseIsoDate, weekdayName } from '../../core/calendar/date.js';
import { renderTrace } from '../../core/clock/trace.js';
import { addWorkingDays, checkWorkingDays, type Pause } from '../../core/clock/working-days.js';
import {
  applicationFeeFen,
  chooseFeeBasis,
  fenToYuan,
  perApplicationMonthTotalFen,
} from '../../core/fees/fees.js';
import { parseLang, type CliIo } from '../io.js';
import { registerCalendarCommands } from './calendar.js';
import { loadCalendar } from './calendar-store.js';
import { collect, domainErrors, envFlag, parseRange, parseWholeNumber } from './clock-input.js';

/** The statutory clock commands: calendar, deadline and fee. */
export function registerClockCommands(program: Command, io: CliIo): void {
  registerCalendarCommands(program, io);
  registerDeadline(program, io);
  registerFee(program, io);
}

interface DeadlineOptions {
  from: string;
  workingDays: string;
  pause: string[];
  startDayCounts?: boolean;
  json?: boolean;
  lang?: string;
}

function registerDeadline(program: Command, io: CliIo): void {
  program
    .command('deadline')
    .description('按工作日计算期限届满日并说明过程 / compute a due date in working days and show how')
    .requiredOption('--from <date>', '起算日 YYYY-MM-DD / start date YYYY-MM-DD')
    .requiredOption('--working-days <n>', '工作日数 / number of working days')
    .option(
      '--pause <from..to>',
      '不计入的期间（含首尾，可重复）/ days not counted, both ends included (repeatable)',
      collect,
      [],
    )
    .option(
      '--start-day-counts',
      '起算当日计为第 1 个工作日（默认不计入，民法典第二百零一条）/ count the start day as day 1 (default: not counted)',
    )
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', '语言 zh|en / language zh|en')
    .action(
      domainErrors(async (opts: DeadlineOptions) => {
        const lang = parseLang(opts.lang ?? io.env.GONGKAI_LANG);
        const from = parseIsoDate(opts.from, '--from');
        const n = checkWorkingDays(parseWholeNumber(opts.workingDays, '--working-days'));
        const pauses: Pause[] = opts.pause.map((text) => ({
          ...parseRange(text),
          label: { zh: '暂停计算的期间（--pause）', en: 'paused period (--pause)' },
        }));
        const startDayCounts = opts.startDayCounts ?? envFlag(io.env.GONGKAI_START_DAY_COUNTS);
        const result = addWorkingDays(await loadCalendar(io), from, n, { startDayCounts, pauses });
        const trace = renderTrace(result.trace, lang);
        const warnings = result.warnings.map((w) => ({ code: w.code, message: lang === 'zh' ? w.zh : w.en }));
        if (opts.json) {
          const json = {
            from,
            workingDays: n,
            startDayCounts,
            pauses: pauses.map(({ from: f, to }) => ({ from: f, to })),
            due: result.due,
            provisional: result.provisional,
            missingYears: result.missingYears,
            warnings,
            trace,
          };
          io.stdout(`${JSON.stringify(json, null, 2)}\n`);
          return;
        }
        const due = result.due ?? '';
        const lines =
          lang === 'zh'
            ? [`期限届满日：${due}（${weekdayName(due, 'zh')}）${result.provisional ? '【临时结果】' : ''}`]
            : [`Due: ${due} (${weekdayName(due, 'en')})${result.provisional ? ' [PROVISIONAL]' : ''}`];
        for (const w of warnings) lines.push(`${lang === 'zh' ? '警告' : 'Warning'} ${w.code}: ${w.message}`);
        lines.push(lang === 'zh' ? '计算过程：' : 'How it was counted:');
        for (const t of trace) lines.push(`  ${t.text}`);
        io.stdout(`${lines.join('\n')}\n`);
      }),
    );
}

function registerFee(program: Command, io: CliIo): void {
  program
    .command('fee')
    .description(
      '信息处理费（国办函〔2020〕109号），按件或按量 / information processing fee (Guobanhan [2020] 109), per application or per page',
    )
    .option('--pages <n>', '按量：页数 / per page: the number of pages')
    .option(
      '--nth <n>',
      '按件：同一申请人本自然月第 N 件申请 / per application: the N-th application of one applicant this month',
    )
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', '语言 zh|en / language zh|en')
    .action(
      domainErrors(async (opts: { pages?: string; nth?: string; json?: boolean; lang?: string }) => {
        const lang = parseLang(opts.lang ?? io.env.GONGKAI_LANG);
        const basis = chooseFeeBasis({
          pages: opts.pages === undefined ? undefined : parseWholeNumber(opts.pages, '--pages'),
          nth: opts.nth === undefined ? undefined : parseWholeNumber(opts.nth, '--nth'),
        });
        const fen = applicationFeeFen(basis);
        const yuan = fenToYuan(fen);
        if (basis.method === 'perPage') {
          if (opts.json) {
            io.stdout(
              `${JSON.stringify({ method: basis.method, pages: basis.pages, fen, yuan }, null, 2)}\n`,
            );
          } else {
            io.stdout(
              lang === 'zh'
                ? `按量计收 ${basis.pages} 页：${yuan} 元（国办函〔2020〕109号）\n`
                : `Per page, ${basis.pages} pages: ${yuan} yuan (Guobanhan [2020] 109)\n`,
            );
          }
          return;
        }
        const monthTotalFen = perApplicationMonthTotalFen(basis.nth);
        const monthTotalYuan = fenToYuan(monthTotalFen);
        if (opts.json) {
          const json = { method: basis.method, nth: basis.nth, fen, yuan, monthTotalFen, monthTotalYuan };
          io.stdout(`${JSON.stringify(json, null, 2)}\n`);
        } else {
          io.stdout(
            lang === 'zh'
              ? `按件计收，本自然月第 ${basis.nth} 件申请：${yuan} 元；第 1 至 ${basis.nth} 件合计 ${monthTotalYuan} 元（国办函〔2020〕109号）\n`
              : `Per application, application ${basis.nth} this month: ${yuan} yuan; applications 1–${basis.nth} total ${monthTotalYuan} yuan (Guobanhan [2020] 109)\n`,
          );
        }
      }),
    );
}
