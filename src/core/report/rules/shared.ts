import { cellName } from '../cells.js';
import { RULES, type Finding, type RuleId } from '../findings.js';

/** Shows a cell value in a message: the number, or 空/blank. */
export function show(value: number | null | undefined, lang: 'zh' | 'en'): string {
  if (value === null || value === undefined) return lang === 'zh' ? '空' : 'blank';
  return String(value);
}

/** Sums numbers that are all known; null when any is blank. */
export function sumKnown(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** Builds a finding with the rule's severity, naming the cell in both languages. */
export function finding(
  rule: RuleId,
  path: string,
  texts: { zh: (name: string) => string; en: (name: string) => string },
  extra: Partial<Pick<Finding, 'expected' | 'actual' | 'cells' | 'severity'>> = {},
): Finding {
  const { severity = RULES[rule].severity, ...rest } = extra;
  return {
    rule,
    severity,
    path,
    ...rest,
    message: texts.zh(cellName(path, 'zh')),
    messageEn: texts.en(cellName(path, 'en')),
  };
}
