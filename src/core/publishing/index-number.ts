/**
 * 索引号 templates. No national standard fixes the 索引号 (PUBLISHING-DOMAIN.md §3.3); the dominant shape is
 * `{机构代码}/{年}-{五位序号}` (`000014349/2020-00072`). An agency configures its template with these fields:
 *
 * - `{机构代码}` / `{code}`: the agency's 统一社会信用代码 or legacy code, as configured;
 * - `{年}` / `{year}`: the four-digit year; the sequence restarts every year, so a template must contain it;
 * - `{序号}` / `{seq}`: the sequence without padding; `{五位序号}`, `{6位序号}`, `{seq:5}`: padded with zeros.
 *
 * Literal text around the fields is kept as written (letters, digits, `/ - _ .`).
 */
import { DomainError } from '../errors.js';

export const DEFAULT_INDEX_TEMPLATE = '{机构代码}/{年}-{五位序号}';

type Part =
  { kind: 'text'; text: string } | { kind: 'code' } | { kind: 'year' } | { kind: 'seq'; width: number };

const CHINESE_DIGITS: Record<string, number> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8 };

function invalid(template: string, zh: string, en: string): DomainError {
  return new DomainError(
    'PUBLISHING_SETTINGS_INVALID',
    `索引号模板「${template}」${zh}`,
    `index number template "${template}" ${en}`,
    { field: 'indexTemplate' },
  );
}

function field(name: string, template: string): Part {
  if (name === '机构代码' || name === 'code') return { kind: 'code' };
  if (name === '年' || name === 'year') return { kind: 'year' };
  if (name === '序号' || name === 'seq') return { kind: 'seq', width: 0 };
  const padded = /^(?:([二三四五六七八])|([2-9]))位序号$/.exec(name) ?? /^seq:()([2-9])$/.exec(name);
  if (padded) {
    const width = padded[1] ? CHINESE_DIGITS[padded[1]]! : Number(padded[2]);
    return { kind: 'seq', width };
  }
  throw invalid(
    template,
    `含未知字段 {${name}}（可用 {机构代码} {年} {序号} {五位序号}）`,
    `has an unknown field {${name}} (use {机构代码} {年} {序号} {五位序号})`,
  );
}

/** Parses and checks a template: one year field, one sequence field, literal text of safe characters. */
export function parseIndexTemplate(template: string): Part[] {
  if (template.length === 0 || template.length > 100) {
    throw invalid(template, '长度应为 1 至 100 个字符', 'must be 1 to 100 characters');
  }
  const parts: Part[] = [];
  const re = /\{([^{}]*)\}|([^{}]+)|([{}])/g;
  for (let m = re.exec(template); m; m = re.exec(template)) {
    if (m[3]) throw invalid(template, '的花括号不成对', 'has an unmatched brace');
    if (m[2] !== undefined) {
      if (!/^[A-Za-z0-9/_.-]+$/.test(m[2])) {
        throw invalid(
          template,
          `的固定文字只能用字母、数字和 / - _ .：${m[2]}`,
          `may hold only letters, digits and / - _ . as literal text: ${m[2]}`,
        );
      }
      parts.push({ kind: 'text', text: m[2] });
    } else {
      parts.push(field(m[1]!, template));
    }
  }
  const count = (kind: Part['kind']) => parts.filter((p) => p.kind === kind).length;
  if (count('year') !== 1)
    throw invalid(
      template,
      '须含一个 {年}（序号每年重新编排）',
      'needs one {年} (the sequence restarts each year)',
    );
  if (count('seq') !== 1) throw invalid(template, '须含一个序号字段', 'needs one sequence field');
  if (count('code') > 1) throw invalid(template, '只能含一个 {机构代码}', 'may hold {机构代码} once');
  return parts;
}

/** The 索引号 for a sequence number of a year. */
export function renderIndexNumber(
  template: string,
  values: { agencyCode: string; year: number; seq: number },
): string {
  return parseIndexTemplate(template)
    .map((p) => {
      switch (p.kind) {
        case 'text':
          return p.text;
        case 'code':
          return values.agencyCode;
        case 'year':
          return String(values.year);
        case 'seq':
          return String(values.seq).padStart(p.width, '0');
      }
    })
    .join('');
}
