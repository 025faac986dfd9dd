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
