/**
 * Answer-template kinds, the placeholders each may use, the built-in defaults and their validation. An agency
 * edits any kind; what it does not edit falls back to its parent's edit, then to these defaults.
 */
import { OUTCOMES, isOutcomeCode, type OutcomeCode } from '../applications/outcomes.js';
import { LITIGATION_LAW, RECONSIDERATION_LAW } from './legal-texts.js';
import { outcomeDocuments } from './outcome-documents.js';
import { parseTemplate, type TemplateFinding } from './template-language.js';

/** Parts shared by every document of an agency: 版头, 文号, remedies paragraph, signature block. */
export const commonTemplateKinds = ['letterhead', 'documentNumber', 'remedies', 'signature'] as const;
export type CommonTemplateKind = (typeof commonTemplateKinds)[number];

/** A template kind: one of the 21 outcome codes (the letter body) or a shared part. */
export type AnswerTemplateKind = OutcomeCode | CommonTemplateKind;

export const answerTemplateKinds: readonly AnswerTemplateKind[] = [
  ...commonTemplateKinds,
  ...OUTCOMES.map((o) => o.code),
];

export function isAnswerTemplateKind(value: string): value is AnswerTemplateKind {
  return isOutcomeCode(value) || (commonTemplateKinds as readonly string[]).includes(value);
}

/** A template as stored: outcome kinds have a title; shared parts do not. */
export interface AnswerTemplate {
  kind: AnswerTemplateKind;
  title: string | null;
  body: string;
}

/** Every placeholder, with what it is (shown to staff editing a template). */
export const placeholderDescriptions = {
  'agency.name': { zh: '机关名称', en: 'agency name' },
  'agency.code': { zh: '机关代码', en: 'agency code' },
  'agency.officeName': { zh: '政府信息公开工作机构名称', en: 'disclosure office name' },
  'agency.address': { zh: '办公地址', en: 'office address' },
  'agency.phone': { zh: '联系电话', en: 'office phone' },
  'applicant.name': { zh: '申请人姓名或名称', en: 'applicant name' },
  'application.trackingNumber': { zh: '申请编号', en: 'tracking number' },
  'application.request': { zh: '所申请的政府信息（名称、文号或描述）', en: 'information requested' },
  'application.receivedDate': { zh: '收到申请之日（2026年11月30日）', en: 'receipt date, Arabic digits' },
  'application.receivedDateHanzi': {
    zh: '收到申请之日（二〇二六年十一月三十日）',
    en: 'receipt date, Chinese numerals',
  },
  'answer.number': { zh: '文号', en: 'document number' },
  'answer.date': { zh: '答复日期（2026年11月30日）', en: 'answer date, Arabic digits' },
  'answer.dateHanzi': { zh: '答复日期（二〇二六年十一月三十日）', en: 'answer date, Chinese numerals' },
  'answer.details': { zh: '经办人填写的具体说明或理由', en: 'specifics and reasons written by staff' },
  'answer.referralAgency': { zh: '负责公开的行政机关名称及联系方式', en: 'agency responsible, with contact' },
  'answer.legalGround': { zh: '经办人填写的依据（其他处理）', en: 'legal ground stated by staff (other)' },
  'outcome.label': { zh: '办理结果（年度报告表三的行）', en: 'outcome (row of report table 三)' },
  'outcome.legalGround': { zh: '法律依据（条款）', en: 'legal ground (articles cited)' },
  'outcome.legalQuote': { zh: '法律依据原文', en: 'the provisions quoted' },
  'document.title': { zh: '文书标题', en: 'document title' },
  'document.kindName': { zh: '答复书或告知书', en: '答复书 or 告知书' },
  'document.verb': { zh: '答复或告知', en: '答复 or 告知' },
  'remedies.reconsiderationBody': { zh: '行政复议机关', en: 'reconsideration body' },
  year: { zh: '年份（文号）', en: 'year (document number)' },
  number: { zh: '序号（文号，按机关和年度连续编号）', en: 'sequence number per agency and year' },
} as const;
export type PlaceholderName = keyof typeof placeholderDescriptions;

const letterNames: PlaceholderName[] = [
  'agency.name',
  'agency.code',
  'agency.officeName',
  'agency.address',
  'agency.phone',
  'applicant.name',
  'application.trackingNumber',
  'application.request',
  'application.receivedDate',
  'application.receivedDateHanzi',
  'answer.number',
  'answer.date',
  'answer.dateHanzi',
  'answer.details',
  'answer.referralAgency',
  'answer.legalGround',
  'outcome.label',
  'outcome.legalGround',
  'outcome.legalQuote',
  'document.title',
  'document.kindName',
  'document.verb',
  'remedies.reconsiderationBody',
];

/** The placeholders a kind may use. */
export function placeholdersFor(kind: AnswerTemplateKind): readonly PlaceholderName[] {
  if (kind === 'documentNumber') return ['agency.name', 'agency.code', 'year', 'number'];
  if (kind === 'letterhead') return ['agency.name', 'agency.officeName'];
  if (kind === 'signature') return ['agency.name', 'agency.officeName', 'answer.date', 'answer.dateHanzi'];
  return letterNames;
}

const opening =
  '{{applicant.name}}：\n' +
  '本机关于{{application.receivedDate}}收到你（单位）提出的政府信息公开申请' +
  '{{#if application.trackingNumber}}（申请编号：{{application.trackingNumber}}）{{/if}}，' +
  '申请获取“{{application.request}}”。现{{document.verb}}如下：\n';
const closing =
  '\n{{outcome.legalQuote}}\n{{#if answer.details}}{{answer.details}}{{/if}}\n特此{{document.verb}}。';

/**
 * The built-in template of a kind. Dates default to Arabic digits (2026年11月30日), as GB/T 9704—2012 §7.3.5
 * prescribes for the 成文日期; `…Hanzi` placeholders give 二〇二六年十一月三十日 for agencies that keep it.
 */
export function defaultTemplate(kind: AnswerTemplateKind): AnswerTemplate {
  switch (kind) {
    case 'letterhead':
      return { kind, title: null, body: '{{agency.name}}' };
    case 'documentNumber':
      return { kind, title: null, body: '〔{{year}}〕第{{number}}号' };
    case 'remedies':
      return {
        kind,
        title: null,
        body:
          '你（单位）如对本{{document.kindName}}不服，可以自收到本{{document.kindName}}之日起60日内，' +
          `依照${RECONSIDERATION_LAW}向{{remedies.reconsiderationBody}}申请行政复议；` +
          '也可以自收到本{{document.kindName}}之日起6个月内，' +
          `依照${LITIGATION_LAW}向有管辖权的人民法院提起行政诉讼。`,
      };
    case 'signature':
      return { kind, title: null, body: '{{agency.name}}\n{{answer.date}}' };
    default: {
      const doc = outcomeDocuments[kind];
      return { kind, title: doc.title, body: opening + doc.finding + closing };
    }
  }
}

export const templateLimits = { titleMaxLength: 100, bodyMaxLength: 20_000 } as const;

/** A finding in one field of a template. */
export interface AnswerTemplateFinding extends TemplateFinding {
  field: 'title' | 'body';
}

/**
 * Checks a template for its kind: only known placeholders, balanced sections, a title exactly where the kind has
 * one, and a 文号 that carries `{{number}}` on one line. Returns the findings (empty: valid).
 */
export function validateAnswerTemplate(
  kind: AnswerTemplateKind,
  template: { title: string | null; body: string },
): AnswerTemplateFinding[] {
  const known = new Set<string>(placeholdersFor(kind));
  const findings: AnswerTemplateFinding[] = [];
  const at = (field: 'title' | 'body', list: TemplateFinding[]) =>
    findings.push(...list.map((f) => ({ ...f, field })));
  const body = parseTemplate(template.body, known, templateLimits.bodyMaxLength);
  at('body', body.findings);
  const simple = (rule: TemplateFinding['rule'], field: 'title' | 'body', zh: string, en: string) =>
    findings.push({ rule, field, line: 1, column: 1, tag: '', messageZh: zh, messageEn: en });
  if (template.body.trim() === '') simple('missingPlaceholder', 'body', '正文不能为空', 'the body is empty');
  const isOutcome = isOutcomeCode(kind);
  if (isOutcome) {
    if (template.title === null || template.title.trim() === '') {
      simple('missingPlaceholder', 'title', '标题不能为空', 'the title is empty');
    } else if (template.title.includes('\n')) {
      simple('badTag', 'title', '标题只能有一行', 'the title must be one line');
    } else {
      at('title', parseTemplate(template.title, known, templateLimits.titleMaxLength).findings);
    }
  } else if (template.title !== null && template.title !== '') {
    simple('badTag', 'title', `${kind} 没有标题`, `${kind} has no title`);
  }
  if (kind === 'documentNumber') {
    if (!body.template.names.includes('number')) {
      simple(
        'missingPlaceholder',
        'body',
        '文号必须包含 {{number}}',
        'the document number must contain {{number}}',
      );
    }
    if (template.body.includes('\n'))
      simple('badTag', 'body', '文号只能有一行', 'the document number must be one line');
  }
  // 行政复议法 (2023) 第二十条第三款: when the decision does not tell the applicant of the right to reconsideration,
  // the body and the time limit, the 60 days do not start to run (up to one year). The paragraph must keep both.
  if (kind === 'remedies') {
    for (const remedy of ['行政复议', '行政诉讼']) {
      if (!template.body.includes(remedy)) {
        simple(
          'missingRemedy',
          'body',
          `救济途径段落必须告知${remedy}的权利、机关和期限`,
          `the remedies paragraph must state the right to ${remedy === '行政复议' ? 'reconsideration' : 'litigation'}, where and within what time`,
        );
      }
    }
  }
  return findings;
}
