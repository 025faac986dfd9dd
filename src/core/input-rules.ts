/** Rules for what people may send, shared by every edge (HTTP, command line): texts, dates, web addresses. */

/**
 * Characters refused in any text a person sends: they either break storage (NUL cannot be stored in PostgreSQL
 * text), change silently on the way (a lone surrogate becomes U+FFFD), or make a printed letter or page say
 * something other than what it shows (bidirectional overrides, “Trojan Source”).
 */
export type UnsafeTextReason = 'nul' | 'control' | 'bidi' | 'surrogate';

/** Explicit bidirectional formatting characters (Unicode TR9): embeddings, overrides, isolates, marks. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters refused
const CONTROL = /[\u0001-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why `text` is refused, or null when it is fine. */
export function unsafeTextReason(text: string): UnsafeTextReason | null {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  if (BIDI.test(text)) return 'bidi';
  if (CONTROL.test(text)) return 'control';
  return null;
}

/** The words for each reason, Chinese and English. */
export const unsafeTextMessages: Record<UnsafeTextReason, [string, string]> = {
  nul: ['含有空字符（U+0000），不能保存', 'contains a NUL character (U+0000), which cannot be stored'],
  control: ['含有不可见的控制字符', 'contains invisible control characters'],
  bidi: [
    '含有改变文字方向的控制字符（如 U+202E），打印出的文书会与所见不同',
    'contains bidirectional control characters (such as U+202E) that would make printed text differ from what is shown',
  ],
  surrogate: [
    '含有无效的 Unicode 字符（孤立的代理项），不能原样保存',
    'contains invalid Unicode (a lone surrogate) that cannot be stored as sent',
  ],
};

export interface UnsafeTextFinding {
  /** Dotted path of the field (`applicant.name`), or '' for the value itself. */
  path: string;
  reason: UnsafeTextReason;
}

/** The first string in `value` (objects and arrays walked, keys included) with a refused character. */
export function findUnsafeText(value: unknown, path = '', depth = 0): UnsafeTextFinding | null {
  if (typeof value === 'string') {
    const reason = unsafeTextReason(value);
    return reason ? { path, reason } : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = findUnsafeText(value[i], path ? `${path}.${i}` : String(i), depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const here = path ? `${path}.${key}` : key;
    const keyReason = unsafeTextReason(key);
    if (keyReason) return { path: here, reason: keyReason };
    const found = findUnsafeText(item, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The day the 政府信息公开条例 took effect (2008-05-01): no disclosure application is older. */
export const regulationsInForceSince = '2008-05-01';

/** How far ahead of the server's clock a submission time may be (clocks of people and offices drift). */
export const submittedAtSkewMs = 10 * 60_000;

/** True for an absolute http(s) URL with a host: what a 指南 may print as a website (never javascript:, data:). */
export function isWebUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}

/**
 * Whether an idempotency key is random enough to name one form: at least 8 different characters, about 40 bits by
 * the characters' own frequencies (a UUID has ~130, 16 random base64url characters ~60, `aaaaaaaaaaaaaaaa` 0),
 * and not one short piece repeated (`abcdabcdabcdabcd`). A guessable key would let one applicant's form meet
 * another's. Forms should send a UUID or at least 22 random characters.
 */
export function isStrongKey(key: string): boolean {
  const chars = [...key];
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  if (counts.size < 8) return false;
  let bits = 0;
  for (const count of counts.values()) bits -= count * Math.log2(count / chars.length);
  if (bits < 40) return false;
  for (let period = 1; period <= chars.length / 2; period += 1) {
    if (chars.every((char, i) => char === chars[i % period])) return false;
  }
  return true;
}
