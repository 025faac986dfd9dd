import { describe, expect, it } from 'vitest';
import { formatDateArabic, formatDateHanzi } from './dates.js';

describe('Chinese dates', () => {
  it.each([
    ['2026-11-30', '2026年11月30日', '二〇二六年十一月三十日'],
    ['2026-01-01', '2026年1月1日', '二〇二六年一月一日'],
    ['2020-10-10', '2020年10月10日', '二〇二〇年十月十日'],
    ['2019-12-21', '2019年12月21日', '二〇一九年十二月二十一日'],
    ['2027-05-31', '2027年5月31日', '二〇二七年五月三十一日'],
  ])('%s', (iso, arabic, hanzi) => {
    expect(formatDateArabic(iso)).toBe(arabic);
    expect(formatDateHanzi(iso)).toBe(hanzi);
  });
});
