/** Findings of the report checker, exactly as REPORT-JSON.md specifies, with English beside the Chinese. */

/** Stable rule ids: a rule keeps its meaning once published (REPORT-JSON.md, DOMAIN.md §7). */
export const RULES = {
  balance: { severity: 'error', zh: '勾稽关系', en: 'Balance (一+二 = 三（七）+四)' },
  'row-total': { severity: 'error', zh: '行合计', en: 'Row total' },
  'outcome-total': { severity: 'error', zh: '办理结果合计', en: 'Outcome total' },
  'appeal-total': { severity: 'error', zh: '复议诉讼合计', en: 'Appeal total' },
  'non-negative': { severity: 'error', zh: '非负整数', en: 'Non-negative integer' },
  template: { severity: 'error', zh: '报告格式', en: 'Template' },
  sections: { severity: 'error', zh: '六部分齐全', en: 'Six sections' },
  missing: { severity: 'warning', zh: '空白单元格', en: 'Blank cell' },
  'carry-over': { severity: 'warning', zh: '上年结转衔接', en: 'Carry-over' },
  'stock-continuity': { severity: 'warning', zh: '现行有效件数衔接', en: 'Stock continuity' },
  'fee-unit': { severity: 'warning', zh: '收费金额单位', en: 'Fee unit' },
  prose: { severity: 'warning', zh: '正文与表格一致', en: 'Prose agrees with the tables' },
} as const;

export type RuleId = keyof typeof RULES;
export type Severity = 'error' | 'warning';

/** One finding: which rule, how bad, the cell most to blame, and what was expected there. */
export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** The cell most to blame, in the contract's keys (`applications.totalProcessed[6]`). */
  path: string;
  /** What the rule computes for the cell, where it computes one. */
  expected?: number | null;
  actual?: number | null;
  /** For a person, in Chinese. */
  message: string;
  /** The same in English. */
  messageEn: string;
  /** Every cell the rule's equation involves (an optional key beside the contract's). */
  cells?: string[];
}

/** True when a list of findings holds no error, i.e. the report is consistent. */
export function isConsistent(findings: readonly Finding[]): boolean {
  return !findings.some((finding) => finding.severity === 'error');
}

/** Counts findings by severity. */
export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const finding of findings) if (finding.severity === 'error') errors += 1;
  return { errors, warnings: findings.length - errors };
}
