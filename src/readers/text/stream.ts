/**
 * Reports whose tables arrive as one stream of characters: a whole web page on one line or a few (site text,
 * prose, tables 二, 三, 四 and sections 五, 六 concatenated), cells run together or one space apart, labels broken
 * by spaces. The statutory labels are located in the line's *key* (spaces and punctuation dropped, full-width
 * forms made half-width, each key character remembering where it stood), in the order the template prints
 * them, and the line is cut into label-anchored segments: a heading, a caption, a row label with the values
 * after it, and what follows a row's values (header words, prose). The segments become grid rows, so the
 * one mapper reads them as it reads any other layout, with each cell's column in the original line.
 */
import {
  APPEAL_GROUPS,
  APPLICATION_ROWS,
  OUTCOME_GROUPS,
  PROACTIVE_TABLES,
} from '../../core/report/template.js';
import type { GridRow } from '../grid.js';
import { ROW_MATCHERS } from './labels.js';

/** Lines at least this long are looked at for label anchors; shorter ones are kept as they are. */
export const STREAM_MIN_LENGTH = 160;

/** Characters dropped from the key: spaces, punctuation, quotes, brackets (as `labelKey` drops them). */
function isNoise(code: number): boolean {
  switch (code) {
    case 0x20:
    case 0x09:
    case 0xa0:
    case 0x3000:
    case 0x28: // ( )
    case 0x29:
    case 0xff08: // （ ）
    case 0xff09:
    case 0x5b:
    case 0x5d:
    case 0x3010: // 【 】
    case 0x3011:
    case 0x3001: // 、
    case 0x2c:
    case 0xff0c: // ，
    case 0x2e:
    case 0xff0e: // ．
    case 0x3002: // 。
    case 0x3a:
    case 0xff1a: // ：
    case 0x3b:
    case 0xff1b: // ；
    case 0x201c: // “ ”
    case 0x201d:
    case 0x22:
    case 0x27:
    case 0x2018:
    case 0x2019:
    case 0x300c: // 「 」
    case 0x300d:
    case 0x300a: // 《 》
    case 0x300b:
    case 0x3008:
    case 0x3009:
    case 0x3c:
    case 0x3e:
    case 0x2d:
    case 0x2014:
    case 0x2013:
    case 0x5f:
    case 0xb7:
    case 0x2022:
    case 0x7c:
    case 0x2f:
    case 0x5c:
    case 0x2a:
    case 0x23:
    case 0x60:
    case 0x7e:
      return true;
    default:
      return false;
  }
}

/** A line's key: the label characters, half-width, with the index in the line each came from. */
export interface StreamKey {
  key: string;
  at: Int32Array;
}

export function streamKey(line: string): StreamKey {
  const at = new Int32Array(line.length);
  let key = '';
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    let code = line.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    if (isNoise(code)) continue;
    key += String.fromCharCode(code);
    at[n++] = i;
  }
  return { key, at };
}

type AnchorKind = 'heading' | 'caption' | 'row' | 'label';

interface Anchor {
  /** Where the anchor's text starts and its label ends, in the line. */
  start: number;
  end: number;
  kind: AnchorKind;
  /** A heading's position in HEADING_WORDS (0 for 一). */
  section?: number;
}

/** The section headings: number, then words of its title, up to 情况/事项 (no digits between). */
const HEADING_WORDS: readonly (readonly [string, readonly string[]])[] = [
  ['一', ['总体情况', '概述', '基本情况']],
  ['二', ['主动公开']],
  ['三', ['申请']],
  ['四', ['复议', '诉讼']],
  ['五', ['问题', '改进']],
  ['六', ['其他需要报告', '其他事项', '需要报告']],
];

const HEADING_IN_LINE =
  /([一二三四五六])[、.．,，]\s*([^\d。；！？、，,.]{0,6}?[^\d。；！？]{0,26}?(?:情况|事项))/g;

/** The section headings in the line, each after the one before (a heading number met twice keeps the first). */
function headingAnchors(line: string): Anchor[] {
  const out: Anchor[] = [];
  let next = 0;
  HEADING_IN_LINE.lastIndex = 0;
  for (let m = HEADING_IN_LINE.exec(line); m !== null; m = HEADING_IN_LINE.exec(line)) {
    const number = HEADING_WORDS.findIndex(([n]) => n === m![1]);
    if (number < next) {
      HEADING_IN_LINE.lastIndex = m.index + 1;
      continue;
    }
    const words = HEADING_WORDS[number]![1];
    const title = m[2]!.replace(/\s+/g, '');
    if (!words.some((word) => title.includes(word)) || title.length > 30) {
      HEADING_IN_LINE.lastIndex = m.index + 1;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'heading', section: number });
    next = number + 1;
  }
  return out;
}

/** Keys (as in `streamKey`) of the labels that start a segment inside a table, in printed order. */
interface TableAnchor {
  key: string;
  kind: AnchorKind;
  /** Numbering printed before the label (`1.`, `（三）`), looked for in the line before the key. */
  numbering?: string;
}

const bareKey = (label: string) => streamKey(label).key;

const PROACTIVE_ANCHORS: TableAnchor[] = [
  ...PROACTIVE_TABLES.flatMap((table) => [
    { key: bareKey(table.caption), kind: 'caption' as const },
    ...table.rows.map((row) => ({ key: bareKey(row.label), kind: 'row' as const })),
  ]),
];
/** The 2019 试行 rows and caption that the 2021 template lacks. */
const PROACTIVE_2019_ANCHORS: TableAnchor[] = [
  { key: '其他对外管理服务事项', kind: 'row' },
  { key: '第二十条第九项', kind: 'caption' },
  { key: '政府集中采购', kind: 'row' },
];

/** Section 二 of the 2019 试行 format, in printed order. */
const PROACTIVE_2019_ORDER: TableAnchor[] = [
  ...['第二十条第一项', '规章', '规范性文件', '第二十条第五项', '行政许可', '其他对外管理服务事项'],
  ...[
    '第二十条第六项',
    '行政处罚',
    '行政强制',
    '第二十条第八项',
    '行政事业性收费',
    '第二十条第九项',
    '政府集中采购',
  ],
].map((key) => ({ key, kind: key.startsWith('第二十条') ? ('caption' as const) : ('row' as const) }));

const LEADING_NUMBER = /^(?:\d+|[一二三四五六七八九十]+)/;

/** The rows of table 三 and its group labels, in printed order. */
const APPLICATION_ANCHORS: TableAnchor[] = (() => {
  const out: TableAnchor[] = [];
  const groups = new Map<string, string>(
    OUTCOME_GROUPS.map((group) => [group.label, bareKey(group.label)] as const),
  );
  let outcomesLabel = false;
  APPLICATION_ROWS.forEach((row, index) => {
    if (row.role === 'outcome' && !outcomesLabel) {
      out.push({ key: '本年度办理结果', kind: 'label' });
      outcomesLabel = true;
    }
    for (const [label, key] of groups) {
      if (row.label.startsWith('1.') && row.path.includes(groupPath(label))) {
        out.push({ key: key.replace(LEADING_NUMBER, ''), kind: 'label' });
        groups.delete(label);
      }
    }
    const matcher = ROW_MATCHERS[index]!;
    const numbering = LEADING_NUMBER.exec(streamKey(row.label).key)?.[0];
    const key = matcher.key.replace(LEADING_NUMBER, '');
    out.push({ key: key.length >= 2 ? key : matcher.key, kind: 'row', numbering });
  });
  return out;
})();

function groupPath(label: string): string {
  if (label.includes('不予公开')) return 'withheld';
  if (label.includes('无法提供')) return 'unableToProvide';
  if (label.includes('不予处理')) return 'notProcessed';
  return 'otherProcessing';
}

/** The single-row （六）其他处理 of the 2019 format (and old 2021 tables). */
const SINGLE_OTHER: TableAnchor = { key: '其他处理', kind: 'row' };

const APPEALS_KEY = APPEAL_GROUPS[0]!.label;

/** Finds `anchors` in order in the key between `from` and `to` (key positions); a missing one is skipped. */
function findInOrder(
  key: StreamKey,
  anchors: readonly TableAnchor[],
  from: number,
  to: number,
  out: Anchor[],
  line: string,
): number {
  let cursor = from;
  for (const anchor of anchors) {
    const at = key.key.indexOf(anchor.key, cursor);
    if (at === -1 || at >= to) continue;
    let start = key.at[at]!;
    if (anchor.numbering !== undefined) {
      // The numbering before the label, in the key (the last digits of a run before `2.其他…` are the next row's).
      const numbering = anchor.numbering;
      if (at >= numbering.length && key.key.startsWith(numbering, at - numbering.length)) {
        const numStart = key.at[at - numbering.length]!;
        // Only when the numbering is printed as such (`2.`, `（三）`, `二、`), not a digit of the values.
        const between = line.slice(numStart + 1, start);
        if (/^[\s.．、)）]*$/.test(between) && between.trim() !== '') start = numStart;
        else if (/^[一二三四五六七]$/.test(numbering)) start = numStart;
        if (start === numStart && numStart > 0 && /[（(]/.test(line.charAt(numStart - 1))) start--;
      }
    } else if (anchor.kind !== 'caption') {
      // `（二）部分公开`: the bracketed group numbering goes with the label.
      const before = line.slice(Math.max(0, start - 4), start);
      const m = /[（(][一二三四五六七八九]+[)）]\s*$/.exec(before);
      if (m) start -= m[0].length;
    }
    const endKey = at + anchor.key.length - 1;
    out.push({ start, end: key.at[endKey]! + 1, kind: anchor.kind });
    cursor = at + anchor.key.length;
  }
  return cursor;
}

/** The end of a row's label: closing quotes and a bracketed remark without digits (`（区分处理的…）`) go with it. */
function labelEnd(line: string, from: number, to: number): number {
  let i = from;
  while (i < to && /[”"’』」)）\s]/.test(line.charAt(i))) i++;
  if (line.charAt(i) === '（' || line.charAt(i) === '(') {
    const close = /^[（(][^\d（()）]{0,40}[)）]/.exec(line.slice(i, Math.min(to, i + 44)));
    if (close) i += close[0].length;
  }
  return i;
}

/** The position after a row's values: digits, signs, decimal points, blank markers and spaces. */
function valuesEnd(line: string, from: number, to: number): number {
  let i = from;
  let lastValue = from;
  while (i < to) {
    const c = line.charCodeAt(i);
    const digit = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
    if (digit || c === 0x2e || c === 0x2d || c === 0x2f || c === 0x2014 || c === 0xff0f) {
      i++;
      if (digit) lastValue = i;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000) {
      i++;
      continue;
    }
    break;
  }
  // A trailing `.` or `-` with no digit after is not part of the values.
  return lastValue > from ? lastValue : from;
}

/**
 * Cuts one long line into label-anchored segments, as grid rows. Returns null when the line holds no table
 * label (prose, a menu): it is then kept as it is.
 */
export function streamSegments(line: string, lineNo: number, column = 1): GridRow[] | null {
  const key = streamKey(line);
  const anchors: Anchor[] = headingAnchors(line);
  const headingAt = (n: number) => anchors.find((a) => a.section === n);
  const toKey = (lineIndex: number | undefined, fallback: number) => {
    if (lineIndex === undefined) return fallback;
    let lo = 0;
    let hi = key.key.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key.at[mid]! < lineIndex) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const h2 = headingAt(1);
  const h3 = headingAt(2);
  const h4 = headingAt(3);
  const h5 = headingAt(4) ?? headingAt(5);
  const tables: Anchor[] = [];
  // Section 二: from its heading (or the first caption) to the heading of 三.
  const firstCaption = key.key.indexOf(PROACTIVE_ANCHORS[0]!.key);
  const twoFrom = h2 !== undefined ? toKey(h2.end, 0) : firstCaption;
  const threeFrom =
    h3 !== undefined ? toKey(h3.end, 0) : key.key.indexOf(APPLICATION_ANCHORS[0]!.key, Math.max(0, twoFrom));
  const fourFrom = h4 !== undefined ? toKey(h4.end, key.key.length) : -1;
  const fiveFrom = h5 !== undefined ? toKey(h5.start, key.key.length) : key.key.length;
  if (twoFrom !== -1) {
    const twoTo = threeFrom !== -1 ? threeFrom : fourFrom !== -1 ? fourFrom : fiveFrom;
    const anchors2019 = PROACTIVE_2019_ANCHORS.some((a) => {
      const at = key.key.indexOf(a.key, twoFrom);
      return at !== -1 && at < twoTo && a.key !== '规范性文件';
    });
    findInOrder(key, anchors2019 ? PROACTIVE_2019_ORDER : PROACTIVE_ANCHORS, twoFrom, twoTo, tables, line);
  }
  if (threeFrom !== -1) {
    const threeTo = fourFrom !== -1 ? fourFrom : fiveFrom;
    const single = key.key.indexOf(SINGLE_OTHER.key, threeFrom);
    const split = key.key.indexOf(
      APPLICATION_ANCHORS.find((a) => a.key.startsWith('申请人无正当理由'))!.key,
      threeFrom,
    );
    const list =
      single !== -1 && single < threeTo && (split === -1 || split > threeTo)
        ? APPLICATION_ANCHORS.filter((a) => !a.key.startsWith('申请人') && a.key !== '3其他').map((a) =>
            a.key === '其他处理' ? SINGLE_OTHER : a,
          )
        : APPLICATION_ANCHORS;
    findInOrder(key, list, threeFrom, threeTo, tables, line);
  }
  if (h4 === undefined && threeFrom !== -1) {
    const at = key.key.indexOf(APPEALS_KEY, threeFrom);
    if (at !== -1) tables.push({ start: key.at[at]!, end: key.at[at]! + 1, kind: 'label' });
  }
  anchors.push(...tables);
  // A line of a laid-out table (one row label, a header) is kept whole: only a stream of several is cut.
  if (anchors.length < 3) return null;
  anchors.sort((a, b) => a.start - b.start);

  // Cut: each anchor starts a segment; a row's segment ends after its values, the rest is a segment of its own.
  const rows: GridRow[] = [];
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && isSpaceCode(line.charCodeAt(a))) a++;
    while (b > a && isSpaceCode(line.charCodeAt(b - 1))) b--;
    if (a < b) rows.push([{ text: line.slice(a, b), at: { line: lineNo, column: column + a } }]);
  };
  let last = 0;
  anchors.forEach((anchor, i) => {
    if (anchor.start < last) return;
    push(last, anchor.start);
    const next = i + 1 < anchors.length ? Math.max(anchors[i + 1]!.start, anchor.end) : line.length;
    if (anchor.kind === 'row') {
      const end = valuesEnd(line, labelEnd(line, anchor.end, next), next);
      push(anchor.start, end);
      last = end;
    } else if (anchor.kind === 'heading') {
      push(anchor.start, anchor.end);
      last = anchor.end;
    } else {
      last = anchor.start;
      push(anchor.start, anchor.end);
      last = anchor.end;
    }
  });
  push(last, line.length);
  return rows;
}

function isSpaceCode(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0 || code === 0x3000;
}
