import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { formatDocumentNumber, parseDocumentNumber } from './document-number.js';
import { art20Items, genres } from './genres.js';
import { parseIndexTemplate, renderIndexNumber } from './index-number.js';
import { checkPublishingSettings, defaultPublishingSettings, publishingSettingsSchema } from './settings.js';
import { checkSubjectId, subjectCategories } from './subjects.js';
import { checkMetadata } from './validate-record.js';
import type { DocumentMetadata } from './record.js';

const meta = (overrides: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
  title: '关于印发示范区政务公开工作要点的通知',
  documentNumber: '示范府办发〔2024〕12号',
  issuer: '示范区人民政府办公室',
  coIssuers: [],
  writtenOn: '2024-03-05',
  formedOn: '2024-03-05',
  subjectId: '0201',
  genre: 'notice',
  category: null,
  art20Item: 'item15',
  catalogueNodeId: null,
  disclosure: { attribute: 'proactive', reason: null, method: '政府网站', scope: 'public' },
  validity: {
    status: 'notApplicable',
    effectiveOn: null,
    expiresOn: null,
    repealedOn: null,
    changedBy: null,
  },
  keywords: [],
  summary: null,
  needsInterpretation: false,
  ...overrides,
});

const fields = (m: DocumentMetadata, publishedOn?: string) =>
  checkMetadata(m, { publishedOn: publishedOn ?? null }).errors.map((e) => e.field);

describe('文种 and 第二十条 items', () => {
  it('has the 15 statutory kinds plus other, and item (一) split into its three kinds', () => {
    expect(genres.length).toBe(16);
    expect(art20Items.filter((i) => /^item\d+$/.test(i)).length).toBe(14);
    expect(art20Items).toContain('rule');
    expect(art20Items).toContain('normativeDocument');
  });
});

describe('发文字号', () => {
  it('parses and formats the GB/T 9704 form and orders', () => {
    expect(parseDocumentNumber('国办发〔2016〕80号')).toEqual({
      kind: 'standard',
      prefix: '国办发',
      year: 2016,
      seq: 80,
    });
    expect(parseDocumentNumber('国令第672号')).toEqual({ kind: 'order', prefix: '国令', seq: 672 });
    expect(formatDocumentNumber(parseDocumentNumber('示范府发 [2024] 12 号'))).toBe('示范府发〔2024〕12号');
    expect(formatDocumentNumber(parseDocumentNumber('示范府发（２０２４）１２号'))).toBe(
      '示范府发〔2024〕12号',
    );
  });
  it('refuses 第, zero padding and other shapes with the rule broken', () => {
    const zh = (text: string) => {
      try {
        parseDocumentNumber(text);
      } catch (e) {
        if (isDomainError(e, 'DOCUMENT_INVALID')) return e.messageZh;
      }
      return 'accepted';
    };
    expect(zh('国办发〔2016〕第80号')).toContain('不加“第”字');
    expect(zh('国办发〔2016〕080号')).toContain('不编虚位');
    expect(zh('国办发2016年80号')).toContain('格式应为');
    expect(zh('〔2016〕80号')).toContain('格式应为');
  });
});

describe('索引号 templates', () => {
  it('renders the common shapes', () => {
    expect(
      renderIndexNumber('{机构代码}/{年}-{五位序号}', { agencyCode: '000014349', year: 2020, seq: 72 }),
    ).toBe('000014349/2020-00072');
    expect(
      renderIndexNumber('{code}/{year}-{seq:6}', { agencyCode: '6107280000', year: 2024, seq: 1005 }),
    ).toBe('6107280000/2024-001005');
    expect(
      renderIndexNumber('{机构代码}-{年}-{序号}', { agencyCode: '01527918X', year: 2020, seq: 153077 }),
    ).toBe('01527918X-2020-153077');
  });
  it('refuses templates without a year or sequence, with unknown fields or unsafe text', () => {
    for (const bad of [
      '{机构代码}/{五位序号}',
      '{机构代码}/{年}',
      '{机构}/{年}-{序号}',
      '{年} {序号}',
      '{年}-{序号',
    ]) {
      expect(() => parseIndexTemplate(bad)).toThrow(/索引号模板/);
    }
  });
});

describe('主题分类', () => {
  it('keeps children whole and asks for a second level', () => {
    expect(subjectCategories.find((c) => c.id === '0601')?.label).toBe('农业、畜牧业、渔业');
    expect(subjectCategories.filter((c) => c.parentId === null).length).toBe(22);
    expect(checkSubjectId('22').label).toBe('其他');
    expect(() => checkSubjectId('06')).toThrow(/二级类目/);
    expect(() => checkSubjectId('0699')).toThrow(/未知的主题分类/);
  });
});

describe('metadata checks', () => {
  it('accepts a sound record', () => {
    expect(checkMetadata(meta(), { publishedOn: '2024-03-08' })).toEqual({ errors: [], warnings: [] });
  });
  it('refuses impossible dates and 成文日期 after 发布日期', () => {
    expect(fields(meta({ writtenOn: '2024-02-30' }))).toEqual(['writtenOn']);
    expect(fields(meta(), '2024-03-01')).toEqual(['writtenOn']);
    expect(fields(meta({ formedOn: '2024-03-01' }))).toEqual(['formedOn']);
  });
  it('needs a reason for anything not proactively disclosed, validity for norms, the repealing document', () => {
    expect(
      fields(meta({ disclosure: { attribute: 'withheld', reason: null, method: '-', scope: 'public' } })),
    ).toEqual(['disclosure.reason']);
    expect(fields(meta({ art20Item: 'normativeDocument' }))).toEqual(['validity.status']);
    const repealed = meta({
      art20Item: 'normativeDocument',
      validity: {
        status: 'repealed',
        effectiveOn: '2024-04-01',
        expiresOn: null,
        repealedOn: null,
        changedBy: null,
      },
    });
    expect(fields(repealed)).toEqual(['validity.repealedOn', 'validity.changedBy']);
    const backwards = meta({
      art20Item: 'rule',
      validity: {
        status: 'repealed',
        effectiveOn: '2024-04-01',
        expiresOn: null,
        repealedOn: '2024-01-01',
        changedBy: { documentId: null, documentNumber: '示范府令第3号' },
      },
    });
    expect(fields(backwards)).toEqual(['validity.repealedOn']);
  });
  it('warns when the 文号 year differs from the year written', () => {
    const { errors, warnings } = checkMetadata(meta({ documentNumber: '示范府办发〔2023〕12号' }));
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.field)).toEqual(['documentNumber']);
  });
  it('files only under a leaf of the agency 目录', () => {
    expect(
      checkMetadata(meta({ catalogueNodeId: 'x' }), { catalogueLeafIds: new Set(['y']) }).errors[0]?.field,
    ).toBe('catalogueNodeId');
  });
});

describe('publishing settings', () => {
  it('defaults to 三级审核 and the common 索引号 template, self-approval off', () => {
    expect(defaultPublishingSettings.reviewChain.map((s) => s.name)).toEqual([
      '科室审核',
      '保密审查',
      '领导签发',
    ]);
    expect(defaultPublishingSettings.allowSelfApproval).toBe(false);
    expect(defaultPublishingSettings.indexTemplate).toBe('{机构代码}/{年}-{五位序号}');
  });
  it('refuses a 目录 that is not a tree', () => {
    const settings = publishingSettingsSchema.parse({
      catalogue: [
        { id: 'a', parentId: 'b', name: 'A' },
        { id: 'b', parentId: 'a', name: 'B' },
      ],
    });
    expect(() => checkPublishingSettings(settings)).toThrow(/成环/);
  });
});
