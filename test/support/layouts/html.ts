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
