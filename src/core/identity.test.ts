import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  isResidentIdNumber,
  isUnifiedSocialCreditCode,
  residentIdCheckChar,
} from './identity.js';

describe('公民身份号码 (GB 11643—1999)', () => {
  it.each([
    ['11010519491231002X', true], // the standard's own example
    ['11010519491231002x', true],
    ['440304199001010011', true],
    ['110105194912310021', false], // wrong check digit
    ['110105194902300025', false], // 30 February
    ['11010519491231002', false], // 17 characters
    ['01010519491231002X', false], // leading zero
  ])('%s → %s', (id, valid) => expect(isResidentIdNumber(id)).toBe(valid));

  it('detects every single-digit typing mistake', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = '11010519491231002X';
        const changed = id.slice(0, pos) + ((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        return !isResidentIdNumber(changed) && residentIdCheckChar(changed.slice(0, 17)) !== 'X';
      }),
    );
  });
});

describe('统一社会信用代码 (GB 32100—2015)', () => {
  it.each([
    ['91350100M000100Y43', true], // the standard's example
    ['91330100799655058B', true], // 阿里巴巴（中国）有限公司
    ['9144030071526726XG', true], // 深圳市腾讯计算机系统有限公司
    ['91110000802100433B', true], // 中国石油化工股份有限公司
    ['91350100M000100Y44', false], // check character changed
    ['91350100M000100I43', false], // I is not in the alphabet
    ['91350100M000100Y4', false],
  ])('%s → %s', (code, valid) => expect(isUnifiedSocialCreditCode(code)).toBe(valid));

  it('rejects characters outside the alphabet when computing the check', () => {
    expect(creditCodeCheckChar('91350100M000100O4')).toBeNull();
  });
});
