/** `gongkai report export`: the annual report as DOCX, PDF, XLSX, HTML or JSON. */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { closePdfPrinter } from '../../services/reports/export/pdf-printer.js';
import {
  EXPORT_FORMATS,
  exportAnnualReport,
  parseExportFormat,
} from '../../services/reports/export/export-annual-report.js';
import { asCliError, operatorOf, withPlatform } from './with-platform.js';
import { CliError, parseLang, type CliIo } from '../io.js';

interface ExportOptions {
  agency: string;
  year: string;
  format: string;
  subtree?: boolean;
  out?: string;
  lang?: string;
}

/** Registers `report export` under the `report` command. */
export function registerReportExportCommand(report: Command, io: CliIo): void {
  report
    .command('export')
    .description('导出年度报告（DOCX、PDF、XLSX、HTML、JSON） / export the annual report')
    .requiredOption('--agency <id>', '机关 id 或代码 / agency id or code')
    .requiredOption('--year <year>', '报告年度 / report year')
    .requiredOption('--format <format>', `格式 / format: ${EXPORT_FORMATS.join('|')}`)
    .option(
      '--subtree',
      '含下级机关：XLSX 为每个机关一行的汇总表，其他格式为合并报告 / with the agencies below: XLSX one row per agency, other formats the combined report',
    )
    .option('--out <file>', '输出文件（默认为中文报告标题；JSON 默认输出到终端，“-”为终端）/ output file')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      '\n退出码 / exit codes: 0 已导出 exported · 1 无法导出 refused · 2 输入无效 invalid input',
    )
    .action(async (options: ExportOptions) => {
      const lang = parseLang(options.lang);
      if (!/^\d{4}$/.test(options.year)) throw new CliError(`年度无效 / invalid year: ${options.year}`, 2);
      try {
        parseExportFormat(options.format);
      } catch (error) {
        throw new CliError((asCliError(error) as Error).message, 2);
      }
      try {
        const file = await withPlatform(io, (platform) =>
          exportAnnualReport(platform, operatorOf(io), {
            agency: options.agency,
            year: Number(options.year),
            format: options.format,
            subtree: options.subtree ?? false,
          }),
        );
        const toTerminal = options.out === '-' || (options.out === undefined && file.format === 'json');
        if (toTerminal) {
          if (file.format !== 'json' && file.format !== 'html') {
            throw new CliError(
              `${file.format.toUpperCase()} 是二进制文件，请用 --out 指定文件 / ${file.format} is binary: give --out FILE`,
              2,
            );
          }
          io.stdout(new TextDecoder().decode(file.bytes));
        } else {
          const path = resolve(options.out ?? file.fileName);
          await writeFile(path, file.bytes);
          io.stdout(lang === 'zh' ? `已导出：${path}\n` : `Exported: ${path}\n`);
        }
        for (const note of file.notes) io.stderr(`${lang === 'zh' ? note.message : note.messageEn}\n`);
      } finally {
        await closePdfPrinter();
      }
    });
}
