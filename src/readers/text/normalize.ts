/**
 * Text normalisation shared by every layout: full-width forms, the known slips of real reports, OCR look-alikes,
 * and what counts as a number or a blank cell.
 */

/**
 * Slips seen in published reports, mapped to the template's wording before labels are matched
 * (本年度止件数 for 本年废止件数, 行政止公开 for 行政法规禁止公开, OCR look-alikes in labels).
 */
const LABEL_SLIPS: readonly (readonly [RegExp, string])[] = [
  [/本年度止件数/g, '本年废止件数'],
  [/本年度废止件数/g, '本年废止件数'],
  [/行政止公开/g, '行政法规禁止公开'],
  [/己获取/g, '已获取'],
  [/末按/g, '未按'],
  [/逾期末/g, '逾期未'],
  [/尚末/g, '尚未'],
  [/予已公开/g, '予以公开'],
];

/** Characters that never matter when comparing labels: spaces, punctuation, quotes, brackets. */
const LABEL_NOISE = /[\s\u3000()（）[\]【】、,，.．。:：;；“”"'‘’「」《》〈〉<>\-—–_·•|/\\*#`~]+/g;

/** Unicode compatibility form: full-width digits and letters, full-width brackets, ideographic space. */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

/** A label reduced for matching: half-width, slips corrected, spaces and punctuation removed. */
export function labelKey(text: string): string {
  let key = toHalfWidth(text);
  for (const [pattern, replacement] of LABEL_SLIPS) key = key.replace(pattern, replacement);
  return key.replace(LABEL_NOISE, '');
}

/** True when the text carries one of the known slips (worth a doubt). */
export function hasSlip(text: string): boolean {
  const half = toHalfWidth(text);
  return LABEL_SLIPS.some(([pattern]) => {
    pattern.lastIndex = 0;
    const hit = pattern.test(half);
    pattern.lastIndex = 0;
    return hit;
  });
}

/** What a cell holds, once normalised. */
export type CellValue =
  { kind: 'number'; value: number; ocr: boolean } | { kind: 'blank' } | { kind: 'empty' } | { kind: 'text' };

/** Markers that print a blank cell (REPORT-JSON.md: a blank is null, not zero). */
const BLANK_MARKERS = new Set(['-', '/', '—', '－', '–', '／', '——', '--', '\\', '无', '/ ']);

const NUMBER = /^\d{1,12}(?:\.\d{1,6})?$/;
const OCR_NUMBER = /^[\dOoIl]{1,12}(?:\.[\dOoIl]{1,6})?$/;

/** Classifies one cell's text as a number, a blank marker, empty, or text. */
export function classifyCell(raw: string): CellValue {
  const text = toHalfWidth(raw).trim();
  if (text === '') return { kind: 'empty' };
  if (BLANK_MARKERS.has(text)) return { kind: 'blank' };
  const plain = text.replace(/,(?=\d{3}\b)/g, '');
  if (NUMBER.test(plain)) return { kind: 'number', value: Number(plain), ocr: false };
  if (plain.length <= 12 && OCR_NUMBER.test(plain) && /\d/.test(plain)) {
    const fixed = plain.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
    return { kind: 'number', value: Number(fixed), ocr: true };
  }
  return { kind: 'text' };
}

/** True when the text is an isolated page number such as `-4-`, `- 5 -` or `第 3 页`. */
export function isPageNumber(text: string): boolean {
  const t = toHalfWidth(text).trim();
  return /^[-—–]\s*\d{1,3}\s*[-—–]$/.test(t) || /^第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?$/.test(t);
}
