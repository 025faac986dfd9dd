/** `gongkai report …`: check and show annual reports. */
import type { Command } from 'commander';
import { cellName } from '../../core/report/cells.js';
import { countBySeverity, type Finding } from '../../core/report/findings.js';
import { annualReportJsonSchema } from '../../core/report/json-schema.js';
import type { AnnualReport } from '../../core/report/model.js';
import { renderReportText } from '../../core/report/render-text.js';
import { checkReportFile, loadReportFile, type ReportFile } from '../../services/reports/check-report.js';
import { parseLang, type CliIo, type Lang } from '../io.js';
import { registerReportCompileCommand } from './report-compile.js';
import { registerReportExportCommand } from './report-export.js';
import { registerReportParse } from './report-parse.js';
import { registerReportScan } from './report-scan.js';
import { registerReportFiguresImportCommand } from './report-figures-import.js';
import { readReportInput, withDomainErrors } from './shared.js';

function header(report: AnnualReport, lang: Lang): string {
  const zh = lang === 'zh';
  const agency = report.agency ?? (zh ? '（未识别发布机关）' : '(agency not found)');
  const year = report.year ?? '?';
  const format =
    report.template === '2021'
      ? zh
        ? '2021 年格式'
        : '2021 format'
      : zh
        ? '2019 年试行格式'
        : '2019 试行 format';
  return zh ? `${agency} · ${year} 年度 · ${format}` : `${agency} · ${year} · ${format}`;
}

function show(value: number | null | undefined, lang: Lang): string {
  if (value === null) return lang === 'zh' ? '空' : 'blank';
  return String(value);
}

/** Prints findings for a person: one block per finding, naming the cell as the printed table does. */
export function formatFindings(report: AnnualReport, findings: readonly Finding[], lang: Lang): string {
  const zh = lang === 'zh';
  const { errors, warnings } = countBySeverity(findings);
  const lines = [header(report, lang)];
  lines.push(
    zh ? `错误 ${errors} 项，警告 ${warnings} 项` : `${errors} error(s), ${warnings} warning(s)`,
    '',
  );
  for (const f of findings) {
    const mark = f.severity === 'error' ? (zh ? '✗ 错误' : '✗ error') : zh ? '! 警告' : '! warning';
    lines.push(`${mark} [${f.rule}] ${cellName(f.path, lang)}`);
    lines.push(`    ${zh ? f.message : f.messageEn}`);
    if (f.expected !== undefined || f.actual !== undefined) {
      const expected =
        f.expected === undefined ? '' : `${zh ? '应为' : 'expected'} ${show(f.expected, lang)}`;
      const actual = f.actual === undefined ? '' : `${zh ? '实为' : 'actual'} ${show(f.actual, lang)}`;
      lines.push(`    ${[expected, actual].filter(Boolean).join(zh ? '，' : ', ')}`);
    }
  }
  if (findings.length > 0) lines.push('');
  lines.push(
    errors === 0
      ? zh
        ? '结论：表格数据一致，未发现错误。'
        : 'Result: the tables are consistent; no errors.'
      : zh
        ? `结论：发现 ${errors} 项错误，报告数据不一致。`
        : `Result: ${errors} error(s); the report does not add up.`,
  );
  return `${lines.join('\n')}\n`;
}

/** Registers `report check`, `parse`, `scan`, `show`, `schema` and `compile`. */
export function registerReportCommands(program: Command, io: CliIo): void {
  const report = program
    .command('report')
    .description(
      '年度报告：检查、显示、读取、批量扫描、汇编 / annual reports: check, show, parse, scan, compile',
    )
    .helpOption('-h, --help', '显示帮助 / show help');

  report
    .command('check')
    .description(
      '检查年度报告的表格是否一致（文件为 - 时读标准输入） / check that a report adds up (- reads stdin)',
    )
    .argument('<file>', '年度报告文件 / report file')
    .option(
      '--previous <file>',
      "同一机关上一年度的报告，检查结转衔接 / the previous year's report, for carry-over",
    )
    .option('--json', '输出 JSON：{"report": …, "findings": […]} / print JSON')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      '\n退出码 / exit codes: 0 无错误 no error · 1 有错误 errors found · 2 无法读取或不是报告 unreadable or not a report',
    )
    .action(
      withDomainErrors(
        io,
        async (file: string, options: { previous?: string; json?: boolean; lang?: string }) => {
          const lang = parseLang(options.lang);
          const input: ReportFile = await readReportInput(io, file);
          const previous = options.previous ? await readReportInput(io, options.previous) : undefined;
          const checked = await checkReportFile(input, previous);
          if (options.json) io.stdout(`${JSON.stringify(checked, null, 2)}\n`);
          else io.stdout(formatFindings(checked.report, checked.findings, lang));
          io.setExitCode(countBySeverity(checked.findings).errors > 0 ? 1 : 0);
        },
      ),
    );

  registerReportFiguresImportCommand(report, io);
  registerReportParse(report, io);
  registerReportScan(report, io);

  report
    .command('show')
    .description('以表格显示年度报告 / show a report as its tables')
    .argument('<file>', '年度报告文件（- 为标准输入） / report file (- for stdin)')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .action(
      withDomainErrors(io, async (file: string, options: { lang?: string }) => {
        const lang = parseLang(options.lang);
        const input = await readReportInput(io, file);
        io.stdout(renderReportText((await loadReportFile(input)).report, lang));
      }),
    );

  report
    .command('schema')
    .description('输出报告的 JSON Schema / print the report JSON Schema')
    .helpOption('-h, --help', '显示帮助 / show help')
    .action(() => io.stdout(`${JSON.stringify(annualReportJsonSchema(), null, 2)}\n`));

  registerReportCompileCommand(report, io);
  registerReportExportCommand(report, io);
}
