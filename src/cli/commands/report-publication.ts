/** `gongkai report text|approve|publish|status`: the annual report's publication from the command line. */
import type { Command } from 'commander';
import { PUBLICATION_STATUS_WORDS } from '../../core/report/deadline.js';
import { SECTIONS } from '../../core/report/template.js';
import { approveReport } from '../../services/reports/approve-report.js';
import type { ReportPublicationState } from '../../services/reports/get-publication-state.js';
import { getPublicationState } from '../../services/reports/get-publication-state.js';
import { publishReport } from '../../services/reports/publish-report.js';
import { getReportTexts, setReportTexts } from '../../services/reports/set-report-texts.js';
import { subtreeOverview } from '../../services/reports/subtree-overview.js';
import { CliError, parseLang, type CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

interface YearOptions {
  agency: string;
  year: string;
  lang?: string;
  json?: boolean;
}

const STEP_WORDS = {
  draft: { zh: '未审批', en: 'not approved' },
  approved: { zh: '已审批，待发布', en: 'approved, not published' },
  published: { zh: '已发布', en: 'published' },
} as const;

function yearOf(options: YearOptions): number {
  if (!/^\d{4}$/.test(options.year)) throw new CliError(`年度无效 / invalid year: ${options.year}`, 2);
  return Number(options.year);
}

function describeState(state: ReportPublicationState, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  const deadline = PUBLICATION_STATUS_WORDS[state.deadline.status][lang];
  return (
    `${state.agency.name} ${state.year}: ${STEP_WORDS[state.step][lang]} · ${deadline} · ` +
    `${zh ? '期限' : 'due'} ${state.deadline.dueDate}` +
    (state.deadline.publishedOn ? ` · ${zh ? '发布于' : 'published on'} ${state.deadline.publishedOn}` : '') +
    '\n'
  );
}

/** Registers the publication commands under the `report` command. */
export function registerReportPublicationCommands(report: Command, io: CliIo): void {
  const common = (command: Command) =>
    command
      .requiredOption('--agency <id>', '机关 id 或代码 / agency id or code')
      .requiredOption('--year <year>', '报告年度 / report year')
      .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
      .helpOption('-h, --help', '显示帮助 / show help');

  common(
    report
      .command('text')
      .description('填写年度报告某一部分的文字（从文件或标准输入读取）/ write the text of one section'),
  )
    .requiredOption('--section <number>', `部分 / section: ${SECTIONS.map((s) => s.number).join(' ')}`)
    .requiredOption('--file <file>', '文字文件，“-”为标准输入 / a text file, - for standard input')
    .action(async (options: YearOptions & { section: string; file: string }) => {
      const year = yearOf(options);
      const text = (await io.readInput(options.file)).toString('utf8');
      await withPlatform(io, async (platform) => {
        const current = await getReportTexts(platform, operatorOf(io), options.agency, year);
        const texts = await setReportTexts(platform, operatorOf(io), options.agency, year, {
          ...current,
          [options.section]: text,
        });
        io.stdout(`已保存 / saved: ${Object.keys(texts).join(' ')}\n`);
      });
    });

  for (const [name, description, action] of [
    ['approve', '负责人审批年度报告（冻结内容）/ approve the report (freezes it)', approveReport],
    ['publish', '发布已审批的年度报告 / publish the approved report', publishReport],
  ] as const) {
    common(report.command(name).description(description)).action(async (options: YearOptions) => {
      const lang = parseLang(options.lang);
      const year = yearOf(options);
      const state = await withPlatform(io, (platform) =>
        action(platform, operatorOf(io), options.agency, year),
      );
      io.stdout(describeState(state, lang));
    });
  }

  common(
    report
      .command('status')
      .description(
        '年度报告的审批、发布状态；含下级机关的发布情况与检查错误 / publication state, and the agencies below',
      ),
  )
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: YearOptions) => {
      const lang = parseLang(options.lang);
      const zh = lang === 'zh';
      const year = yearOf(options);
      await withPlatform(io, async (platform) => {
        const state = await getPublicationState(platform, operatorOf(io), options.agency, year);
        const overview = await subtreeOverview(platform, operatorOf(io), { agency: options.agency, year });
        const rows = overview.rows.map((row) => ({
          code: row.agency.code,
          name: row.agency.name,
          publication: row.publication,
          errorCount: row.errorCount,
          warningCount: row.warningCount,
        }));
        if (options.json) {
          io.stdout(`${JSON.stringify({ state, agencies: rows }, null, 2)}\n`);
          return;
        }
        io.stdout(describeState(state, lang));
        io.stdout(
          zh
            ? '\n机关\t发布状态\t发布日期\t错误\t警告\n'
            : '\nAgency\tPublication\tPublished on\tErrors\tWarnings\n',
        );
        for (const row of rows) {
          io.stdout(
            `${row.name}\t${PUBLICATION_STATUS_WORDS[row.publication.status][lang]}\t` +
              `${row.publication.publishedOn ?? '-'}\t${row.errorCount}\t${row.warningCount}\n`,
          );
        }
      });
    });
}
