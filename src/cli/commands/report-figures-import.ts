/** `gongkai report figures-import`: table 二's entered figures (许可、处罚、强制、收费) from a CSV or XLSX file. */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { importReportFigures } from '../../services/reports/import-report-figures.js';
import { parseLang, type CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

interface FiguresImportOptions {
  dryRun?: boolean;
  json?: boolean;
  lang?: string;
}

/** Registers `report figures-import` under the `report` command. */
export function registerReportFiguresImportCommand(report: Command, io: CliIo): void {
  report
    .command('figures-import <file>')
    .description(
      '从 CSV 或 XLSX 导入表二填报数（行政许可、行政处罚、行政强制、行政事业性收费），每行一个机关和年度 / import table 二 figures from CSV or XLSX',
    )
    .option(
      '--dry-run',
      '只列出将导入和将拒绝的行，不保存 / list what would be imported or refused; store nothing',
    )
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      '\n表头 / header: 机关代码,年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）\n' +
        '退出码 / exit codes: 0 全部导入 all rows imported · 1 有行被拒绝 some rows refused · 2 文件无效 invalid file',
    )
    .action(async (file: string, options: FiguresImportOptions) => {
      const lang = parseLang(options.lang);
      const bytes = new Uint8Array(await io.readInput(file));
      await withPlatform(io, async (platform) => {
        const result = await importReportFigures(platform, operatorOf(io), {
          bytes,
          name: file === '-' ? 'stdin' : basename(file),
          dryRun: options.dryRun ?? false,
        });
        if (options.json) {
          io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        } else {
          const zh = lang === 'zh';
          for (const row of result.refused) {
            const reasons = row.reasons.map((r) => (zh ? r.zh : r.en)).join(zh ? '；' : '; ');
            io.stdout(zh ? `第 ${row.line} 行拒绝：${reasons}\n` : `line ${row.line} refused: ${reasons}\n`);
          }
          const verb = result.dryRun ? (zh ? '将导入' : 'would import') : zh ? '已导入' : 'imported';
          io.stdout(
            zh
              ? `${verb} ${result.accepted.length} 行，拒绝 ${result.refused.length} 行。\n`
              : `${verb} ${result.accepted.length} row(s), refused ${result.refused.length}.\n`,
          );
        }
        io.setExitCode(result.refused.length > 0 ? 1 : 0);
      });
    });
}
