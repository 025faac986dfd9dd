import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../applications/outcomes.js';
import {
  answerDocumentText,
  composeAnswerDocument,
  defaultReconsiderationBody,
  formatDocumentNumber,
  reconsiderationBodyOf,
  type AnswerFacts,
} from './compose.js';
import { legalGroundOf, outcomeDocuments } from './outcome-documents.js';
import {
  answerTemplateKinds,
  defaultTemplate,
  isAnswerTemplateKind,
  validateAnswerTemplate,
  type AnswerTemplate,
  type AnswerTemplateKind,
} from './templates.js';

const sampleFacts: AnswerFacts = {
  agency: {
    name: '示范区教育局',
    code: 'demo-education',
    officeName: '办公室',
    address: null,
    phone: '010-1',
  },
  reconsiderationBody: '示范区人民政府',
  applicantName: '张三',
  trackingNumber: 'GK-2026-000123',
  request: '2025年学校建设项目清单',
  receivedDate: '2026-11-02',
  outcome: 'disclosed',
  details: null,
  referralAgency: null,
  legalGround: null,
  answerDate: '2026-11-30',
  documentNumber: '〔2026〕第7号',
};
const defaults = (kind: AnswerTemplateKind) => defaultTemplate(kind);

describe('answer documents', () => {
  it('has a template kind per outcome plus the shared parts, and every default is valid', () => {
    expect(answerTemplateKinds).toHaveLength(25);
    for (const kind of answerTemplateKinds) {
      expect(validateAnswerTemplate(kind, defaultTemplate(kind)), kind).toEqual([]);
    }
    expect(isAnswerTemplateKind('withheld.stateSecret')).toBe(true);
    expect(isAnswerTemplateKind('withheld')).toBe(false);
    expect(isAnswerTemplateKind('__proto__')).toBe(false);
  });

  it.each(OUTCOMES.map((o) => [o.code]))('%s: title, legal ground quoted, remedies, signature', (code) => {
    const content = composeAnswerDocument(defaults, { ...sampleFacts, outcome: code });
    const text = answerDocumentText(content);
    const doc = outcomeDocuments[code];
    expect(content.title).toBe(doc.title);
    expect(content.kind).toBe(doc.kind);
    expect(text).toContain(legalGroundOf(doc));
    for (const provision of doc.provisions)
      expect(text).toContain(`${provision.article}规定：“${provision.text}”`);
    expect(text).toContain('《中华人民共和国政府信息公开条例》');
    expect(text).toContain('60日内');
    expect(text).toContain('6个月内');
    expect(text).toContain('《中华人民共和国行政复议法》向示范区人民政府申请行政复议');
    expect(text).toContain('《中华人民共和国行政诉讼法》');
    expect(text).toContain(`本${doc.kind === 'answer' ? '答复书' : '告知书'}`);
    expect(content.salutation).toBe('张三：');
    expect(content.paragraphs[0]).toBe(
      '本机关于2026年11月2日收到你（单位）提出的政府信息公开申请（申请编号：GK-2026-000123），' +
        `申请获取“2025年学校建设项目清单”。现${doc.kind === 'answer' ? '答复' : '告知'}如下：`,
    );
    expect(content.signature).toEqual(['示范区教育局', '2026年11月30日']);
    expect(content.letterhead).toEqual(['示范区教育局']);
    expect(content.documentNumber).toBe('〔2026〕第7号');
    expect(text).not.toContain('{{');
  });

  it('cites the articles the outcomes rest on', () => {
    const ground = (code: keyof typeof outcomeDocuments) => legalGroundOf(outcomeDocuments[code]);
    expect(ground('withheld.stateSecret')).toBe(
      '《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项',
    );
    expect(ground('disclosed')).toBe('《中华人民共和国政府信息公开条例》第三十六条第（二）项');
    expect(ground('partiallyDisclosed')).toContain('第三十七条');
    expect(ground('notProcessed.duplicate')).toContain('第三十六条第（六）项');
    expect(ground('notProcessed.excessive')).toContain('第三十五条');
    expect(ground('otherProcessing.feeUnpaid')).toContain('国办函〔2020〕109号');
  });

  it('uses an edited template, staff details and the Chinese-numeral dates when asked', () => {
    const edited: AnswerTemplate = {
      kind: 'withheld.thirdPartyRights',
      title: '不予公开决定书',
      body: '{{applicant.name}}：\n于{{application.receivedDateHanzi}}收到。{{outcome.legalGround}}。\n{{#if answer.details}}理由：{{answer.details}}{{/if}}',
    };
    const source = (kind: AnswerTemplateKind) => (kind === edited.kind ? edited : defaultTemplate(kind));
    const content = composeAnswerDocument(source, {
      ...sampleFacts,
      outcome: 'withheld.thirdPartyRights',
      details: '涉及个人隐私',
    });
    expect(content.title).toBe('不予公开决定书');
    expect(content.paragraphs).toEqual([
      '于二〇二六年十一月二日收到。《中华人民共和国政府信息公开条例》第十五条、第三十六条第（三）项。',
      '理由：涉及个人隐私',
    ]);
  });

  it('numbers documents with the agency pattern', () => {
    const source = (kind: AnswerTemplateKind): AnswerTemplate =>
      kind === 'documentNumber'
        ? { kind, title: null, body: '示教公开〔{{year}}〕第{{number}}号' }
        : defaultTemplate(kind);
    expect(formatDocumentNumber(source, sampleFacts.agency, 2026, 12)).toBe('示教公开〔2026〕第12号');
    expect(formatDocumentNumber(defaults, sampleFacts.agency, 2027, 1)).toBe('〔2027〕第1号');
  });

  it('validates templates per kind', () => {
    const rules = (kind: AnswerTemplateKind, title: string | null, body: string) =>
      validateAnswerTemplate(kind, { title, body }).map((f) => `${f.field}:${f.line}:${f.rule}`);
    expect(rules('documentNumber', null, '〔{{year}}〕')).toEqual(['body:1:missingPlaceholder']);
    expect(rules('documentNumber', null, '{{applicant.name}}{{number}}')).toEqual([
      'body:1:unknownPlaceholder',
    ]);
    expect(rules('signature', null, '{{agency.name}}\n{{application.request}}')).toEqual([
      'body:2:unknownPlaceholder',
    ]);
    expect(rules('disclosed', '', 'x')).toEqual(['title:1:missingPlaceholder']);
    expect(rules('disclosed', '标题{{x}}', 'x')).toEqual(['title:1:unknownPlaceholder']);
    expect(rules('remedies', '标题', '行政复议、行政诉讼')).toEqual(['title:1:badTag']);
    expect(rules('remedies', null, ' ')).toEqual([
      'body:1:missingPlaceholder',
      'body:1:missingRemedy',
      'body:1:missingRemedy',
    ]);
    expect(rules('remedies', null, '可申请行政复议。')).toEqual(['body:1:missingRemedy']);
  });

  it('finds the reconsideration body: the nearest 人民政府 above the agency', () => {
    const tree = [
      { id: 'd', parentId: null, kind: 'government' as const, name: '示范区人民政府' },
      { id: 'e', parentId: 'd', kind: 'department' as const, name: '示范区教育局' },
      { id: 's', parentId: 'e', kind: 'other' as const, name: '示范小学' },
      { id: 't', parentId: 'd', kind: 'township' as const, name: '示范镇人民政府' },
    ];
    expect(reconsiderationBodyOf(tree, 'e')).toBe('示范区人民政府');
    expect(reconsiderationBodyOf(tree, 's')).toBe('示范区人民政府');
    expect(reconsiderationBodyOf(tree, 't')).toBe('示范区人民政府');
    expect(reconsiderationBodyOf(tree, 'd')).toBe(defaultReconsiderationBody);
  });
});
