/** `gongkai publishing import`: an existing catalogue (CSV/XLSX) with its attachments (folder or ZIP). */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { AttachmentExtractor } from '../../services/publishing/attachments/pool.js';
import { importCatalogue, type AttachmentSource } from '../../services/publishing/import/import-catalogue.js';
import { CliError, parseLang, type CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

interface ImportOptions {
  attachments?: string;
  agency?: string;
  dryRun?: boolean;
  json?: boolean;
  lang?: string;
}

async function attachmentSource(path: string | undefined): Promise<AttachmentSource> {
  if (!path) return { kind: 'none' };
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CliError(`找不到附件目录或压缩包 / attachments not found: ${path}`);
  }
  if (info.isDirectory()) return { kind: 'folder', path };
  return { kind: 'zip', name: basename(path), bytes: new Uint8Array(await readFile(path)) };
}

/** Adds `import` to the `publishing` command group (registered before this). */
export function registerCatalogueImportCommand(program: Command, io: CliIo): void {
  const publishing = program.commands.find((c) => c.name() === 'publishing') ?? program.command('publishing');
  publishing
    .command('import <table>')
    .description(
      '导入原有公开目录（CSV 或 XLSX，含索引号和元数据）及附件（目录或 ZIP）/ import an existing catalogue with its attachments',
    )
    .option('--attachments <path>', '附件所在目录或 ZIP 压缩包 / folder or ZIP holding the attachments')
    .option(
      '--agency <code>',
      '表中没有“机关代码”列时的机关 / the agency when the table has no agency column',
    )
    .option('--dry-run', '只检查并列出将拒绝的行及原因，不保存 / check and list refused rows; store nothing')
    .option('--json', '输出 JSON / print JSON')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      '\n必需列 / required columns: 标题,发布日期,主题分类,体裁,公开事项（及 机关代码 或 --agency）\n' +
        '可选列 / optional: 索引号,文号,发布机构,成文日期,有效性,施行日期,失效日期,废止日期,废止或修改依据,关键词,内容概述,正文,附件\n' +
        '退出码 / exit codes: 0 全部导入 all rows · 1 有行被拒绝 some rows refused · 2 文件无效 invalid file',
    )
    .action(async (table: string, options: ImportOptions) => {
      const lang = parseLang(options.lang);
      const bytes = new Uint8Array(await io.readInput(table));
      const attachments = await attachmentSource(options.attachments);
      const extractor = new AttachmentExtractor({ workers: 1 });
      try {
        await withPlatform(io, async (platform) => {
          const result = await importCatalogue(
            platform,
            operatorOf(io),
            {
              table: { name: table === '-' ? 'stdin' : basename(table), bytes },
              attachments,
              ...(options.agency ? { agency: options.agency } : {}),
              dryRun: options.dryRun ?? false,
            },
            { extractor },
          );
          if (options.json) {
            io.stdout(`${JSON.stringify(result, null, 2)}\n`);
          } else {
            const zh = lang === 'zh';
            for (const row of result.refused) {
              const reasons = row.reasons.map((r) => (zh ? `${r.field}：${r.zh}` : `${r.field}: ${r.en}`));
              io.stdout(
                zh
                  ? `第 ${row.line} 行拒绝：${reasons.join('；')}\n`
                  : `line ${row.line} refused: ${reasons.join('; ')}\n`,
              );
            }
            const flagged = result.accepted.filter((r) => r.personalData > 0);
            for (const row of flagged) {
              io.stdout(
                zh
                  ? `第 ${row.line} 行（${row.indexNumber ?? '新索引号'}）的附件含 ${row.personalData} 处个人信息，请复核\n`
                  : `line ${row.line} (${row.indexNumber ?? 'new index number'}): ${row.personalData} personal-data finding(s) in its attachments; review them\n`,
              );
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
      } finally {
        await extractor.close();
      }
    });
}
