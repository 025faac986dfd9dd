import { describe, expect, it } from 'vitest';
import { encodeGbk } from '../../../test/support/layouts/html.js';
import { sniffFormat } from '../sniff.js';
import { decodeHtml } from './decode.js';
import { htmlToGrid } from './grid.js';
import { htmlBytesToGrid } from './index.js';

const texts = (html: string) => htmlToGrid(html).rows.map((row) => row.map((cell) => cell.text));

describe('htmlToGrid', () => {
  it('spreads rowspan and colspan so that columns line up', () => {
    const html = `<table>
      <tr><td rowspan="2" colspan="2">note</td><td colspan="2">申请人情况</td></tr>
      <tr><td>自然人</td><td>商业企业</td></tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>2</td></tr>
      <tr><td>（二）部分公开</td><td>3</td><td>4</td></tr>
    </table>`;
    expect(texts(html)).toEqual([
      ['note', '', '申请人情况', ''],
      ['', '', '自然人', '商业企业'],
      ['三、本年度办理结果', '（一）予以公开', '1', '2'],
      ['', '（二）部分公开', '3', '4'],
    ]);
  });

  it('gives table, row and column for cells and the source line for page text', () => {
    const grid = htmlToGrid('<h1>标题</h1>\n<table>\n<tr><td>a</td><td>7</td></tr></table>');
    expect(grid.rows[0]![0]!.at).toEqual({ line: 1 });
    expect(grid.rows[1]![1]!.at).toEqual({ table: 1, row: 1, column: 2, line: 3 });
  });

  it('reads &nbsp; and white-space cells as blanks, and runs nested markup together', () => {
    const html = `<table><tr><td><p><span>（二）部分公开</span></p><p>（区分处理的）</p></td>
      <td>&nbsp;</td><td> <font><b>12</b></font> </td><td>自<br>然<br/>人</td><td>&#x3000;</td></tr></table>`;
    expect(texts(html)).toEqual([['（二）部分公开（区分处理的）', '', '12', '自然人', '']]);
  });

  it('ignores scripts, styles and comments, and keeps the title and body text as rows', () => {
    const html = `<html><head><title>某街道办事处2023年政府信息公开工作年度报告</title>
      <style>td { color: red }</style><script>var s = "<table><tr><td>9</td></tr></table>";</script></head>
      <body><!-- <td>8</td> --><div>一、总体情况</div>正文第一段<br>第二段<noscript>x</noscript></body></html>`;
    expect(texts(html)).toEqual([
      ['某街道办事处2023年政府信息公开工作年度报告'],
      ['一、总体情况'],
      ['正文第一段'],
      ['第二段'],
    ]);
  });

  it('reads a table nested in a layout table as rows of its own, the layout cells as text', () => {
    const html = `<table><tr><td>导航</td><td><h2>标题</h2><table><tr><td>规章</td><td>1</td></tr></table>
      结尾</td></tr></table>`;
    expect(texts(html)).toEqual([['导航'], ['标题'], ['规章', '1'], ['结尾']]);
  });

  it('survives unclosed cells and rows', () => {
    expect(texts('<table><tr><td>a<td>1<tr><td>b<td>2</table>')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  it('reads a page nested 100,000 levels deep without recursion', () => {
    const depth = 100_000;
    const html = `${'<div><span>'.repeat(depth)}深处${'</span></div>'.repeat(depth)}`;
    expect(texts(html)).toEqual([['深处']]);
    const tables = `${'<table><tr><td>'.repeat(20_000)}x${'</td></tr></table>'.repeat(20_000)}`;
    expect(texts(tables)).toEqual([['x']]);
  });
});

describe('decodeHtml', () => {
  const page =
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>三、收到和处理</body></html>';

  it('decodes a GB2312/GBK page from its meta charset', () => {
    const { text, encoding } = decodeHtml(encodeGbk(page));
    expect(encoding).toBe('gb18030');
    expect(text).toContain('三、收到和处理');
  });

  it('guesses GB18030 for undeclared bytes that are not UTF-8, and honours a BOM', () => {
    expect(decodeHtml(encodeGbk('<p>结转下年度</p>')).text).toBe('<p>结转下年度</p>');
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>总计</p>')]);
    expect(decodeHtml(bom)).toEqual({ text: '<p>总计</p>', encoding: 'utf-8' });
  });

  it('is sniffed as HTML by its markup even in GBK, whatever the file is called', () => {
    expect(sniffFormat(encodeGbk(page), 'download')).toBe('html');
    expect(htmlBytesToGrid(encodeGbk(page)).rows[0]![0]!.text).toBe('三、收到和处理');
  });
});
