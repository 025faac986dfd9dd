import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.js';
import { sniffFormat } from '../sniff.js';
import { documentXmlToGrid } from './grid.js';
import { docxBytesToGrid } from './index.js';
import { MAX_PART_BYTES, MAX_ZIP_ENTRIES } from './zip.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const p = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${p(text)}</w:tc>`;
const doc = (body: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const texts = (xml: string) => documentXmlToGrid(xml).rows.map((row) => row.map((cell) => cell.text));

function docx(xml: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ 'word/document.xml': strToU8(xml), ...extra });
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('documentXmlToGrid', () => {
  it('reads paragraphs as rows and tables cell by cell, spreading gridSpan and vMerge', () => {
    const xml = doc(
      p('某街道办事处') +
        p('2023年政府信息公开工作年度报告') +
        '<w:tbl>' +
        `<w:tr>${tc('note', '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>')}${tc('申请人情况', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:gridSpan w:val="2"/><w:vMerge/>')}${tc('自然人')}${tc('总计')}</w:tr>` +
        `<w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开')}${tc('1')}${tc('')}</w:tr>` +
        `<w:tr>${tc('ignored', '<w:vMerge w:val="continue"/>')}${tc('（二）部分公开')}${tc('3')}${tc('3')}</w:tr>` +
        '</w:tbl>',
    );
    expect(texts(xml)).toEqual([
      ['某街道办事处'],
      ['2023年政府信息公开工作年度报告'],
      ['note', '', '申请人情况', ''],
      ['', '', '自然人', '总计'],
      ['三、本年度办理结果', '（一）予以公开', '1', ''],
      ['', '（二）部分公开', '3', '3'],
    ]);
  });

  it('gives table, row and column for cells and the paragraph number for text', () => {
    const grid = documentXmlToGrid(doc(p('标题') + `<w:tbl><w:tr>${tc('a')}${tc('7')}</w:tr></w:tbl>`));
    expect(grid.rows[0]![0]!.at).toEqual({ paragraph: 1, column: 1 });
    expect(grid.rows[1]![1]!.at).toEqual({ table: 1, row: 1, column: 2 });
  });

  it('joins runs and paragraphs of a cell, splits body paragraphs at tabs, skips deleted text and field codes', () => {
    const cell =
      '<w:tc><w:p><w:r><w:t>（二）部分</w:t></w:r><w:r><w:t xml:space="preserve">公开</w:t></w:r></w:p>' +
      '<w:p><w:r><w:delText>删除</w:delText><w:instrText>PAGE</w:instrText><w:t>（区分处理的）</w:t></w:r></w:p></w:tc>';
    const xml = doc(
      `<w:tbl><w:tr>${cell}${tc('&#21313;')}</w:tr></w:tbl>` +
        '<w:p><w:r><w:t>规章</w:t><w:tab/><w:t>1</w:t><w:tab/><w:t>0</w:t></w:r></w:p>',
    );
    expect(texts(xml)).toEqual([
      ['（二）部分公开（区分处理的）', '十'],
      ['规章', '1', '0'],
    ]);
  });

  it('pads gridBefore and gridAfter so columns line up', () => {
    const xml = doc(
      `<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/><w:gridAfter w:val="1"/></w:trPr>${tc('x')}</w:tr></w:tbl>`,
    );
    expect(texts(xml)).toEqual([['', 'x', '']]);
  });
});

describe('docxBytesToGrid', () => {
  it('is sniffed as DOCX by its zip signature', () => {
    expect(sniffFormat(docx(doc(p('x'))), 'upload')).toBe('docx');
  });

  it('finds the main part through the package relationships', () => {
    const rels = strToU8(
      '<Relationships><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/main.xml"/></Relationships>',
    );
    const bytes = zipSync({ '_rels/.rels': rels, 'word/main.xml': strToU8(doc(p('主文档'))) });
    expect(docxBytesToGrid(bytes, 'x.docx').rows[0]![0]!.text).toBe('主文档');
  });

  it('refuses broken packages with REPORT_UNREADABLE', () => {
    const good = docx(doc(p('x')));
    expect(codeOf(() => docxBytesToGrid(good.slice(0, good.length - 30), 'cut.docx'))).toBe(
      'REPORT_UNREADABLE',
    );
    expect(codeOf(() => docxBytesToGrid(good.slice(0, 40), 'cut.docx'))).toBe('REPORT_UNREADABLE');
    expect(codeOf(() => docxBytesToGrid(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'x.docx'))).toBe(
      'REPORT_UNREADABLE',
    );
    const corrupt = good.slice();
    corrupt.fill(0xff, 40, 60); // inside the deflated document.xml
    expect(codeOf(() => docxBytesToGrid(corrupt, 'bad.docx'))).toBe('REPORT_UNREADABLE');
    expect(codeOf(() => docxBytesToGrid(zipSync({ 'a.txt': strToU8('x') }), 'a.docx'))).toBe(
      'REPORT_UNREADABLE',
    );
  });

  it('refuses a zip bomb by what it inflates to, not what it claims', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(MAX_PART_BYTES + 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    expect(codeOf(() => docxBytesToGrid(bomb, 'bomb.docx'))).toBe('REPORT_UNREADABLE');
    expect(process.memoryUsage().rss - before).toBeLessThan(3 * MAX_PART_BYTES);
    // A central directory that lies about the size changes nothing: the limit counts inflated bytes.
    const lying = bomb.slice();
    const view = new DataView(lying.buffer);
    const central = lying.length - 22 - 46 - 'word/document.xml'.length;
    view.setUint32(central + 24, 100, true);
    expect(codeOf(() => docxBytesToGrid(lying, 'bomb.docx'))).toBe('REPORT_UNREADABLE');
  });

  it('refuses a package listing too many entries', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i++) files[`f${i}`] = new Uint8Array(0);
    expect(codeOf(() => docxBytesToGrid(zipSync(files, { level: 0 }), 'many.docx'))).toBe(
      'REPORT_UNREADABLE',
    );
  });
});
