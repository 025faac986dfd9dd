/**
 * The annual report as one HTML document in the published layout: the title, the six sections with their text,
 * the statutory tables from `layout.ts` (rowspan/colspan as the template merges them), styled for the screen and
 * for print on A4 with the GB/T 9704 margins and fonts. The portal shows it and the PDF export prints it; the
 * HTML reader reads it back. Every text is escaped.
 */
import { formatLayoutValue, layoutValue, reportLayout, type LayoutCell, type LayoutTable } from './layout.js';
import type { AnnualReport } from './model.js';
import { narrativeSections, reportTitle, reportTitleLines } from './narrative.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Font stacks: the GB/T 9704 fonts first, then common Windows and macOS names, then TrueType CJK fonts a Linux
 * server has (AR PL UMing, WenQuanYi Zen Hei). Noto CJK is never named: its text layer maps some characters
 * (工 人 民 目) to Kangxi radicals when printed to PDF.
 */
export const HTML_FONTS = {
  body: `"Times New Roman", "Liberation Serif", "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "AR PL UMing CN", "AR PL UMing TW", "WenQuanYi Zen Hei", serif`,
  title: `"Times New Roman", "Liberation Serif", "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", "STZhongsong", "宋体", "SimSun", "AR PL UMing CN", "WenQuanYi Zen Hei", serif`,
  heading: `"黑体", "SimHei", "STHeiti", "WenQuanYi Zen Hei", sans-serif`,
  table: `"Times New Roman", "Liberation Serif", "宋体", "SimSun", "STSong", "AR PL UMing CN", "AR PL UMing TW", "WenQuanYi Zen Hei", serif`,
} as const;

/** The stylesheet: A4 page with the 版心 margins, 3号 body on a 28.95 pt line, tables in 五号/小五. */
export const REPORT_CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #fff; color: #000; }
body { margin: 0; }
.gk-report { max-width: 156mm; margin: 0 auto; font-family: ${HTML_FONTS.body}; font-size: 16pt; line-height: 28.95pt; }
.gk-report h1 { font-family: ${HTML_FONTS.title}; font-size: 22pt; line-height: 1.45; font-weight: normal; text-align: center; margin: 0 0 28.95pt; }
.gk-report h1 span { display: block; }
.gk-report h2 { font-family: ${HTML_FONTS.heading}; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; line-height: 28.95pt; break-after: avoid; }
.gk-report p { margin: 0; text-indent: 2em; text-align: justify; }
.gk-report table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 10pt; font-family: ${HTML_FONTS.table}; font-size: 9pt; line-height: 1.3; text-indent: 0; }
.gk-report table.gk-proactive { font-size: 10.5pt; }
.gk-report th, .gk-report td { border: 0.75pt solid #000; padding: 2pt 1mm; text-align: center; vertical-align: middle; font-weight: normal; word-break: break-all; }
.gk-report table.gk-proactive th.gk-header { font-family: ${HTML_FONTS.heading}; }
.gk-report th.gk-caption { background: #f2f2f2; }
.gk-report th.gk-left { text-align: left; }
.gk-report th.gk-vertical { writing-mode: vertical-rl; letter-spacing: 0.1em; }
.gk-report tr { break-inside: avoid; }
.gk-report thead { display: table-header-group; }
`;

function cellHtml(report: AnnualReport, item: LayoutCell): string {
  const spans =
    (item.colSpan > 1 ? ` colspan="${item.colSpan}"` : '') +
    (item.rowSpan > 1 ? ` rowspan="${item.rowSpan}"` : '');
  if (item.kind === 'value') {
    const v = layoutValue(report, item);
    return `<td${spans} data-path="${escapeHtml(item.path ?? '')}">${escapeHtml(formatLayoutValue(v))}</td>`;
  }
  const classes = [
    `gk-${item.kind}`,
    item.align === 'left' ? 'gk-left' : '',
    item.vertical ? 'gk-vertical' : '',
  ].filter(Boolean);
  const scope = item.kind === 'label' ? ' scope="row"' : item.kind === 'header' ? ' scope="col"' : '';
  return `<th${spans}${scope} class="${classes.join(' ')}">${escapeHtml(item.text)}</th>`;
}

function tableHtml(report: AnnualReport, table: LayoutTable): string {
  const cols = table.columnWidths.map((w) => `<col style="width:${((w / 156) * 100).toFixed(3)}%">`).join('');
  const row = (cells: readonly LayoutCell[]) => `<tr>${cells.map((c) => cellHtml(report, c)).join('')}</tr>`;
  const head = table.rows.slice(0, table.headerRows);
  const body = table.rows.slice(table.headerRows);
  return (
    `<table class="gk-${table.key}"><colgroup>${cols}</colgroup>` +
    (head.length > 0 ? `<thead>${head.map(row).join('')}</thead>` : '') +
    `<tbody>${body.map(row).join('\n')}</tbody></table>`
  );
}

/** The report's article: title, sections, tables (to embed in a page). */
export function renderReportArticle(report: AnnualReport): string {
  const [agency, title] = reportTitleLines(report);
  const tables = reportLayout(report);
  const sections = narrativeSections(report).map((section, index) => {
    const table = tables.find((t) => t.section === index);
    return (
      `<section><h2>${escapeHtml(section.heading)}</h2>\n` +
      section.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>\n`).join('') +
      (table ? `${tableHtml(report, table)}\n` : '') +
      '</section>'
    );
  });
  return (
    `<article class="gk-report">\n<h1><span>${escapeHtml(agency)}</span><span>${escapeHtml(title)}</span></h1>\n` +
    `${sections.join('\n')}\n</article>`
  );
}

/** The report as a whole HTML document (UTF-8), styled for screen and print. */
export function renderReportHtml(report: AnnualReport): string {
  return (
    '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${escapeHtml(reportTitle(report))}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n` +
    `${renderReportArticle(report)}\n</body>\n</html>\n`
  );
}
