/**
 * Identity numbers an applicant gives (条例第二十九条第二款第一项: 身份证明): the resident identity number
 * (GB 11643—1999 公民身份号码) and the unified social credit code (GB 32100—2015 统一社会信用代码). Both end in a
 * check character; verifying it catches most typing mistakes at intake.
 */

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/** The GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function validDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for an 18-character 公民身份号码 with a valid birth date and check character (GB 11643—1999). */
export function isResidentIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  if (!validDate(id.slice(6, 14))) return false;
  return residentIdCheckChar(id) === id[17];
}

/** The 31 characters of GB 32100 (digits and capitals without I, O, Z, S, V). */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The GB 32100 check character of the first 17 characters (MOD 31); null if one is not in the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_CHARS.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARS[(31 - (sum % 31)) % 31]!;
}

/** True for an 18-character 统一社会信用代码 whose check character is right (GB 32100—2015). */
export function isUnifiedSocialCreditCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  return creditCodeCheckChar(code) === code[17];
}

/** Normalises an identity number for storage and comparison (trimmed, capital X / letters). */
export function normaliseIdentityNumber(value: string): string {
  return value.trim().toUpperCase();
}
