/**
 * A first draft of section 一 (总体情况) of the annual report, written from the records (issue 13 item 5): what
 * was published proactively, by category and by channel; the applications received and how they ended; the
 * reconsiderations and lawsuits. Staff edit it (`sections[].text` of the report contract) and add what the
 * records cannot know (management, platforms, supervision). Numbers in the text are the report's own.
 */
import type { AnnualReport } from '../../report/model.js';
import { APPEAL_GROUPS, TOTAL_COLUMN } from '../../report/template.js';

export interface PublishedCount {
  /** The category or channel as people name it (工作动态, 政务微信公众号…). */
  label: string;
  count: number;
}

export interface SectionOneFacts {
  year: number;
  /** Items published proactively in the year; null when the registry holds none (the paragraph says so). */
  published: {
    total: number;
    byCategory: readonly PublishedCount[];
    byChannel: readonly PublishedCount[];
  } | null;
  /** The compiled report (tables 二, 三, 四). */
  report: Pick<AnnualReport, 'proactive' | 'applications' | 'appeals'>;
}

const n = (value: number | null | undefined) => (value ?? 0).toLocaleString('zh-CN');

function list(items: readonly PublishedCount[], unit: string): string {
  return items
    .filter((item) => item.count > 0)
    .map((item) => `${item.label}${n(item.count)}${unit}`)
    .join('、');
}

function total(row: readonly (number | null)[] | null | undefined): number {
  return row?.[TOTAL_COLUMN] ?? 0;
}

/** The 总计 of every row of an outcome group (rows are arrays; other keys of a loose object are skipped). */
function sumRows(group: object | undefined): number {
  return Object.values(group ?? {}).reduce<number>(
    (sum, row) => sum + (Array.isArray(row) ? total(row as (number | null)[]) : 0),
    0,
  );
}

function proactiveParagraph(facts: SectionOneFacts): string {
  const { year, published, report } = facts;
  const stock = report.proactive;
  const documents =
    `制发规章${n(stock.regulations.issued)}件、行政规范性文件${n(stock.normativeDocuments.issued)}件，` +
    `废止规章${n(stock.regulations.repealed)}件、行政规范性文件${n(stock.normativeDocuments.repealed)}件，` +
    `年末现行有效规章${n(stock.regulations.inForce)}件、行政规范性文件${n(stock.normativeDocuments.inForce)}件。`;
  if (published === null || published.total === 0) {
    return `（一）主动公开。${year}年，公开目录中没有本年发布的信息记录；${documents}`;
  }
  const categories = list(published.byCategory, '条');
  const channels = list(published.byChannel, '条');
  return (
    `（一）主动公开。${year}年，通过政府信息公开专栏主动公开政府信息${n(published.total)}条` +
    (categories ? `，其中${categories}` : '') +
    '。' +
    (channels ? `同时通过${channels}发布。` : '') +
    documents
  );
}

function applicationsParagraph(facts: SectionOneFacts): string {
  const a = facts.report.applications;
  const received = total(a.newReceived);
  const carried = total(a.carriedOver);
  const processed = total(a.totalProcessed);
  const outcomes = [
    ['予以公开', total(a.disclosed)],
    ['部分公开', total(a.partiallyDisclosed)],
    ['不予公开', sumRows(a.withheld)],
    ['无法提供', sumRows(a.unableToProvide)],
    ['不予处理', sumRows(a.notProcessed)],
    ['其他处理', sumRows(a.otherProcessing)],
  ] as const;
  const outcomeText = outcomes
    .filter(([, count]) => count > 0)
    .map(([label, count]) => `${label}${n(count)}件`)
    .join('、');
  return (
    `（二）依申请公开。${facts.year}年新收政府信息公开申请${n(received)}件，上年结转${n(carried)}件；` +
    `办结${n(processed)}件${outcomeText ? `，其中${outcomeText}` : ''}；结转下年度继续办理${n(total(a.carriedForward))}件。`
  );
}

function appealsParagraph(facts: SectionOneFacts): string {
  const appeals = facts.report.appeals;
  const [reconsideration, ...litigation] = APPEAL_GROUPS.map((group) => appeals[group.key]);
  const lawsuits = litigation.reduce((sum, g) => sum + (g?.total ?? 0), 0);
  const corrected = [reconsideration, ...litigation].reduce((sum, g) => sum + (g?.corrected ?? 0), 0);
  if ((reconsideration?.total ?? 0) === 0 && lawsuits === 0) {
    return `（三）行政复议和行政诉讼。${facts.year}年未发生因政府信息公开引起的行政复议和行政诉讼。`;
  }
  return (
    `（三）行政复议和行政诉讼。${facts.year}年因政府信息公开被申请行政复议${n(reconsideration?.total)}件、` +
    `被提起行政诉讼${n(lawsuits)}件，其中结果被纠正${n(corrected)}件。`
  );
}

/** The draft text of section 一: three paragraphs, separated by new lines. */
export function draftSectionOne(facts: SectionOneFacts): string {
  return [proactiveParagraph(facts), applicationsParagraph(facts), appealsParagraph(facts)].join('\n');
}
