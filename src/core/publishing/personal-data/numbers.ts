/**
 * Check rules for the numbers that identify a person or a business: 公民身份号码 (GB 11643—1999, 18 and the old
 * 15-digit form), bank card numbers (Luhn, ISO/IEC 7812), 统一社会信用代码 (GB 32100—2015, via `core/identity`),
 * and the shapes of Chinese mobile and landline numbers.
 */
import { isResidentIdNumber, isUnifiedSocialCreditCode } from '../../identity.js';

/**
 * First two digits of the administrative division code (GB/T 2260) that starts a 身份证号: the 31 provinces, and
 * 71/81/82/83 for the residence permits of Taiwan, Hong Kong and Macao residents (港澳台居民居住证).
 */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43',
  '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]); // prettier-ignore

/** True when the six leading digits can be a county-level division code (province known, not a province code). */
export function plausibleRegion(code6: string): boolean {
  return /^\d{6}$/.test(code6) && PROVINCES.has(code6.slice(0, 2)) && code6.slice(2) !== '0000';
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The birth date inside an 18-digit number is a real day between 1900 and 2099. */
export function id18BirthDateValid(id: string): boolean {
  const year = Number(id.slice(6, 10));
  return year >= 1900 && year <= 2099 && validDate(year, Number(id.slice(10, 12)), Number(id.slice(12, 14)));
}

/** The 15-digit form (before 1999): region, YYMMDD in the 1900s, three-digit sequence; no check digit. */
export function id15Plausible(id: string): boolean {
  if (!/^[1-9]\d{14}$/.test(id) || !plausibleRegion(id.slice(0, 6))) return false;
  return validDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)));
}

/** How an 18-character candidate looks as a 身份证号: checked (all rules), plausible (wrong check digit), or not. */
export function id18Status(id: string): 'valid' | 'check-digit-wrong' | 'no' {
  const upper = id.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(upper)) return 'no';
  if (!plausibleRegion(upper.slice(0, 6)) || !id18BirthDateValid(upper)) return 'no';
  return isResidentIdNumber(upper) ? 'valid' : 'check-digit-wrong';
}

/** The Luhn (mod 10) check of ISO/IEC 7812 over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** A card number: 16 to 19 digits, an issuer prefix of China UnionPay (62), Visa (4), Mastercard (5) or JCB/Amex (3), Luhn. */
export function bankCardValid(digits: string): boolean {
  return /^(?:62|[345])\d{14,18}$/.test(digits) && luhnValid(digits);
}

/** A mainland mobile number of 11 digits (1, then 3–9). */
export function mobileValid(digits: string): boolean {
  return /^1[3-9]\d{9}$/.test(digits);
}

/** A 统一社会信用代码 with its check character right. */
export function creditCodeValid(code: string): boolean {
  return isUnifiedSocialCreditCode(code);
}

/** The registration authority category (first character) of 机关 (1): public bodies, not people. */
export function creditCodeOfPublicBody(code: string): boolean {
  return code.startsWith('1');
}
