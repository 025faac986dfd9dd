import type { IsoDate } from '../calendar/date.js';

const digits = '〇一二三四五六七八九';

/** 1–31 in Chinese numerals: 一 … 十 … 十一 … 二十 … 三十一. */
function smallNumber(n: number): string {
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : tens === 1 ? '十' : `${digits[tens]}十`;
  return head + (ones === 0 ? '' : digits[ones]!);
}

/** `2026年11月30日`: Arabic digits, no leading zeros (GB/T 9704—2012 §7.3.5, the default). */
export function formatDateArabic(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

/** `二〇二六年十一月三十日`: Chinese numerals, as GB/T 9704—1999 wrote the 成文日期. */
export function formatDateHanzi(date: IsoDate): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const year = [...y].map((c) => digits[Number(c)]).join('');
  return `${year}年${smallNumber(Number(m))}月${smallNumber(Number(d))}日`;
}
