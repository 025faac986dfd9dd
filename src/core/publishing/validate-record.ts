/**
 * Checks a document's metadata as a whole: each rule gives a Chinese and an English sentence naming the field, so
 * the console can mark it. Errors refuse the change; warnings are shown and stored with it (a duplicate 文号 in one
 * agency and year is a warning: agencies do re-use numbers by mistake, and the record must still be kept).
 */
import { compareDates, isIsoDate, yearOf, type IsoDate } from '../calendar/date.js';
import { DomainError } from '../errors.js';
import { normaliseDocumentNumber, parseDocumentNumber } from './document-number.js';
import { reportCountedItems } from './genres.js';
import type { DocumentMetadata } from './record.js';
import { subjectCategory, subjectCategories } from './subjects.js';

export interface Issue {
  field: string;
  zh: string;
  en: string;
}

export interface MetadataCheck {
  errors: Issue[];
  warnings: Issue[];
}

export const TITLE_MAX = 300;
export const SUMMARY_MAX = 500;

/** What the metadata is checked against besides itself. */
export interface CheckContext {
  /** 发布日期, when known (at publication or in an import). */
  publishedOn?: IsoDate | null;
  /** Ids of the agency's 目录 leaves a document may be filed under; undefined when the agency keeps no 目录. */
  catalogueLeafIds?: ReadonlySet<string>;
}

/** All errors and warnings of a version's metadata. */
export function checkMetadata(m: DocumentMetadata, context: CheckContext = {}): MetadataCheck {
  const errors: Issue[] = [];
  const warnings: Issue[] = [];
  const error = (field: string, zh: string, en: string) => errors.push({ field, zh, en });
  const warn = (field: string, zh: string, en: string) => warnings.push({ field, zh, en });

  if (m.title.trim() === '') error('title', '标题不能为空', 'the title is required');
  if (m.title.length > TITLE_MAX)
    error('title', `标题不超过 ${TITLE_MAX} 个字`, `the title is at most ${TITLE_MAX} characters`);
  if (m.issuer.trim() === '') error('issuer', '发布机构不能为空', 'the issuing agency is required');
  if (m.summary !== null && m.summary.length > SUMMARY_MAX) {
    error(
      'summary',
      `内容概述不超过 ${SUMMARY_MAX} 个字`,
      `the summary is at most ${SUMMARY_MAX} characters`,
    );
  }

  const dates: [string, string, IsoDate | null][] = [
    ['writtenOn', '成文日期', m.writtenOn],
    ['formedOn', '形成日期', m.formedOn],
    ['validity.effectiveOn', '施行日期', m.validity.effectiveOn],
    ['validity.expiresOn', '失效日期', m.validity.expiresOn],
    ['validity.repealedOn', '废止日期', m.validity.repealedOn],
    ['publishedOn', '发布日期', context.publishedOn ?? null],
  ];
  const realDate = new Map<string, boolean>();
  for (const [field, zh, value] of dates) {
    const ok = value === null || isIsoDate(value);
    realDate.set(field, ok && value !== null);
    if (!ok) error(field, `${zh}不是真实存在的日期：${value}`, `${field} is not a real date: ${value}`);
  }
  const both = (a: string, b: string) => realDate.get(a) === true && realDate.get(b) === true;

  if (both('writtenOn', 'publishedOn') && compareDates(m.writtenOn!, context.publishedOn!) > 0) {
    error(
      'writtenOn',
      `成文日期 ${m.writtenOn} 晚于发布日期 ${context.publishedOn}`,
      `the date written ${m.writtenOn} is after the publication date ${context.publishedOn}`,
    );
  }
  if (both('writtenOn', 'formedOn') && compareDates(m.formedOn, m.writtenOn!) < 0) {
    error(
      'formedOn',
      `形成日期 ${m.formedOn} 早于成文日期 ${m.writtenOn}`,
      `the date formed ${m.formedOn} is before the date written ${m.writtenOn}`,
    );
  }

  if (m.documentNumber !== null) {
    try {
      const parsed = parseDocumentNumber(m.documentNumber);
      if (
        parsed.kind === 'standard' &&
        realDate.get('writtenOn') === true &&
        parsed.year !== yearOf(m.writtenOn!)
      ) {
        warn(
          'documentNumber',
          `发文字号的年份 ${parsed.year} 与成文日期 ${m.writtenOn} 不一致`,
          `the year of the document number (${parsed.year}) differs from the date written (${m.writtenOn})`,
        );
      }
    } catch (e) {
      if (e instanceof DomainError) error('documentNumber', e.messageZh, e.messageEn);
      else throw e;
    }
  }

  const subject = subjectCategory(m.subjectId);
  if (!subject) {
    error('subjectId', `未知的主题分类：${m.subjectId}`, `unknown subject category: ${m.subjectId}`);
  } else if (subject.parentId === null && subjectCategories.some((c) => c.parentId === subject.id)) {
    error(
      'subjectId',
      `主题分类请选到二级类目：${subject.label}`,
      `choose a subcategory of ${subject.label}`,
    );
  }
  if (m.genre === 'other' && (m.category ?? '').trim() === '') {
    error(
      'category',
      '非法定文种须填写信息类别（如 工作方案、公示）',
      'name the category of a non-statutory kind',
    );
  }
  if (m.catalogueNodeId !== null) {
    if (context.catalogueLeafIds === undefined || !context.catalogueLeafIds.has(m.catalogueNodeId)) {
      error(
        'catalogueNodeId',
        `本机关公开目录中没有这个末级事项：${m.catalogueNodeId}`,
        `no leaf item ${m.catalogueNodeId} in the agency's catalogue`,
      );
    }
  }

  const d = m.disclosure;
  if (d.attribute !== 'proactive' && (d.reason ?? '').trim() === '') {
    error(
      'disclosure.reason',
      '依申请公开或不予公开的，须说明理由（国办发〔2016〕80号）',
      'a document not proactively disclosed needs its reason (国办发〔2016〕80号)',
    );
  }

  const v = m.validity;
  const norm = reportCountedItems.includes(m.art20Item);
  if (norm && v.status === 'notApplicable') {
    error(
      'validity.status',
      '规章和行政规范性文件须标明有效性',
      'a rule or normative document needs its validity',
    );
  }
  if (norm && m.documentNumber === null) {
    error(
      'documentNumber',
      '规章和行政规范性文件须有发文字号',
      'a rule or normative document needs its document number',
    );
  }
  if (norm && v.status !== 'notApplicable' && v.effectiveOn === null) {
    error(
      'validity.effectiveOn',
      '规章和行政规范性文件须写明施行日期',
      'a rule or normative document needs its effective date',
    );
  }
  if (v.status === 'repealed' && v.repealedOn === null) {
    error(
      'validity.repealedOn',
      '已废止的文件须写明废止日期',
      'a repealed document needs the date of repeal',
    );
  }
  if (v.status === 'expired' && v.expiresOn === null) {
    error('validity.expiresOn', '已失效的文件须写明失效日期', 'an expired document needs its expiry date');
  }
  if ((v.status === 'repealed' || v.status === 'amended') && !v.changedBy) {
    error(
      'validity.changedBy',
      '已废止或已修改的文件须注明废止或修改它的文件',
      'name the document that repealed or amended it',
    );
  }
  if (v.changedBy?.documentNumber) {
    try {
      parseDocumentNumber(v.changedBy.documentNumber);
    } catch (e) {
      if (e instanceof DomainError) error('validity.changedBy.documentNumber', e.messageZh, e.messageEn);
      else throw e;
    }
  }
  if (
    both('validity.effectiveOn', 'validity.repealedOn') &&
    compareDates(v.repealedOn!, v.effectiveOn!) < 0
  ) {
    error('validity.repealedOn', '废止日期早于施行日期', 'the date of repeal is before the effective date');
  }
  if (both('validity.effectiveOn', 'validity.expiresOn') && compareDates(v.expiresOn!, v.effectiveOn!) < 0) {
    error('validity.expiresOn', '失效日期早于施行日期', 'the expiry date is before the effective date');
  }
  if (m.keywords.some((k) => k.trim() === '' || k.length > 40) || m.keywords.length > 20) {
    error('keywords', '主题词最多 20 个，每个 1 至 40 字', 'at most 20 keywords of 1 to 40 characters');
  }
  return { errors, warnings };
}

/** Throws DOCUMENT_INVALID listing every error; returns the warnings. */
export function assertMetadata(m: DocumentMetadata, context: CheckContext = {}): Issue[] {
  const { errors, warnings } = checkMetadata(m, context);
  if (errors.length > 0) {
    throw new DomainError(
      'DOCUMENT_INVALID',
      `文件信息有误：${errors.map((e) => e.zh).join('；')}`,
      `the document's details are invalid: ${errors.map((e) => e.en).join('; ')}`,
      { issues: errors, warnings },
    );
  }
  return warnings;
}

/** The key duplicates of a 文号 are found by: canonical text (normalised brackets, digits, spaces). */
export function documentNumberKey(documentNumber: string | null): string | null {
  return documentNumber === null ? null : normaliseDocumentNumber(documentNumber);
}
