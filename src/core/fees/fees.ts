import { DomainError } from '../errors.js';

// 国办函〔2020〕109号《政府信息公开信息处理费管理办法》: 按件 or 按量, 超额累进 (DOMAIN.md §3.2). Money in fen.

/** A 按量 bracket: pages up to `upTo` (inclusive; null = no limit) cost `fenPerPage` each. */
export interface PageBracket {
  upTo: number | null;
  fenPerPage: number;
}

/** 第六条（二）按量计收 schedule. */
export const PER_PAGE_SCHEDULE: readonly PageBracket[] = [
  { upTo: 30, fenPerPage: 0 }, // 30页以下（含30页）的，不收费
  { upTo: 100, fenPerPage: 1_000 }, // 31—100页（含100页）的部分：10元/页
  { upTo: 200, fenPerPage: 2_000 }, // 101—200页（含200页）的部分：20元/页
  { upTo: null, fenPerPage: 4_000 }, // 201页以上的部分：40元/页
];

/** 第六条（一）按件计收 schedule: per applicant, per natural month, cumulative. */
export const PER_APPLICATION_SCHEDULE = {
  freeUpTo: 10, // 同一申请人一个自然月内累计申请10件以下（含10件）的，不收费
  firstBandUpTo: 30, // 11—30件（含30件）的部分：100元/件
  firstBandFen: 10_000,
  bandSize: 10, // 31件以上的部分：以10件为一档，每增加一档，收费标准提高100元/件
  stepFen: 10_000,
} as const;

/** Exactly one method per application (第三条: 不得同时按照两种标准重复计算). */
export type FeeBasis = { method: 'perApplication'; nth: number } | { method: 'perPage'; pages: number };

function checkCount(n: number, zh: string, en: string, min: number): void {
  if (!Number.isInteger(n) || n < min || n > 1_000_000) {
    throw new DomainError(
      'INVALID_NUMBER',
      `${zh}应为不小于 ${min} 的整数：${n}`,
      `${en} must be an integer of at least ${min}: ${n}`,
    );
  }
}

/** The fee in fen for a request of `pages` pages (按量计收). */
export function perPageFeeFen(pages: number): number {
  checkCount(pages, '页数', 'the number of pages', 0);
  let fen = 0;
  let lower = 0;
  for (const bracket of PER_PAGE_SCHEDULE) {
    const upper = bracket.upTo ?? Infinity;
    if (pages > lower) fen += (Math.min(pages, upper) - lower) * bracket.fenPerPage;
    lower = upper;
  }
  return fen;
}

/** The fee in fen for the `nth` application of one applicant in one natural month (按件计收). */
export function perApplicationFeeFen(nth: number): number {
  checkCount(nth, '申请序号', 'the application number', 1);
  const s = PER_APPLICATION_SCHEDULE;
  if (nth <= s.freeUpTo) return 0;
  if (nth <= s.firstBandUpTo) return s.firstBandFen;
  const band = Math.floor((nth - s.firstBandUpTo - 1) / s.bandSize) + 1;
  return s.firstBandFen + band * s.stepFen;
}

/** The total in fen an applicant owes for applications 1…n of one month under 按件计收. */
export function perApplicationMonthTotalFen(n: number): number {
  checkCount(n, '申请件数', 'the number of applications', 1);
  let total = 0;
  for (let i = 1; i <= n; i += 1) total += perApplicationFeeFen(i);
  return total;
}

/** The fee in fen for one application under its one chosen method. */
export function applicationFeeFen(basis: FeeBasis): number {
  return basis.method === 'perPage' ? perPageFeeFen(basis.pages) : perApplicationFeeFen(basis.nth);
}

/** Rejects a request that names both methods (第三条). */
export function chooseFeeBasis(input: { nth?: number; pages?: number }): FeeBasis {
  if (input.nth !== undefined && input.pages !== undefined) {
    throw new DomainError(
      'FEE_METHOD_CONFLICT',
      '每件申请只能选择按件或按量一种标准计费（国办函〔2020〕109号第三条）',
      'each application is charged by one method only, per application or per page (Guobanhan [2020] 109, Art. 3)',
    );
  }
  if (input.pages !== undefined) return { method: 'perPage', pages: input.pages };
  if (input.nth !== undefined) return { method: 'perApplication', nth: input.nth };
  throw new DomainError(
    'INVALID_NUMBER',
    '请给出页数或申请序号',
    'give a number of pages or an application number',
  );
}

/** Fen as yuan (a number with at most two decimals), for display and `--json`. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}
