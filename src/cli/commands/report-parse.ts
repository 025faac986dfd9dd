/** `gongkai report parse FILE…`: read report files of any supported form into the contract. */
import type { Command } from 'commander';
import { DomainError } from '../../core/errors.js';
import { loadReportFile } from '../../services/reports/check-report.js';
import { fileSystemError } from '../../services/scan/inspect-file.js';
import { parseLang, type CliIo } from '../io.js';
import { readReportInput, withDomainErrors } from './shared.js';

/** One file's line when several are parsed. */
type ParseLine =
  | { file: string; format: string; report: unknown }
  | { file: string; error: { code: string; message: string; messageEn: string } };

async function parseOne(io: CliIo, file: string): Promise<ParseLine> {
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await io.readInput('-') : await io.readInput(file);
  } catch (error) {
    return errorLine(file, fileSystemError(file, error));
  }
  try {
    const read = await loadReportFile({ bytes, source: file === '-' ? '标准输入' : file });
    return { file, format: read.format, report: read.report };
  } catch (error) {
    if (error instanceof DomainError) return errorLine(file, error);
    throw error;
  }
}

function errorLine(file: string, error: DomainError): ParseLine {
  return { file, error: { code: error.code, message: error.messageZh, messageEn: error.messageEn } };
}

/** Registers `report parse` under `report`. */
export function registerReportParse(report: Command, io: CliIo): void {
  report
    .command('parse')
    .description(
      '读取报告文件（JSON、文本、HTML、DOCX、PDF），输出 JSON / read report files into the JSON contract',
    )
    .argument('<files...>', '报告文件（- 为标准输入） / report files (- for stdin)')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      [
        '',
        '一个文件：输出报告 JSON 对象；多个文件：每行一个 {"file", "format", "report"} 或 {"file", "error"}',
        'One file: the report as a JSON object; several: JSON Lines of {"file", "format", "report"} or {"file", "error"}',
        '退出码 / exit codes: 0 全部读取 all read · 2 有文件无法读取 some file unreadable',
      ].join('\n'),
    )
    .action(
      withDomainErrors(io, async (files: string[], options: { lang?: string }) => {
        parseLang(options.lang);
        if (files.length === 1) {
          const input = await readReportInput(io, files[0]!);
          const { report } = await loadReportFile(input);
          io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return;
        }
        for (const file of files) {
          const line = await parseOne(io, file);
          if ('error' in line) io.setExitCode(2);
          io.stdout(`${JSON.stringify(line)}\n`);
        }
      }),
    );
}
