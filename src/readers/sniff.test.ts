import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe("telling a file's format from its first bytes", () => {
  it('reads UTF-8 text whose 4 KiB head ends inside a character as text', () => {
    // 4,095 ASCII bytes, then 3-byte characters: the head's cut falls inside the first of them.
    for (let pad = 4093; pad <= 4096; pad++) {
      expect(sniffFormat(utf8(`${'a'.repeat(pad)}政府信息公开`), 'r.txt'), String(pad)).toBe('text');
    }
  });
  it('tells JSON by its first character, after a byte-order mark and white space', () => {
    expect(sniffFormat(utf8('\ufeff \n {"schema": "gongkai.annual-report/v1"}'), 'r')).toBe('json');
    expect(sniffFormat(utf8('　{不是 JSON'), 'r')).toBe('json');
    expect(sniffFormat(utf8('二〇二三年度报告 {'), 'r')).toBe('text');
  });
  it('reads GBK text as text and binary bytes as nothing known', () => {
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]); // 政府信息公开
    expect(sniffFormat(gbk, 'r.txt')).toBe('text');
    expect(sniffFormat(new Uint8Array([0x01, 0x02, 0x00, 0xff, 0xfe]), 'r.bin')).toBeNull();
  });
});

describe('pages inside other text', () => {
  it('routes a JavaScript or JSON file carrying an escaped page to the HTML reader', () => {
    expect(sniffFormat(utf8('var d = {"c":"\\u003ctable\\u003e\\u003ctr\\u003e"};'), 'data.js')).toBe('html');
    expect(sniffFormat(utf8('{"body":"&lt;table&gt;&lt;tr&gt;&lt;td&gt;1"}'), 'a.json')).toBe('html');
    expect(sniffFormat(utf8('{"html":"<table><tr><td>1</td></tr></table>"}'), 'a.json')).toBe('html');
  });
  it('keeps the contract JSON and plain text as they are', () => {
    expect(sniffFormat(utf8('{"schema":"gongkai.annual-report/v1","sections":[{"text":"<td>"}]}'), 'r')).toBe(
      'json',
    );
    expect(sniffFormat(utf8('一、本年新收政府信息公开申请数量 80 1 0 0 0 0 81'), 'r.txt')).toBe('text');
  });
});
