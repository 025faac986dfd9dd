/** The kinds of personal data the detector finds (PUBLISHING-DOMAIN.md §7). */
export const PERSONAL_DATA_KINDS = [
  'id-number',
  'mobile',
  'landline',
  'credit-code',
  'bank-card',
  'email',
  'name',
  'address',
] as const;

export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** The kind's name for people. */
export const PERSONAL_DATA_KIND_LABELS: Record<PersonalDataKind, { zh: string; en: string }> = {
  'id-number': { zh: '身份证号码', en: 'resident identity number' },
  mobile: { zh: '手机号码', en: 'mobile number' },
  landline: { zh: '固定电话', en: 'landline number' },
  'credit-code': { zh: '统一社会信用代码', en: 'unified social credit code' },
  'bank-card': { zh: '银行卡号', en: 'bank card number' },
  email: { zh: '电子邮箱', en: 'e-mail address' },
  name: { zh: '姓名', en: 'name' },
  address: { zh: '住址', en: 'home address' },
};

/**
 * One piece of personal data found in a text. `start` and `end` are offsets in the text (UTF-16 code units, as
 * `String.prototype.slice` takes them; `end` exclusive). `confidence` is between 0 and 1: 0.95 and above for a
 * number whose check digit is right or whose label says what it is, lower for a shape alone (a 15-digit 身份证号,
 * a wrong check digit, a name told only by its place in a list).
 */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  start: number;
  end: number;
  /** The text found, as written. */
  text: string;
  confidence: number;
  /** The text as it would be published once masked. */
  masked: string;
}

/** What is not personal data for this agency: its own public contacts (from its 指南) and addresses. */
export interface PersonalDataAllowList {
  /** Phone numbers as written anywhere (separators, area code and brackets are ignored when comparing). */
  phones?: readonly string[];
  /** Whole addresses (`xinxi@example.gov.cn`) or domains (`@example.gov.cn`). */
  emails?: readonly string[];
  /** Addresses printed as given (the office address of the 指南). */
  addresses?: readonly string[];
  /** Codes (统一社会信用代码, card numbers) that are public (the agency's own, say). */
  codes?: readonly string[];
}
