/** Rules on single cells: counts are non-negative integers, 万元 is a plausible decimal, blanks are flagged. */
import { listCells } from '../cells.js';
import type { Finding } from '../findings.js';
import type { AnnualReport } from '../model.js';
import { finding } from './shared.js';

/** More decimal places than this in a 万元 figure suggests a 元 figure typed into a 万元 cell (§7 rule 11). */
const MAX_TEN_THOUSAND_YUAN_DECIMALS = 4;

function decimals(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** §7 rule 5: every count is an integer ≥ 0; the 万元 figure a finite decimal ≥ 0. */
export function checkNonNegative(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const cell of listCells(report)) {
    const value = cell.value;
    if (value === null) continue;
    if (cell.kind === 'count' && (!Number.isInteger(value) || value < 0)) {
      findings.push(
        finding(
          'non-negative',
          cell.path,
          {
            zh: (name) => `${name} 应为非负整数，实为 ${value}`,
            en: (name) => `${name} must be a non-negative integer; it is ${value}`,
          },
          { actual: value },
        ),
      );
    } else if (cell.kind === 'tenThousandYuan') {
      if (!Number.isFinite(value) || value < 0) {
        findings.push(
          finding(
            'non-negative',
            cell.path,
            {
              zh: (name) => `${name} 应为非负数，实为 ${value}`,
              en: (name) => `${name} must be a non-negative amount; it is ${value}`,
            },
            { actual: value },
          ),
        );
      } else if (decimals(value) > MAX_TEN_THOUSAND_YUAN_DECIMALS) {
        findings.push(
          finding(
            'fee-unit',
            cell.path,
            {
              zh: (name) => `${name} 以万元为单位，${value} 的小数位超过 4 位，是否误填了以元计的金额？`,
              en: (name) =>
                `${name} is in units of 10,000 yuan; ${value} has more than 4 decimals (a yuan figure?)`,
            },
            { actual: value },
          ),
        );
      }
    }
  }
  return findings;
}

/** §7 rule 5: a blank is not a zero; every blank cell of the template is flagged. */
export function checkMissing(report: AnnualReport): Finding[] {
  return listCells(report)
    .filter((cell) => cell.value === null)
    .map((cell) =>
      finding(
        'missing',
        cell.path,
        { zh: (name) => `${name} 为空或无法读取`, en: (name) => `${name} is blank or unreadable` },
        { actual: null },
      ),
    );
}
