import { describe, expect, it } from 'vitest';
import { foldWidth, looksLikeNumber, numberKey } from './fold.js';

describe('folding', () => {
  it('folds full-width letters, digits and case', () => {
    expect(foldWidth('ＡＢＣ　２０２４年')).toBe('abc 2024年');
  });

  it('keys document numbers written with other brackets and spaces alike', () => {
    const key = numberKey('示范府发〔2024〕12号');
    expect(numberKey('示范府发[2024]12号')).toBe(key);
    expect(numberKey('示范府发（２０２４）12 号')).toBe(key);
    expect(numberKey('示范府发【2024】12号')).toBe(key);
    expect(numberKey('示范府发〔2023〕12号')).not.toBe(key);
  });

  it('tells numbers from words', () => {
    expect(looksLikeNumber('示范府发〔2024〕12号')).toBe(true);
    expect(looksLikeNumber('11320100MB0000000X/2024-00012')).toBe(true);
    expect(looksLikeNumber('示范区人民政府令第3号')).toBe(true);
    expect(looksLikeNumber('预算')).toBe(false);
    expect(looksLikeNumber('2024年预算')).toBe(false);
  });
});
