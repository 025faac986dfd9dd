/**
 * What the report says about itself: the publishing agency (发布机关) and the reported year from the title and
 * body, the section headings, and the labels of the 2019 试行 format (DOMAIN.md §2.7).
 */
import { FORMAT_2019_MARKERS, SECTIONS } from '../../core/report/template.js';
import { isPageNumber, joinedLabelKey, labelKey, toHalfWidth } from './normalize.js';
import type { Line } from './tokens.js';

/** Words that identify each section heading, after its number (some reports reword the titles). */
const SECTION_WORDS: Record<string, readonly string[]> = {
  一: ['总体情况', '概述', '基本情况'],
  二: ['主动公开'],
  三: ['申请'],
  四: ['复议', '诉讼'],
  五: ['问题', '改进'],
  六: ['其他需要报告', '其他事项', '需要报告'],
};

/** A section heading found: its number, title as printed, and the line it starts. */
export interface Heading {
  number: string;
  title: string;
  line: number;
  /** Narrative printed on the heading's own line after its title (`一、总体情况2023年，…`). */
  rest?: string;
}

/** A heading's title at the start of a longer line: up to 情况 or 事项, with no digit or full stop before. */
const TITLE_AT_START = /^[#*|\s\u3000]*[一二三四五六]\s*[、.,，．]?\s*[^\d。；]{1,30}?(?:情况|事项)/;

/** Finds the six section headings in order (each searched after the one before). */
export function findHeadings(lines: readonly Line[]): Heading[] {
  const found: Heading[] = [];
  let from = 0;
  for (const section of SECTIONS) {
    const words = SECTION_WORDS[section.number] ?? [];
    for (let i = from; i < lines.length; i++) {
      const raw = lines[i]!.raw;
      // `二、…` is a heading; `（二）…` is a paragraph of section 一. Only such lines are normalised.
      const lead = HEADING_LEAD.exec(raw);
      if (lead === null || lead[1] !== section.number) continue;
      const key = raw.length > 80 ? '' : labelKey(raw);
      if (key.length > 40 || key === '') {
        // A heading with the section's first sentence on its line (PDF text, pages run together).
        const start = TITLE_AT_START.exec(raw);
        if (start === null || !words.some((word) => start[0].includes(word))) continue;
        const rest = raw.slice(start[0].length).trim();
        found.push({
          number: section.number,
          title: start[0].replace(/[#*|\t]+/g, ' ').trim(),
          line: i,
          rest,
        });
        from = i + 1;
        break;
      }
      if (!words.some((word) => key.includes(word))) continue;
      found.push({ number: section.number, title: raw.replace(/[#*|\t]+/g, ' ').trim(), line: i });
      from = i + 1;
      break;
    }
  }
  return found;
}

const HEADING_LEAD = /^[#*|\s\u3000]*([一二三四五六])\s*(?:[、.,，．]|\s|$)/;

const MARKER_KEYS = FORMAT_2019_MARKERS.map((marker) => labelKey(marker));

/** The 2019 试行 labels found in the texts (read as one), as the template prints them. */
export function formatMarkers(texts: readonly string[]): string[] {
  const key = joinedLabelKey(texts);
  return FORMAT_2019_MARKERS.filter((_, n) => key.includes(MARKER_KEYS[n]!));
}

const TITLE = /^(.{2,60}?)((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告/;

/** The reported year and the agency as printed in the title (joined over its first lines). */
export function findTitle(rawLines: readonly string[]): { agency: string | null; year: number | null } {
  const head: string[] = [];
  for (const raw of rawLines) {
    // Full-width digits made ASCII, brackets and the rest kept as printed.
    const line = raw
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/\s+/g, '')
      // A crawler's or a site's field name before the title (`标题: …`).
      .replace(/^(?:文章标题|标题|题目|名称|title)[:：]/i, '');
    if (line === '' || isPageNumber(line)) continue;
    head.push(line);
    if (head.length >= 4) break;
  }
  for (let start = 0; start < head.length; start++) {
    const joined = head.slice(start).join('');
    const match = TITLE.exec(joined);
    if (match) {
      // What stands before the agency on the same line (a data file's `{"title":"`, a breadcrumb's `>`) is not it.
      const agency = match[1]!
        .replace(/^.*["'{}=:：>|»\][]/, '')
        .replace(/^[#*|]+/, '')
        .replace(/[：:（(*|]+$/, '');
      return { agency: agency === '' ? null : agency, year: Number(match[2]) };
    }
  }
  // A page whose title stands after the site's chrome (breadcrumbs, 打印本页, dates) on a long line: the title
  // anywhere in the first characters, its agency the words right before the year.
  const text = rawLines
    .join(' ')
    .slice(0, 3000)
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const anywhere = TITLE_ANYWHERE.exec(text);
  if (anywhere) return { agency: anywhere[1]!, year: Number(anywhere[2]) };
  return { agency: null, year: null };
}

const TITLE_ANYWHERE =
  /([\u4e00-\u9fff（）()·]{2,40}?)\s?((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?(?:工作)?报告/;

/** The year of the statistics period (统计期限 … 2023年1月1日), when the title gave none. */
export function findPeriodYear(text: string): number | null {
  const half = toHalfWidth(text).replace(/\s+/g, '');
  const match = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|-|—)/.exec(half);
  return match ? Number(match[1]) : null;
}

/**
 * The agency completed from the body when it says another office compiled the report (本报告由…编制): the place
 * prefix that office's name puts before the title's name (洪泽区人民政府 → 淮安市洪泽区人民政府), and the office in
 * brackets, named at its own level (淮安市洪泽区人民政府办公室 → 洪泽区人民政府办公室), as the fixtures' expected
 * agency has it. Without such a sentence the title's name is kept as printed.
 */
export function completeAgency(agency: string, body: string): string {
  // No 由 (which no compatibility character normalises to): no compiler sentence, without normalising the body.
  const start = body.slice(0, 1500);
  if (!start.includes('由')) return agency;
  const half = toHalfWidth(body.slice(0, 1500)).replace(/\s+/g, '');
  const compiler = /本报告由([\u4e00-\u9fff]{2,30}?)(?:根据|依据|按照|负责|编制)/.exec(half.slice(0, 600));
  if (!compiler || compiler[1] === agency) return agency;
  const office = compiler[1]!;
  const at = office.indexOf(agency);
  const full =
    at > 0 && /^[\u4e00-\u9fff]{1,8}[省市]$/.test(office.slice(0, at))
      ? office.slice(0, at) + agency
      : agency;
  if (office === full) return full;
  const own = office.replace(/^[\u4e00-\u9fff]{2,4}市(?=[\u4e00-\u9fff]{1,6}[区县旗])/, '');
  return `${full}（${own}编制）`;
}
