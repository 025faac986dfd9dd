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

/**
 * A character every slip has (止 己 末 予), or a Kangxi radical that NFKC turns into one (⽌ ⼰; no other character
 * does): a text without any has no slip, and is not normalised to find out.
 */
const SLIP_CHARACTERS = /[止己末予\u2f30\u2f4c]/;

/** Any of the slips, in one pattern (one scan per line). */
const ANY_SLIP = new RegExp(LABEL_SLIPS.map(([pattern]) => pattern.source).join('|'));

/** Characters that never matter when comparing labels: spaces, punctuation, quotes, brackets. */
const LABEL_NOISE = /[\s\u3000()（）[\]【】、,，.．。:：;；“”"'‘’「」《》〈〉<>\-—–_·•|/\\*#`~]+/g;

/**
 * Characters NFKC may change here: Latin-1, letter-like and enclosed forms, CJK and Kangxi radicals (text copied
 * from PDFs whose fonts map 一 人 工 目 … to Kangxi radicals), CJK compatibility ideographs, full-width forms.
 */
export const COMPATIBILITY =
  /[\u00a0-\u00ff\u2000-\u200b\u2100-\u2bff\u2e80-\u2fdf\u3000\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff00-\uffef]/;

/** Unicode compatibility form: full-width digits and letters, full-width brackets, ideographic space. */
export function toHalfWidth(text: string): string {
  return COMPATIBILITY.test(text) ? text.normalize('NFKC') : text;
}

function fixSlips(text: string): string {
  let key = text;
  for (const [pattern, replacement] of LABEL_SLIPS) key = key.replace(pattern, replacement);
  return key;
}

function reduceLabel(text: string): string {
  const key = toHalfWidth(text);
  return (ANY_SLIP.test(key) ? fixSlips(key) : key).replace(LABEL_NOISE, '');
}

/** Keys of short texts already reduced: labels are the template's wording, met again in every report. */
const KEYS = new Map<string, string>();
/** Texts longer than this are reduced every time (prose, whole tables), so the cache holds labels only. */
const CACHED_LENGTH = 80;
const CACHED_KEYS = 4096;

/** A label reduced for matching: half-width, slips corrected, spaces and punctuation removed. */
export function labelKey(text: string): string {
  if (text.length > CACHED_LENGTH) return reduceLabel(text);
  let key = KEYS.get(text);
  if (key === undefined) {
    key = reduceLabel(text);
    if (KEYS.size >= CACHED_KEYS) KEYS.clear();
    KEYS.set(text, key);
  }
  return key;
}

/**
 * The label key of several texts read as one (a table's labels, a label broken over lines): the keys of each,
 * remembered as `labelKey` remembers them, joined, with a slip that spans two of them corrected. Reducing the
 * joined text instead would cost some 20 µs for a table, with nothing to remember.
 */
export function joinedLabelKey(texts: readonly string[]): string {
  let key = '';
  for (const text of texts) key += labelKey(text);
  return ANY_SLIP.test(key) ? fixSlips(key) : key;
}

/** True when the text carries one of the known slips (worth a doubt). */
export function hasSlip(text: string): boolean {
  return SLIP_CHARACTERS.test(text) && ANY_SLIP.test(toHalfWidth(text));
}

/** What a cell holds, once normalised. */
export type CellValue =
  { kind: 'number'; value: number; ocr: boolean } | { kind: 'blank' } | { kind: 'empty' } | { kind: 'text' };

/** Markers that print a blank cell (REPORT-JSON.md: a blank is null, not zero). */
const BLANK_MARKERS = new Set(['-', '/', '—', '－', '–', '／', '——', '--', '\\', '无', '/ ']);

const OCR_NUMBER = /^[\dOoIl]{1,12}(?:\.[\dOoIl]{1,6})?$/;

/** Parses plain digits (with an optional decimal part and thousands commas) without a regex; NaN otherwise. */
function plainNumber(text: string): number {
  let digits = 0;
  let dot = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
    else if (code === 46 && !dot && digits > 0 && i < text.length - 1) dot = true;
    else if (code === 44 && digits > 0 && !dot) continue;
    else return NaN;
  }
  if (digits === 0 || digits > 12) return NaN;
  return Number(text.includes(',') ? text.replace(/,/g, '') : text);
}

/** Classifies one cell's text as a number, a blank marker, empty, or text. */
export function classifyCell(raw: string): CellValue {
  return classifyTrimmed(toHalfWidth(raw).trim());
}

/** The same for text already half-width and trimmed (`toHalfWidth` gives the same text again). */
export function classifyTrimmed(text: string): CellValue {
  if (text === '') return EMPTY;
  const first = text.charCodeAt(0);
  const digitLike =
    (first >= 48 && first <= 57) || first === 79 || first === 111 || first === 73 || first === 108;
  if (!digitLike) return BLANK_MARKERS.has(text) ? BLANK : TEXT;
  const value = plainNumber(text);
  if (!Number.isNaN(value)) {
    // `1,234` is a thousands separator only in groups of three.
    if (text.includes(',') && !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return TEXT;
    return { kind: 'number', value, ocr: false };
  }
  if (text.length <= 12 && OCR_NUMBER.test(text) && /\d/.test(text)) {
    const fixed = text.replace(/[Oo]/g, '0').replace(/[Il]/g, '1');
    return { kind: 'number', value: Number(fixed), ocr: true };
  }
  return TEXT;
}

const TEXT: CellValue = { kind: 'text' };
const EMPTY: CellValue = { kind: 'empty' };
const BLANK: CellValue = { kind: 'blank' };

/** True when the text is an isolated page number such as `-4-`, `- 5 -` or `第 3 页`. */
export function isPageNumber(text: string): boolean {
  const t = toHalfWidth(text).trim();
  // Both forms begin with a dash or 第: anything else is no page number, without running the patterns.
  const first = t.charCodeAt(0);
  if (first !== 45 && first !== 0x2014 && first !== 0x2013 && first !== 0x7b2c) return false;
  return /^[-—–]\s*\d{1,3}\s*[-—–]$/.test(t) || /^第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?$/.test(t);
}
