import { compareDates, parseIsoDate, type IsoDate } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import { CliError } from '../io.js';

/** Wraps a command action so a DomainError becomes a one-line bilingual CliError (exit 2). */
export function domainErrors<A extends unknown[]>(
  action: (...args: A) => Promise<void>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await action(...args);
    } catch (error) {
      if (error instanceof DomainError)
        throw new CliError(`${error.code}: ${error.messageZh} / ${error.messageEn}`, 2);
      throw error;
    }
  };
}

/** A whole number written in digits (no sign, no decimals), else INVALID_NUMBER naming the option. */
export function parseWholeNumber(text: string, option: string): number {
  if (!/^\d{1,9}$/.test(text.trim())) {
    throw new DomainError(
      'INVALID_NUMBER',
      `${option} 应为非负整数：${text}`,
      `${option} must be a non-negative whole number: ${text}`,
    );
  }
  return Number(text.trim());
}

/** A four-digit year. */
export function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) {
    throw new DomainError(
      'INVALID_NUMBER',
      `年份应为四位数字：${text}`,
      `the year must be four digits: ${text}`,
    );
  }
  return Number(text);
}

/** A `FROM..TO` range of real dates with FROM not after TO. */
export function parseRange(text: string): { from: IsoDate; to: IsoDate } {
  const parts = text.split('..');
  if (parts.length !== 2 || !parts[0] || !parts[1]) {
    throw new DomainError(
      'INVALID_RANGE',
      `期间格式应为 YYYY-MM-DD..YYYY-MM-DD：${text}`,
      `a range must be written YYYY-MM-DD..YYYY-MM-DD: ${text}`,
    );
  }
  const from = parseIsoDate(parts[0], '--pause');
  const to = parseIsoDate(parts[1], '--pause');
  if (compareDates(from, to) > 0) {
    throw new DomainError(
      'INVALID_RANGE',
      `期间起日晚于止日：${text}`,
      `the range starts after it ends: ${text}`,
    );
  }
  return { from, to };
}

/** Commander's collector for a repeatable option. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** A true/false deployment setting from the environment ("1", "true", "yes" are true). */
export function envFlag(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value.trim());
}
