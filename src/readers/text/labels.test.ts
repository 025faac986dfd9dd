import { describe, expect, it } from 'vitest';
import { APPLICATION_ROWS } from '../../core/report/template.js';
import { matchRow } from './labels.js';
import { classifyCell, hasSlip, joinedLabelKey, labelKey } from './normalize.js';

const path = (text: string) => {
  const match = matchRow(text);
  return match ? APPLICATION_ROWS[match.index]!.path : null;
};

describe('row labels', () => {
  it('matches every template label to its own row', () => {
    for (const row of APPLICATION_ROWS) expect(path(row.label)).toBe(row.path);
  });
  it('tolerates numbering variants, spaces and full-width forms', () => {
    expect(path('(一) 予以公开')).toBe('applications.disclosed');
    expect(path('一、予以公开')).toBe('applications.disclosed');
    expect(path('（七）总计')).toBe('applications.totalProcessed');
    expect(path('(七) 总 计')).toBe('applications.totalProcessed');
    expect(path('３．其他')).toBe('applications.otherProcessing.other');
    expect(path('3、其他')).toBe('applications.otherProcessing.other');
  });
  it('reads the known slips as the template label', () => {
    expect(path('2.其他法律行政止公开')).toBe('applications.withheld.prohibitedByLaw');
    expect(path('5.要求行政机关确认或重新出具己获取信息')).toBe('applications.notProcessed.confirmation');
    expect(labelKey('本年度止件数')).toBe(labelKey('本年废止件数'));
  });
  it('matches the beginning of a label split over lines', () => {
    expect(path('1、申请人无正当理由逾期不补')).toBe('applications.otherProcessing.correctionOverdue');
    expect(path('5.要求行政机关确认或重新出')).toBe('applications.notProcessed.confirmation');
  });
  it('does not take a column header or a group label for a row', () => {
    expect(path('总计')).toBeNull();
    expect(path('其他')).toBeNull();
    expect(path('（三）不予公开')).toBeNull();
  });
});

describe('cells', () => {
  it('reads numbers, full-width digits, blanks and OCR look-alikes', () => {
    expect(classifyCell('12')).toEqual({ kind: 'number', value: 12, ocr: false });
    expect(classifyCell('１２')).toEqual({ kind: 'number', value: 12, ocr: false });
    expect(classifyCell('1,234')).toEqual({ kind: 'number', value: 1234, ocr: false });
    expect(classifyCell('7730.28')).toEqual({ kind: 'number', value: 7730.28, ocr: false });
    expect(classifyCell('1O')).toEqual({ kind: 'number', value: 10, ocr: true });
    for (const blank of ['-', '/', '—', '－']) expect(classifyCell(blank)).toEqual({ kind: 'blank' });
    expect(classifyCell('  ')).toEqual({ kind: 'empty' });
    expect(classifyCell('规章')).toEqual({ kind: 'text' });
  });
});

describe('the key of labels read as one', () => {
  it('equals the key of the joined text, for every row label broken after any character', () => {
    for (const row of APPLICATION_ROWS) {
      const label = `${row.label}（区分处理的，只计这一情形）`;
      for (let cut = 1; cut < label.length; cut++) {
        const pieces = [label.slice(0, cut), ' ', label.slice(cut)];
        expect(joinedLabelKey(pieces), `${row.label} cut at ${cut}`).toBe(labelKey(pieces.join('')));
      }
    }
  });
  it('corrects a slip that spans two pieces', () => {
    expect(joinedLabelKey(['2.申请人逾期末', '按收费通知要求缴纳费用'])).toBe(
      labelKey('2.申请人逾期未按收费通知要求缴纳费用'),
    );
    expect(joinedLabelKey(['本年度', '止件数'])).toBe(labelKey('本年废止件数'));
  });
});

describe('slips', () => {
  it('are found in plain text and behind compatibility characters (Kangxi radicals, full-width forms)', () => {
    expect(hasSlip('本年度止件数')).toBe(true);
    expect(hasSlip('本年度⽌件数')).toBe(true); // ⽌ U+2F4C, the Kangxi radical for 止
    expect(hasSlip('⼰获取')).toBe(true); // ⼰ U+2F30
    expect(hasSlip('申请人逾期末按收费通知要求缴纳费用')).toBe(true);
    expect(hasSlip('本年废止件数')).toBe(false);
    expect(hasSlip('（一）予以公开')).toBe(false);
  });
  it('labels copied from a PDF whose font maps characters to radicals read as the template', () => {
    // ⼀ ⼈ ⼯ ⽬: Kangxi radicals a PDF printed with Noto CJK gives for 一 人 工 目 (NFKC maps them back).
    expect(labelKey('申请⼈情况')).toBe(labelKey('申请人情况'));
    expect(labelKey('⼀、本年新收政府信息公开申请数量')).toBe(labelKey('一、本年新收政府信息公开申请数量'));
  });
});
