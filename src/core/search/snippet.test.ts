import { describe, expect, it } from 'vitest';
import { makeSnippet, markAll } from './snippet.js';

const marked = (s: { text: string; marks: { start: number; end: number }[] } | null) =>
  s ? s.marks.map((m) => s.text.slice(m.start, m.end)) : null;

describe('snippets', () => {
  it('marks the longest term whole and cuts around the first mark', () => {
    const text = '甲'.repeat(100) + '最低生活保障标准提高，低保对象' + '乙'.repeat(100);
    const s = makeSnippet(text, text, ['最低', '最低生活保障', '低保'], 40);
    expect(s).not.toBeNull();
    expect(marked(s)).toEqual(['最低生活保障', '低保']);
    expect(s!.text.startsWith('…')).toBe(true);
    expect(s!.text.endsWith('…')).toBe(true);
  });

  it('marks the original characters when the folded text has the same length', () => {
    const text = '關於２０２４年預算的通知';
    const folded = '关于2024年预算的通知';
    expect(marked(markAll(text, folded, ['预算', '2024']))).toEqual(['２０２４', '預算']);
  });

  it('gives nothing when no term occurs', () => {
    expect(makeSnippet('没有关系的文字', '没有关系的文字', ['预算'], 20)).toBeNull();
    expect(markAll('标题', '标题', ['预算'])).toEqual({ text: '标题', marks: [] });
  });
});
