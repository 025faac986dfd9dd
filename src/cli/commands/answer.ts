import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { getAnswerDocx } from '../../services/answers/get-answer-document.js';
import { getAnswerTemplate } from '../../services/answers/get-answer-template.js';
import { issueAnswerDocument } from '../../services/answers/issue-answer-document.js';
import { listAnswerTemplates } from '../../services/answers/list-answer-templates.js';
import { updateAnswerTemplate } from '../../services/answers/update-answer-template.js';
import type { CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

const sourceLabel = { agency: '本机关', inherited: '继承上级', default: '默认' } as const;

/** `gongkai answer template list|show|set` and `gongkai answer issue`: answer documents (告知书 / 答复书). */
export function registerAnswerCommands(program: Command, io: CliIo): void {
  const answer = program
    .command('answer')
    .description('答复文书及其模板 / answer documents and their templates');
  const template = answer.command('template').description('答复模板 / answer templates');
  template
    .command('list')
    .description('列出机关的答复模板 / list an agency’s effective templates')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { agency: string; json?: boolean }) => {
      const { templates } = await withPlatform(io, (p) =>
        listAnswerTemplates(p, operatorOf(io), options.agency),
      );
      io.stdout(
        options.json
          ? `${JSON.stringify(templates, null, 2)}\n`
          : templates
              .map((t) => `${t.kind}\tv${t.version}\t${sourceLabel[t.source]}\t${t.title ?? ''}\n`)
              .join(''),
      );
    });
  template
    .command('show')
    .description('显示一个模板、可用占位符和历史版本 / show a template, its placeholders and versions')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .requiredOption('--kind <kind>', '模板类型 / template kind')
    .option('--json', '输出 JSON / print JSON')
    .action(async (options: { agency: string; kind: string; json?: boolean }) => {
      const detail = await withPlatform(io, (p) =>
        getAnswerTemplate(p, operatorOf(io), options.agency, options.kind),
      );
      if (options.json) return io.stdout(`${JSON.stringify(detail, null, 2)}\n`);
      const t = detail.template;
      io.stdout(
        `${t.kind} v${t.version} (${sourceLabel[t.source]})\n` +
          (t.title === null ? '' : `标题 / title: ${t.title}\n`) +
          `${t.body}\n\n` +
          detail.placeholders.map((p) => `{{${p.name}}}\t${p.zh} / ${p.en}\n`).join(''),
      );
    });
  template
    .command('set')
    .description('保存模板的新版本（经校验） / store a new, validated version')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .requiredOption('--kind <kind>', '模板类型 / template kind')
    .requiredOption('--file <file>', '正文文件（- 为标准输入） / body file (- for stdin)')
    .option('--title <title>', '标题（办理结果类模板） / title (outcome templates)')
    .option('--expected-version <n>', '编辑所基于的版本 / the version the edit started from')
    .action(
      async (options: {
        agency: string;
        kind: string;
        file: string;
        title?: string;
        expectedVersion?: string;
      }) => {
        const body = (await io.readInput(options.file)).toString('utf8').replace(/\r?\n$/, '');
        const saved = await withPlatform(io, (p) =>
          updateAnswerTemplate(p, operatorOf(io), options.agency, options.kind, {
            body,
            ...(options.title === undefined ? {} : { title: options.title }),
            ...(options.expectedVersion === undefined
              ? {}
              : { expectedVersion: Number(options.expectedVersion) }),
          }),
        );
        io.stdout(`已保存 / saved: ${saved.kind} v${saved.version}\n`);
      },
    );
  answer
    .command('issue')
    .description(
      '出具办件的答复文书（取得文号），可写出 DOCX / issue a case’s answer document, optionally as DOCX',
    )
    .argument('<case>', '申请 id 或申请编号 / application id or tracking number')
    .option('--details <text>', '具体说明或理由 / specifics and reasons')
    .option('--referral-agency <text>', '负责公开的行政机关及联系方式 / agency responsible')
    .option('--out <file>', '写出 DOCX 文件 / write the DOCX to this file')
    .action(async (ref: string, options: { details?: string; referralAgency?: string; out?: string }) => {
      const { document, created, docx } = await withPlatform(io, async (p) => {
        const issued = await issueAnswerDocument(p, operatorOf(io), ref, {
          ...(options.details === undefined ? {} : { details: options.details }),
          ...(options.referralAgency === undefined ? {} : { referralAgency: options.referralAgency }),
        });
        const file = options.out === undefined ? null : (await getAnswerDocx(p, operatorOf(io), ref)).docx;
        return { ...issued, docx: file };
      });
      if (docx !== null && options.out !== undefined) await writeFile(options.out, docx);
      io.stdout(
        `${created ? '已出具 / issued' : '已出具过 / already issued'}: ${document.documentNumber}  ${document.content.title}\n`,
      );
    });
}
