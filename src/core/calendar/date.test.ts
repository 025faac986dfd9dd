import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { addDays, isIsoDate, parseIsoDate, weekday, weekdayName } from './date.js';

describe('dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2100-02-29', false],
    ['2000-02-29', true],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['2024-00-10', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00', false],
    ['', false],
  ])('%s is a real day: %s', (text, real) => {
    expect(isIsoDate(text)).toBe(real);
  });

  it('rejects an impossible date with a coded bilingual error', () => {
    try {
      parseIsoDate('2023-02-30', '--from');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'INVALID_DATE')).toBe(true);
      expect((error as Error).message).toContain('2023-02-30');
    }
  });

  it('moves across month, leap-day and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
  });

  it('knows the weekday', () => {
    expect(weekday('2024-10-01')).toBe(2);
    expect(weekdayName('2024-09-29', 'zh')).toBe('星期日');
    expect(weekdayName('2026-01-01', 'en')).toBe('Thursday');
  });
});
