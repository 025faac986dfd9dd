import { describe, expect, it } from 'vitest';
import {
  applicationFeeFen,
  chooseFeeBasis,
  fenToYuan,
  perApplicationFeeFen,
  perApplicationMonthTotalFen,
  perPageFeeFen,
} from './fees.js';

describe('按件计收 (国办函〔2020〕109号): the n-th application of one applicant in one natural month', () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])('application %i costs %i yuan', (nth, yuan) => {
    expect(perApplicationFeeFen(nth)).toBe(yuan * 100);
  });

  it.each([
    [10, 0],
    [11, 100],
    [30, 2_000],
    [31, 2_200],
    [40, 4_000],
    [41, 4_300],
  ])('applications 1–%i cost %i yuan in all (超额累进)', (n, yuan) => {
    expect(perApplicationMonthTotalFen(n)).toBe(yuan * 100);
  });
});

describe('按量计收: pages', () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [45, 150],
    [100, 700],
    [101, 720],
    [200, 2_700],
    [201, 2_740],
    [250, 4_700],
  ])('%i pages cost %i yuan', (pages, yuan) => {
    expect(perPageFeeFen(pages)).toBe(yuan * 100);
  });
});

describe('one method per application (第三条)', () => {
  it('refuses both methods at once', () => {
    expect(() => chooseFeeBasis({ nth: 12, pages: 40 })).toThrow(/FEE_METHOD_CONFLICT/);
  });

  it('charges by the chosen method', () => {
    expect(applicationFeeFen(chooseFeeBasis({ pages: 45 }))).toBe(15_000);
    expect(applicationFeeFen(chooseFeeBasis({ nth: 12 }))).toBe(10_000);
    expect(fenToYuan(15_000)).toBe(150);
  });

  it('rejects negative or fractional counts', () => {
    expect(() => perPageFeeFen(-1)).toThrow(/INVALID_NUMBER/);
    expect(() => perApplicationFeeFen(0)).toThrow(/INVALID_NUMBER/);
    expect(() => perPageFeeFen(2.5)).toThrow(/INVALID_NUMBER/);
  });
});
