import type { Command } from 'commander';
import { CliError } from '../io.js';
import { documentStatusLabels, type DocumentStatus } from '../../core/publishing/record.js';
import { subjectCategories } from '../../core/publishing/subjects.js';
import { createDocument } from '../../services/publishing/create-document.js';
import { publishDueDocuments, recordDocumentAction } from '../../services/publishing/document-actions.js';
import type { DocumentView } from '../../services/publishing/document-view.js';
import { getDocument } from '../../services/publishing/get-document.js';
import {
  listDocumentDeadlines,
  listDocuments,
  type DocumentListItem,
} from '../../services/publishing/list-documents.js';
import {
  getPublishingSettings,
  setPublishingSettings,
} from '../../services/publishing/publishing-settings.js';
import type { CliIo } from '../io.js';
import { operatorOf, withPlatform } from './with-platform.js';

async function readJson(io: CliIo, path: string): Promise<unknown> {
  const text = (await io.readInput(path)).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`不是有效的 JSON / not valid JSON: ${path}: ${(error as Error).message}`, 2);
  }
}

function line(item: DocumentListItem): string {
  const r = item.record;
  const due = item.deadline?.due ? `${item.deadline.due}（剩 ${item.deadline.daysLeft} 个工作日）` : '';
  return [
    r.indexNumber,
    documentStatusLabels[r.status].zh,
    r.publishedOn ?? '',
    r.metadata.documentNumber ?? '',
    r.metadata.title,
    due,
  ]
    .join('\t')
    .concat('\n');
}

function summary(v: DocumentView): string {
  const r = v.record;
  const lines = [
    `索引号 / index number: ${r.indexNumber}`,
    `标题 / title: ${r.metadata.title}`,
    `文号 / number: ${r.metadata.documentNumber ?? '—'}`,
    `状态 / status: ${documentStatusLabels[r.status].zh} (${r.status})，版本 v${r.currentVersion}` +
      (r.publishedVersion === null ? '' : `，已发布 v${r.publishedVersion}（${r.publishedOn}）`),
  ];
  if (v.pendingStep) lines.push(`待审核 / awaiting: 第 ${v.pendingStep.step} 步「${v.pendingStep.name}」`);
  if (v.deadline) {
    lines.push(
      `期限（条例第二十六条）/ due: ${v.deadline.due}，剩 ${v.deadline.daysLeft} 个工作日${v.deadline.overdue ? '（已逾期）' : ''}`,
    );
  }
  for (const w of v.warnings) lines.push(`提示 / warning: ${w.zh}`);
  lines.push('事件 / events:');
  for (const e of v.events) lines.push(`  ${e.seq}\t${e.recordedAt}\t${e.actor}\t${e.event.type}`);
  return `${lines.join('\n')}\n`;
}

/** `gongkai publishing …`: 主动公开 documents from the command line (as the operator). */
export function registerPublishingCommands(program: Command, io: CliIo): void {
  const publishing = program
    .command('publishing')
    .description('主动公开：文件、审核、发布 / proactive disclosure');
  publishing
    .command('list')
    .description('列出机关的文件（最新在前，分页） / list an agency’s documents, newest first')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .option('--subtree', '含下级机关 / include agencies below')
    .option('--status <status>', `状态 / status: ${Object.keys(documentStatusLabels).join(', ')}`)
    .option('--item <item>', '第二十条事项 / Art 20 item (e.g. normativeDocument)')
    .option('--subject <id>', '主题分类 id / subject category id')
    .option('--validity <validity>', '有效性 / validity')
    .option('--limit <n>', '每页条数 / page size', '50')
    .option('--cursor <cursor>', '上一页给出的 cursor / the cursor printed for the next page')
    .option('--json', '输出 JSON / print JSON')
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const page = await withPlatform(io, (p) =>
        listDocuments(p, operatorOf(io), {
          agency: String(o.agency),
          subtree: o.subtree === true,
          status: o.status as DocumentStatus | undefined,
          art20Item: o.item as string | undefined,
          subjectId: o.subject as string | undefined,
          validity: o.validity as string | undefined,
          limit: Number(o.limit),
          cursor: o.cursor as string | undefined,
        }),
      );
      if (o.json) return io.stdout(`${JSON.stringify(page, null, 2)}\n`);
      io.stdout(page.items.map(line).join(''));
      if (page.nextCursor) io.stdout(`下一页 / next page: --cursor ${page.nextCursor}\n`);
    });
  publishing
    .command('show')
    .description('显示一份文件：状态、待审步骤、期限、事件 / show a document')
    .argument('<ref>', 'id 或索引号 / id or index number')
    .option('--json', '输出 JSON / print JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const view = await withPlatform(io, (p) => getDocument(p, operatorOf(io), ref));
      io.stdout(o.json ? `${JSON.stringify(view, null, 2)}\n` : summary(view));
    });
  publishing
    .command('create')
    .description('起草一份文件（目录信息为 JSON） / draft a document from JSON metadata')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .requiredOption('--metadata <file>', '目录信息 JSON 文件（- 为标准输入） / metadata JSON (- for stdin)')
    .option('--body <file>', '正文文本文件 / body text file')
    .option('--json', '输出 JSON / print JSON')
    .action(async (o: { agency: string; metadata: string; body?: string; json?: boolean }) => {
      const metadata = await readJson(io, o.metadata);
      const body = o.body ? (await io.readInput(o.body)).toString('utf8') : '';
      const view = await withPlatform(io, (p) =>
        createDocument(p, operatorOf(io), { agency: o.agency, metadata: metadata as never, body }),
      );
      io.stdout(o.json ? `${JSON.stringify(view, null, 2)}\n` : summary(view));
    });
  publishing
    .command('action')
    .description(
      '送审、审核、发布、修订、撤回…（动作为 JSON，如 {"type":"publish"}） / a workflow action as JSON',
    )
    .argument('<ref>', 'id 或索引号 / id or index number')
    .requiredOption('--input <file>', '动作 JSON 文件（- 为标准输入） / the action JSON (- for stdin)')
    .option('--json', '输出 JSON / print JSON')
    .action(async (ref: string, o: { input: string; json?: boolean }) => {
      const action = await readJson(io, o.input);
      const view = await withPlatform(io, (p) =>
        recordDocumentAction(p, operatorOf(io), ref, action as never),
      );
      io.stdout(o.json ? `${JSON.stringify(view, null, 2)}\n` : summary(view));
    });
  publishing
    .command('deadlines')
    .description('即将到期或已逾期的文件（条例第二十六条） / documents due soon or overdue (Art 26)')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .option('--subtree', '含下级机关 / include agencies below')
    .option('--overdue', '只列已逾期 / overdue only')
    .option('--within <days>', '工作日数 / working days ahead')
    .action(async (o: { agency: string; subtree?: boolean; overdue?: boolean; within?: string }) => {
      const items = await withPlatform(io, (p) =>
        listDocumentDeadlines(p, operatorOf(io), {
          agency: o.agency,
          subtree: o.subtree === true,
          filter: o.overdue ? 'overdue' : 'dueSoon',
          ...(o.within === undefined ? {} : { withinDays: Number(o.within) }),
        }),
      );
      io.stdout(items.length === 0 ? '没有 / none\n' : items.map(line).join(''));
    });
  publishing
    .command('publish-due')
    .description('发布到时的定时发布文件（服务器每分钟自动执行） / publish scheduled documents that are due')
    .action(async () => {
      const results = await withPlatform(io, (p) => publishDueDocuments(p, operatorOf(io)));
      for (const r of results) {
        io.stdout(
          r.published
            ? `已发布 / published\t${r.id}\n`
            : `未发布 / not published\t${r.id}\t${r.error?.message}\n`,
        );
      }
      if (results.length === 0) io.stdout('没有到时的文件 / nothing due\n');
    });
  const settings = publishing.command('settings').description('发布设置 / publishing settings');
  settings
    .command('show')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .action(async (o: { agency: string }) => {
      const result = await withPlatform(io, (p) => getPublishingSettings(p, operatorOf(io), o.agency));
      io.stdout(`${JSON.stringify(result.settings, null, 2)}\n`);
    });
  settings
    .command('set')
    .description('设置审核流程、自我审核、索引号模板、公开目录（JSON） / set from JSON')
    .requiredOption('--agency <agency>', '机关代码或 id / agency code or id')
    .requiredOption('--file <file>', '设置 JSON 文件（- 为标准输入） / settings JSON (- for stdin)')
    .action(async (o: { agency: string; file: string }) => {
      const raw = await readJson(io, o.file);
      const result = await withPlatform(io, (p) => setPublishingSettings(p, operatorOf(io), o.agency, raw));
      for (const w of result.warnings) io.stderr(`提示 / warning: ${w}\n`);
      io.stdout(`${JSON.stringify(result.settings, null, 2)}\n`);
    });
  publishing
    .command('subjects')
    .description('主题分类及其 id / the subject categories and their ids')
    .action(() => {
      io.stdout(subjectCategories.map((c) => `${c.id}\t${c.parentId ? '  ' : ''}${c.label}\n`).join(''));
    });
}
