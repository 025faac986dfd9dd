/**
 * The families of real published reports that are not clean tables (issue 12): a crawled page on one line with
 * the site's chrome around it and every cell run together; the same with one space between cells and labels
 * broken by spaces; a mix of both row by row (`5800000 58`); and OCR/converter markdown with one small table per
 * row, the applicant header lost (数据1…数据6), a wrong header repeated in the middle of table 三 and table 四 split
 * in three. Each renders any contract report, so every variant can be read back cell by cell.
 */
import type { AnnualReport } from '../../../src/core/report/model.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICATION_ROWS,
  OUTCOME_GROUPS,
  PROACTIVE_TABLES,
  SECTIONS,
} from '../../../src/core/report/template.js';
import { getAt } from '../../../src/core/report/cells.js';
import { reportBlocks } from './document.js';

export const PAGE_FAMILIES = ['page', 'spacedPage', 'mixedPage', 'ocrMarkdown'] as const;
export type PageFamily = (typeof PAGE_FAMILIES)[number];

const CHROME_BEFORE =
  '首页 > 政务公开 > 政府信息公开年报 【字体：大 中 小】 打印本页 关闭窗口 浏览次数：1234 发布时间：2024-01-31 10:21 来源：本站';
const CHROME_AFTER =
  '附件下载 【打印本页】 【关闭窗口】 主办单位：某某人民政府办公室 网站标识码：3501000001 闽ICP备12345678号-1 技术支持：某某信息技术有限公司';

const cellText = (value: number | null | undefined) =>
  value === null || value === undefined ? '-' : String(value);

/** A sentence of section 一 stating figures of table 三 (as real reports do), when they are known. */
function statedSentence(report: AnnualReport): string {
  const received = report.applications.newReceived;
  if (received[6] === null || received[0] === null) return '';
  return `全年共收到政府信息公开申请${received[6]}件，其中自然人${received[0]}件。`;
}

/** Breaks a short label with spaces now and then, as copied pages do (自 然 人, 商业 企业). */
function spaced(label: string, n: number): string {
  if (n % 3 !== 0) return label;
  const chars = [...label];
  if (chars.length <= 4) return chars.join(' ');
  const cut = Math.floor(chars.length / 2);
  return `${chars.slice(0, cut).join('')} ${chars.slice(cut).join('')}`;
}

type RowStyle = 'run' | 'spaced' | 'groups';

/** One page line: every block in order, table rows rendered by `style`. */
function onePage(report: AnnualReport, style: (row: number) => RowStyle, breakLabels: boolean): string {
  const parts: string[] = [CHROME_BEFORE];
  let row = 0;
  for (const block of reportBlocks(report)) {
    if (block.kind === 'title') parts.push(block.text);
    else if (block.kind === 'heading') parts.push(block.text);
    else if (block.kind === 'paragraph') {
      parts.push(
        block.kind === 'paragraph' && block.text.includes('现将本年度')
          ? block.text + statedSentence(report)
          : block.text,
      );
    } else {
      const rendered: string[] = [];
      for (const cells of block.rows) {
        const labels = cells.filter((c) => c.value === undefined).map((c) => c.text.replace(/\n/g, ''));
        const values = cells.filter((c) => c.value !== undefined).map((c) => cellText(c.value));
        const how = values.length === 0 ? 'run' : style(row++);
        const label = labels
          .map((l, n) => (breakLabels ? spaced(l, n + row) : l))
          .join(how === 'run' ? '' : ' ');
        let digits: string;
        if (how === 'run') digits = values.join('');
        else if (how === 'spaced') digits = values.join(' ');
        else
          digits = values.length > 1 ? `${values.slice(0, -1).join('')} ${values.at(-1)}` : values.join('');
        rendered.push(how === 'run' ? `${label}${digits}` : `${label} ${digits}`);
      }
      parts.push(rendered.join(style(row) === 'run' ? '' : ' '));
    }
  }
  parts.push(CHROME_AFTER);
  return `${parts.join(' ')}\n`;
}

const markdownRow = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => markdownRow(new Array<string>(n).fill('---'));

/** OCR/converter markdown: one table per row of 三 under a 数据1…数据6 header, 四 in three tables, a heading lost. */
function ocrMarkdown(report: AnnualReport): string {
  const lines: string[] = [`# ${report.agency ?? ''} ${report.year ?? ''} 年 政府信息公开工作年度报告`, ''];
  const heading = (n: number) => `## ${SECTIONS[n]!.number}、${SECTIONS[n]!.title}`;
  lines.push(heading(0), '', `本机关认真贯彻落实《条例》。${statedSentence(report)}`, '', heading(1), '');
  for (const table of PROACTIVE_TABLES) {
    lines.push(
      `### ${table.caption}`,
      markdownRow(table.columns.map((c) => c.label)),
      rule(table.columns.length),
    );
    for (const row of table.rows) {
      lines.push(
        markdownRow([row.label, ...row.cells.map((c) => cellText(getAt(report, c.path) as number | null))]),
      );
    }
    lines.push('');
  }
  lines.push(heading(2), '', '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)', '');
  // The applicant header, lost in conversion: its tables hold only blank markers.
  lines.push(
    '### 申请人情况 (自然人)',
    markdownRow(['(数据项目)', '数量']),
    rule(2),
    markdownRow(['-', '-']),
    '',
  );
  lines.push(
    '### 申请人情况 (法人或其他组织)',
    markdownRow(['商业企业', '科研机构', '社会公益', '法律服务机构', '其他']),
  );
  lines.push(rule(5), markdownRow(['-', '-', '-', '-', '-']), '');
  const header = markdownRow(['类别', '数据1', '数据2', '数据3', '数据4', '数据5', '数据6', '总计']);
  let group: string | undefined;
  let wrongHeader = false;
  const single = report.applications.otherProcessing.feeUnpaid === null;
  for (const row of APPLICATION_ROWS) {
    const values = getAt(report, row.path) as (number | null)[] | null;
    if (values === null) continue;
    if (row.role === 'outcome' && group === undefined) lines.push('### 三、本年度办理结果', '');
    const groupLabel =
      single && row.path.endsWith('otherProcessing.other') ? OUTCOME_GROUPS[3].label : row.group;
    if (groupLabel !== undefined && groupLabel !== group) {
      lines.push(`### ${groupLabel.replace(/（/g, '(').replace(/）/g, ') ')}`, header, rule(8));
      group = groupLabel;
    } else if (row.group === undefined && row.role !== 'outcome') {
      lines.push(`### ${row.label}`, header, rule(8));
    }
    if (!wrongHeader && row.path.endsWith('otherProcessing.feeUnpaid')) {
      // A wrong header repeated in the middle of table 三 (column names of another table).
      lines.push(
        '',
        markdownRow([
          '项目',
          '本年新收件数',
          '上年结转件数',
          '予以公开',
          '部分公开',
          '不予公开',
          '结转下年度',
          '总计',
        ]),
        rule(8),
      );
      wrongHeader = true;
    }
    const label =
      single && row.path.endsWith('otherProcessing.other') ? '其他处理' : row.label.replace(/\./, '. ');
    lines.push(markdownRow([label, ...values.map(cellText)]));
  }
  lines.push('', heading(3), '');
  for (const group of APPEAL_GROUPS) {
    lines.push(`### ${group.label}`, markdownRow(APPEAL_RESULTS.map((r) => r.label)), rule(5));
    lines.push(
      markdownRow(
        APPEAL_RESULTS.map((r) => cellText(getAt(report, `appeals.${group.key}.${r.key}`) as number | null)),
      ),
      '',
    );
  }
  // Section 五's heading lost in conversion; its text stays.
  lines.push(
    '工作中仍存在一些不足，下一步将继续改进。',
    '',
    `${SECTIONS[5]!.number}、${SECTIONS[5]!.title}`,
    '',
    '本年度未收取信息处理费。',
    '',
  );
  return lines.join('\n');
}

/** Renders a report in one of the families of real published pages. */
export function renderPage(report: AnnualReport, family: PageFamily): string {
  switch (family) {
    case 'page':
      return onePage(report, () => 'run', false);
    case 'spacedPage':
      return onePage(report, () => 'spaced', true);
    case 'mixedPage':
      return onePage(report, (row) => (['run', 'spaced', 'groups'] as const)[row % 3]!, false);
    case 'ocrMarkdown':
      return ocrMarkdown(report);
  }
}
