import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, requestSimilarity } from './similarity.js';

describe('requestSimilarity (character bigrams, Dice)', () => {
  it('finds the same request in other words and punctuation', () => {
    const a = '申请公开2025年示范区教育局部门预算及“三公”经费支出情况';
    const b = '请公开示范区教育局2025年部门预算、“三公”经费支出情况。';
    expect(requestSimilarity(a, b)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });
  it('keeps different requests apart', () => {
    const a = '申请公开2025年示范区教育局部门预算';
    const b = '申请公开和平街20号房屋征收补偿方案';
    expect(requestSimilarity(a, b)).toBeLessThan(DUPLICATE_THRESHOLD);
  });
  it('is symmetric, in [0, 1], and 1 on identical text', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const s = requestSimilarity(a, b);
        return s >= 0 && s <= 1 && s === requestSimilarity(b, a) && requestSimilarity(a, a) === 1;
      }),
    );
  });
});
