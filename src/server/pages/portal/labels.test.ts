import { describe, expect, it } from 'vitest';
import { subjectLabel } from './labels.js';

describe('主题分类 on portal pages', () => {
  it('shows a category id as gov.cn does (一级\\二级), and an unknown value as stored', () => {
    expect(subjectLabel('0201')).toBe('综合政务\\政务公开');
    expect(subjectLabel('no-such-id')).toBe('no-such-id');
  });
});
