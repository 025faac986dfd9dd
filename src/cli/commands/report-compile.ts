/** `gongkai report compile`: the annual report counted from the case records. */
import type { Command } from 'commander';
import { countBySeverity } from '../../core/report/findings.js';
import { renderReportText } from '../../core/report/render-text.js';
import { CliError, parseLang, type CliIo } from '../io.js';
import { formatFindings } from './report.js';
import { operatorOf, withPlatform } from './with-platform.js';

interface CompileOptions {
  agency: string;
  year: string;
  subtree?: boolean;
  json?: boolean;
  explain?: string;
  lang?: string;
}

/** Registers `report compile` under the `report` command. */
export function registerReportCompileCommand(report: Command, io: CliIo): void {
  report
    .command('compile')
    .description(
      '由办件记录生成年度报告（表三、表四来自办件，表二来自填报） / compile the annual report from the case records',
    )
    .requiredOption('--agency <id>', '机关 id 或代码 / agency id or code')
    .requiredOption('--year <year>', '报告年度 / report year')
    .option('--subtree', '含下级机关的合并报告 / the combined report of the agency and those below it')
    .option('--json', '输出 JSON / print JSON')
    .option(
      '--explain <path>',
      '列出某单元格统计的办件，如 applications.disclosed[0] / list the cases counted in a cell',
    )
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      '\n退出码 / exit codes: 0 一致 consistent · 1 检查发现错误 errors · 2 输入无效 invalid input',
    )
    .action(async (options: CompileOptions) => {
      const lang = parseLang(options.lang);
      const year = Number(options.year);
      if (!/^\d{4}$/.test(options.year)) throw new CliError(`年度无效 / invalid year: ${options.year}`, 2);
      const { compileAnnualReport, explainCell } =
        await import('../../services/reports/compile-annual-report.js');
      await withPlatform(io, async (platform) => {
        const compiled = await compileAnnualReport(platform, operatorOf(io), {
          agency: options.agency,
          year,
          subtree: options.subtree ?? false,
        });
        if (options.explain) {
          const cell = explainCell(compiled, options.explain, lang);
          if (options.json) {
            io.stdout(`${JSON.stringify(cell, null, 2)}\n`);
          } else {
            io.stdout(`${cell.name}（${cell.path}）：${cell.value}\n`);
            for (const id of cell.cases) io.stdout(`${id}\n`);
          }
          return;
        }
        const errorCount = countBySeverity(compiled.findings).errors;
        if (options.json) {
          const { explain: _explain, ...rest } = compiled;
          io.stdout(`${JSON.stringify(rest, null, 2)}\n`);
        } else {
          io.stdout(renderReportText(compiled.report, lang));
          io.stdout('\n');
          io.stdout(formatFindings(compiled.report, compiled.findings, lang));
          const zh = lang === 'zh';
          io.stdout(
            zh
              ? `统计办件 ${compiled.caseCount} 件，机关 ${compiled.agencies.length} 个。\n`
              : `${compiled.caseCount} case(s) from ${compiled.agencies.length} agency(ies).\n`,
          );
          if (!compiled.proactiveEntered) {
            io.stdout(
              zh
                ? '注意：部分机关尚未填报表二（主动公开情况），按 0 计。\n'
                : 'Note: table 二 figures are missing for some agencies and count as 0.\n',
            );
          }
        }
        io.setExitCode(errorCount > 0 ? 1 : 0);
      });
    });
}
