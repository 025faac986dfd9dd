/**
 * The words of a report around its tables: the title and the six sections' text. Text an agency wrote (the
 * report's `sections[].text`) is printed as written; where a section has none, the parts that follow from the
 * figures are written from them (一 the year's totals, 二–四 a sentence leading into the table) and 五、六 are left
 * for the agency to write (listed in `unwritten`, so an export can say so).
 */
import type { AnnualReport } from './model.js';
import { SECTIONS, TOTAL_COLUMN } from './template.js';

/** One of the six sections as printed. */
export interface NarrativeSection {
  number: string;
  /** `一、总体情况`. */
  heading: string;
  /** Paragraphs of text (without the tables). */
  paragraphs: string[];
  /** Whether the text was written from the figures rather than by the agency. */
  generated: boolean;
}

/** The two title lines: the agency, then `2026年政府信息公开工作年度报告`. */
export function reportTitleLines(report: AnnualReport): [string, string] {
  const year = report.year === null ? '' : `${report.year}年`;
  return [report.agency ?? '', `${year}政府信息公开工作年度报告`];
}

/** The title as one line: 机关名称 + 年度 + 政府信息公开工作年度报告. */
export function reportTitle(report: AnnualReport): string {
  return reportTitleLines(report).join('');
}

const n = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : String(v));

function generatedText(report: AnnualReport, index: number): string[] {
  const a = report.applications;
  const y = report.year === null ? '本' : `${report.year}`;
  const total = (row: readonly (number | null)[]) => n(row[TOTAL_COLUMN]);
  switch (index) {
    case 0:
      return [
        `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）编制，报告中所列数据统计期限自${y}年1月1日起至${y}年12月31日止。`,
        `${y}年，${report.agency ?? '本机关'}新收政府信息公开申请${total(a.newReceived)}件，上年结转${total(a.carriedOver)}件，办结${total(a.totalProcessed)}件，结转下年度继续办理${total(a.carriedForward)}件。`,
      ];
    case 1:
      return ['主动公开政府信息情况如下表。'];
    case 2:
      return ['收到和处理政府信息公开申请情况如下表。'];
    case 3: {
      const p = report.appeals;
      const litigation = (p.litigationDirect.total ?? 0) + (p.litigationAfterReconsideration.total ?? 0);
      return [
        `${y}年，因政府信息公开引起行政复议${n(p.reconsideration.total)}件、行政诉讼${litigation}件，具体情况如下表。`,
      ];
    }
    default:
      return [];
  }
}

/** The six sections in order, each with the agency's text or the text written from the figures. */
export function narrativeSections(report: AnnualReport): NarrativeSection[] {
  return SECTIONS.map((section, index) => {
    const written = report.sections?.find((s) => s.number === section.number)?.text?.trim();
    const paragraphs = written
      ? written
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== '')
      : generatedText(report, index);
    return {
      number: section.number,
      heading: `${section.number}、${section.title}`,
      paragraphs,
      generated: !written,
    };
  });
}

/** The sections with no text at all (neither written by the agency nor derivable from the figures). */
export function unwrittenSections(report: AnnualReport): string[] {
  return narrativeSections(report)
    .filter((s) => s.paragraphs.length === 0)
    .map((s) => s.heading);
}
