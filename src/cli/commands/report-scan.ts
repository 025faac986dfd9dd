/** `gongkai report scan DIR --out results.jsonl`: read and check every report under a folder, in parallel. */
import type { Command } from 'commander';
import { RULES, type RuleId } from '../../core/report/findings.js';
import type { ScanSummary } from '../../services/scan/scan-reports.js';
import { CliError, parseLang, type CliIo, type Lang } from '../io.js';
import { formatDuration, progressReporter } from '../progress.js';
import { withDomainErrors } from './shared.js';

interface ScanCommandOptions {
  out: string;
  csv?: string;
  jobs?: string;
  timeout?: string;
  lang?: string;
}

/** Exit code of an interrupted scan (128 + SIGINT), as shells expect. */
const EXIT_INTERRUPTED = 130;

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(value)) {
    throw new CliError(`${option} 应为正整数 / ${option} must be a positive integer: ${value}`);
  }
  return Number(value);
}

function positiveSeconds(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(seconds > 0)) {
    throw new CliError(`${option} 应为正数（秒） / ${option} must be a positive number of seconds: ${value}`);
  }
  return seconds * 1000;
}

const n = (value: number) => value.toLocaleString('en');

/** The summary printed on standard error when the scan ends. */
export function formatScanSummary(summary: ScanSummary, lang: Lang): string {
  const zh = lang === 'zh';
  const seconds = summary.elapsedMs / 1000;
  const perSecond = seconds > 0 ? Math.round(summary.files / seconds) : summary.files;
  const lines = [
    summary.interrupted ? (zh ? '扫描已中断。' : 'Scan interrupted.') : zh ? '扫描完成。' : 'Scan finished.',
    zh
      ? `文件 ${n(summary.files)} 个：读取 ${n(summary.read)}，失败 ${n(summary.failed)}；有错误的报告 ${n(summary.withErrors)} 份；用时 ${formatDuration(seconds)}（${n(perSecond)} 个/秒）`
      : `${n(summary.files)} files: ${n(summary.read)} read, ${n(summary.failed)} failed; ${n(summary.withErrors)} reports with errors; ${formatDuration(seconds)} (${n(perSecond)} files/s)`,
  ];
  const rules = Object.entries(summary.errorsByRule).sort((a, b) => b[1].findings - a[1].findings);
  if (rules.length > 0) {
    lines.push(zh ? '错误（按规则）：' : 'Errors by rule:');
    for (const [rule, { findings, reports }] of rules) {
      const name = RULES[rule as RuleId];
      const label = name ? (zh ? name.zh : name.en) : rule;
      lines.push(
        zh
          ? `  ${rule}（${label}）：${n(findings)} 项，涉及 ${n(reports)} 份报告`
          : `  ${rule} (${label}): ${n(findings)} in ${n(reports)} reports`,
      );
    }
  }
  const codes = Object.entries(summary.failuresByCode).sort((a, b) => b[1] - a[1]);
  if (codes.length > 0) {
    lines.push(zh ? '失败（按代码）：' : 'Failures by code:');
    for (const [code, count] of codes) lines.push(`  ${code}: ${n(count)}`);
  }
  if (summary.workersReplaced > 0) {
    lines.push(
      zh
        ? `超时或崩溃后替换的工作线程：${summary.workersReplaced}`
        : `Workers replaced after a timeout or crash: ${summary.workersReplaced}`,
    );
  }
  lines.push(`${zh ? '结果：' : 'Results: '}${summary.out}${summary.csv ? ` · CSV: ${summary.csv}` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** Registers `report scan` under `report`. */
export function registerReportScan(report: Command, io: CliIo): void {
  report
    .command('scan')
    .description('批量读取并检查目录下的所有报告 / read and check every report under a folder')
    .argument('<dir>', '目录（递归） / folder (recursive)')
    .requiredOption('--out <file>', '结果 JSON Lines 文件 / where the JSON Lines go')
    .option('--csv <file>', '每个文件一行的 CSV 汇总 / a CSV summary, one row per file')
    .option('--jobs <n>', '工作线程数（默认：CPU 核数） / worker threads (default: every core)')
    .option('--timeout <seconds>', '每个文件的时限（默认 30 秒） / time limit per file (default 30 s)')
    .option('--lang <lang>', '语言 zh 或 en / language, zh or en', io.env.GONGKAI_LANG)
    .helpOption('-h, --help', '显示帮助 / show help')
    .addHelpText(
      'after',
      [
        '',
        '结果先写入 <out>.partial，完成后改名为 <out>。 / Results go to <out>.partial, renamed to <out> when done.',
        '退出码 / exit codes: 0 全部读取且无错误 all read, no errors · 1 有错误或读取失败 errors or failures ·',
        '  2 无法扫描 cannot scan · 130 已中断 interrupted',
      ].join('\n'),
    )
    .action(
      withDomainErrors(io, async (dir: string, options: ScanCommandOptions) => {
        const lang = parseLang(options.lang);
        const jobs = positiveInteger(options.jobs, '--jobs');
        const timeoutMs = positiveSeconds(options.timeout, '--timeout');
        const progress = progressReporter(io, lang);
        const controller = new AbortController();
        const stopListening = io.onInterrupt?.(() => controller.abort()) ?? (() => undefined);
        let summary: ScanSummary;
        try {
          const { scanReports } = await import('../../services/scan/scan-reports.js');
          summary = await scanReports({
            dir,
            out: options.out,
            ...(options.csv === undefined ? {} : { csv: options.csv }),
            ...(jobs === undefined ? {} : { jobs }),
            ...(timeoutMs === undefined ? {} : { timeoutMs }),
            env: io.env,
            signal: controller.signal,
            onProgress: progress.update,
          });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (typeof code === 'string' && code.startsWith('E')) {
            const path = (error as NodeJS.ErrnoException).path ?? options.out;
            throw new CliError(`无法读写 / cannot access ${path} (${code})`);
          }
          throw error;
        } finally {
          stopListening();
          progress.end();
        }
        io.stderr(formatScanSummary(summary, lang));
        if (summary.interrupted) io.setExitCode(EXIT_INTERRUPTED);
        else io.setExitCode(summary.failed > 0 || summary.withErrors > 0 ? 1 : 0);
      }),
    );
}
