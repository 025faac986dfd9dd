/**
 * Masks (去标识化) as agencies print them: digits replaced by `*` one for one, so the length shows and the text
 * keeps its layout. Defaults follow common practice (PUBLISHING-DOMAIN.md §7.2): 身份证号 keeps the first four and
 * the last four (`3201**********1234`), a mobile keeps 3 + 4 (`138****5678`), a name keeps its surname (`张*`),
 * an address keeps everything up to its 乡镇 or 街道 (the 永安 rule: "个人家庭地址只保留到乡（镇）、街道"). Each
 * agency may set its own (e.g. 永安: 身份证 keep 2 + 3, `35*************123`).
 */
import type { PersonalDataKind } from './types.js';

/** How many characters to keep at each end; the rest (digits and letters only) become `*`. */
export interface KeepEnds {
  start: number;
  end: number;
}

export interface MaskRules {
  idNumber: KeepEnds;
  mobile: KeepEnds;
  /** Digits of the number after its area code: the area code is always kept. */
  landline: KeepEnds;
  creditCode: KeepEnds;
  bankCard: KeepEnds;
  /** Characters of the e-mail's local part kept; the domain is kept. */
  emailLocalKeep: number;
}

export const DEFAULT_MASK_RULES: MaskRules = {
  idNumber: { start: 4, end: 4 },
  mobile: { start: 3, end: 4 },
  landline: { start: 0, end: 4 },
  creditCode: { start: 8, end: 2 },
  bankCard: { start: 4, end: 4 },
  emailLocalKeep: 1,
};

/** Rules with the agency's own overrides. */
export function maskRules(overrides: Partial<MaskRules> = {}): MaskRules {
  return { ...DEFAULT_MASK_RULES, ...overrides };
}

/** Digits and Latin letters, half- or full-width: what a mask hides. */
function maskable(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** Replaces every digit or letter but the first `start` and last `end` of them with `*`; separators stay. */
function keepEnds(value: string, keep: KeepEnds): string {
  let count = 0;
  for (let i = 0; i < value.length; i += 1) if (maskable(value.charCodeAt(i))) count += 1;
  // Too short to keep both ends: keep only the first character.
  const [first, last] = count <= keep.start + keep.end ? [1, count] : [keep.start, count - keep.end];
  let out = '';
  let seen = 0;
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i]!;
    if (!maskable(value.charCodeAt(i))) {
      out += char;
      continue;
    }
    out += seen >= first && seen < last ? '*' : char;
    seen += 1;
  }
  return out;
}

/** Compound surnames kept whole in a masked name (欧阳*). */
const COMPOUND_SURNAMES =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|令狐|宇文|司徒|夏侯|轩辕|端木|独孤|南宫|西门|百里|呼延|澹台|公冶|太史|申屠|钟离|闻人|赫连|万俟|完颜)/;

function maskName(name: string): string {
  const chars = [...name];
  const keep = COMPOUND_SURNAMES.test(name) && chars.length > 2 ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(Math.max(1, chars.length - keep));
}

/** The end of the last 乡/镇/街道 (else 区/县/市) in an address: what a masked address keeps. */
function addressKeepLength(address: string): number {
  for (const level of [/^.*?(?:街道|镇|乡)/, /^.*(?:区|县|旗|市)/]) {
    const kept = level.exec(address)?.[0];
    if (kept !== undefined && kept.length < address.length) return kept.length;
  }
  return 0;
}

function maskAddress(address: string): string {
  const keep = addressKeepLength(address);
  return address.slice(0, keep) + [...address.slice(keep)].map((c) => (/\s/.test(c) ? c : '*')).join('');
}

function maskLandline(value: string, rules: MaskRules): string {
  // The area code (0 and 2–3 digits, maybe in brackets, then a separator) is kept.
  const area = /^[(（]?0(?:10|2\d|[3-9]\d{2})[)）]?[\s\-－—]?/.exec(value)?.[0] ?? '';
  return area + keepEnds(value.slice(area.length), rules.landline);
}

function maskEmail(value: string, rules: MaskRules): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return keepEnds(value, { start: 1, end: 0 });
  const local = value.slice(0, at);
  const kept = Math.min(rules.emailLocalKeep, local.length - 1);
  return local.slice(0, kept) + '*'.repeat(local.length - kept) + value.slice(at);
}

/** The masked form of one value of a kind; same length as the value for numbers, names and addresses. */
export function maskValue(
  kind: PersonalDataKind,
  value: string,
  rules: MaskRules = DEFAULT_MASK_RULES,
): string {
  switch (kind) {
    case 'id-number':
      return keepEnds(value, rules.idNumber);
    case 'mobile': {
      const country = /^(?:\+|＋)?86[\s-]?/.exec(value)?.[0] ?? '';
      return country + keepEnds(value.slice(country.length), rules.mobile);
    }
    case 'landline':
      return maskLandline(value, rules);
    case 'credit-code':
      return keepEnds(value, rules.creditCode);
    case 'bank-card':
      return keepEnds(value, rules.bankCard);
    case 'email':
      return maskEmail(value, rules);
    case 'name':
      return maskName(value);
    case 'address':
      return maskAddress(value);
  }
}
