/**
 * Renders a report as HTML in the layouts government sites publish: a bare table fragment, markup nested in
 * cells (`<p><span>`, labels broken with `<br>`, `&nbsp;` for blanks), and a whole saved page (head, scripts,
 * styles, navigation, the report inside a layout table). `encodeGbk` turns a page into GBK bytes.
 */
import type { AnnualReport } from '../../../src/core/report/model.js';
import { reportBlocks, type Block, type LayoutCell } from './document.js';

export type HtmlVariant = 'plain' | 'nested' | 'page';

export const HTML_VARIANTS: readonly HtmlVariant[] = ['plain', 'nested', 'page'];

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cellHtml(cell: LayoutCell, nested: boolean): string {
  const spans =
    (cell.colspan && cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') +
    (cell.rowspan && cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '');
  let inner = escape(cell.text);
  if (nested) {
    if (cell.value === null) inner = '&nbsp;';
    else if (cell.value !== undefined)
      inner = `<p align="center"><span style="font-size:12px"><font>${inner}</font></span></p>`;
    else if ([...cell.text].length <= 6) inner = [...cell.text].map(escape).join('<br/>');
    else inner = `<p><span>${inner}</span></p>`;
  }
  return `<td${spans}>${inner}</td>`;
}

function blockHtml(block: Block, nested: boolean): string {
  switch (block.kind) {
    case 'title':
      return `<h2 style="text-align:center">${escape(block.text)}</h2>`;
    case 'heading':
      return nested
        ? `<p><strong><span>${escape(block.text)}</span></strong></p>`
        : `<h3>${escape(block.text)}</h3>`;
    case 'paragraph':
      return `<p>${escape(block.text)}</p>`;
    case 'table':
      return `<table border="1" cellspacing="0">\n${block.rows
        .map((row) => `<tr>${row.map((cell) => cellHtml(cell, nested)).join('')}</tr>`)
        .join('\n')}\n</table>`;
  }
}

/** The report as HTML text in one of the published layouts. */
export function renderHtml(report: AnnualReport, variant: HtmlVariant = 'plain'): string {
  const blocks = reportBlocks(report);
  const body = blocks.map((block) => blockHtml(block, variant !== 'plain')).join('\n');
  if (variant !== 'page') return body;
  const title = `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>td { border: 1px solid #000; } .nav > a { color: #333; }</style>
<script>var cells = "<table><tr><td>999</td></tr></table>"; if (1 < 2) { document.title += "&nbsp;"; }</script>
</head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; 年度报告</div>
<table class="layout" width="100%"><tr><td class="side"><ul><li>信息公开指南</li><li>信息公开制度</li></ul></td>
<td class="main">
${body}
</td></tr></table>
<noscript>请启用脚本</noscript>
<div class="footer">网站标识码 0000000000 <script>document.write("<td>7</td>")</script></div>
</body></html>`;
}

let gbkTable: Map<string, number[]> | null = null;

/** Encodes text as GBK bytes (built from the platform's GBK decoder; test use only). */
export function encodeGbk(text: string): Uint8Array {
  if (gbkTable === null) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const char = decoder.decode(new Uint8Array([lead, trail]));
        if (char.length === 1 && char !== '\ufffd' && !gbkTable.has(char)) gbkTable.set(char, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else out.push(...(gbkTable.get(char) ?? [0x3f]));
  }
  return Uint8Array.from(out);
}

/** Forms in which a page arrives inside other text, with the file name it is collected under. */
export type EmbeddedVariant = 'jsString' | 'jsonEscaped' | 'jsonEntities' | 'scriptString' | 'word';

export const EMBEDDED_VARIANTS: readonly EmbeddedVariant[] = [
  'jsString',
  'jsonEscaped',
  'jsonEntities',
  'scriptString',
  'word',
];

/** A string literal as a site's JavaScript or JSON writes it: `<`, `>` and `&` as \u escapes, `"` and `/` escaped. */
function jsLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\//g, '\\/');
}

/**
 * Word-pasted HTML: `mso` styles, every value's digits in separate `<span>`s, blank cells as `<o:p>&nbsp;</o:p>`,
 * labels in `<p class=MsoNormal>` with `<span lang=EN-US>` around numbering.
 */
function wordHtml(report: AnnualReport): string {
  const body = renderHtml(report, 'plain')
    .replace(
      /<td([^>]*)>-<\/td>/g,
      '<td$1 style="border:solid windowtext 1.0pt"><p class=MsoNormal><span><o:p>&nbsp;</o:p></span></p></td>',
    )
    .replace(/<td([^>]*)>(\d+(?:\.\d+)?)<\/td>/g, (_, attrs: string, digits: string) => {
      const spans = [...digits].map(
        (d) => `<span lang=EN-US style='font-size:10.5pt;mso-bidi-font-family:宋体'>${d}</span>`,
      );
      return `<td${attrs} width=47 valign=top style='width:35.4pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt'><p class=MsoNormal align=center style='text-align:center'>${spans.join('')}<span lang=EN-US><o:p></o:p></span></p></td>`;
    })
    .replace(/<p>/g, "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>");
  return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {mso-style-parent:""; margin:0cm;} --></style></head>
<body lang=ZH-CN style='tab-interval:21.0pt'><div class=WordSection1>
${body}
</div></body></html>`;
}

/** The report as a page carried inside other text, with the name such a file has. */
export function renderEmbedded(
  report: AnnualReport,
  variant: EmbeddedVariant,
): { name: string; text: string } {
  const page = renderHtml(report, 'plain');
  const title = `${report.agency ?? ''}${report.year ?? ''}年政府信息公开工作年度报告`;
  switch (variant) {
    case 'jsString':
      return {
        name: 'content.js',
        text: `var pageData = {"title":${jsLiteral(title)},"date":"2024-01-31",\n"content":${jsLiteral(page)}};\nrender(pageData);\n`,
      };
    case 'jsonEscaped':
      return {
        name: 'article.json',
        text: JSON.stringify({ code: 200, data: { title, html: page.replace(/</g, '\\u003c') } }).replace(
          /\\\\u003c/g,
          '\\u003c',
        ),
      };
    case 'jsonEntities':
      return { name: 'article.json', text: JSON.stringify({ title, body: escape(page) }) };
    case 'scriptString':
      return {
        name: 'index.html',
        text: `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>
<div class="nav">首页 &gt; 政府信息公开 &gt; 年度报告</div><div id="app"></div>
<script>window.__DATA__ = {"content":${jsLiteral(page)}};</script></body></html>`,
      };
    case 'word':
      return { name: 'report.htm', text: wordHtml(report) };
  }
}
