/**
 * The personal-data detector measured on the labelled set (test/support/personal-data-corpus.ts): recall on
 * identity, phone and credit-code numbers of at least 99%, and not one finding on a notice without personal data.
 * A finding counts when it has the kind and exactly the text that was put in.
 */
import { describe, expect, it } from 'vitest';
import {
  findPersonalData,
  maskPersonalData,
  type PersonalDataKind,
} from '../../src/core/publishing/personal-data/index.js';
import { labelledNotices } from '../support/personal-data-corpus.js';

const items = labelledNotices();

function measure() {
  const byKind = new Map<PersonalDataKind, { expected: number; found: number; missed: string[] }>();
  const unexpected: string[] = [];
  for (const item of items) {
    const findings = findPersonalData(item.text, { allow: item.allow });
    const used = new Set<number>();
    for (const expected of item.expected) {
      const stat = byKind.get(expected.kind) ?? { expected: 0, found: 0, missed: [] };
      byKind.set(expected.kind, stat);
      stat.expected += 1;
      const at = findings.findIndex(
        (f, i) => !used.has(i) && f.kind === expected.kind && f.text === expected.value,
      );
      if (at >= 0) {
        used.add(at);
        stat.found += 1;
      } else stat.missed.push(`${item.id}: ${expected.value}`);
    }
    findings.forEach((f, i) => {
      if (!used.has(i)) unexpected.push(`${item.id} (${item.genre}): ${f.kind} ${f.text}`);
    });
  }
  return { byKind, unexpected };
}

describe('the personal-data detector on the labelled set', () => {
  const { byKind, unexpected } = measure();
  const recall = (kind: PersonalDataKind) => {
    const stat = byKind.get(kind)!;
    return stat.found / stat.expected;
  };

  it('is a set of at least 300 notices, with and without personal data, of every genre', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    const genres = new Set(items.map((item) => item.genre));
    for (const genre of [
      '补贴名单',
      '处罚决定（个人）',
      '处罚决定（个体工商户）',
      '公示',
      '招聘公告',
      '无个人信息',
    ]) {
      expect(genres).toContain(genre);
    }
    expect(items.filter((item) => item.expected.length === 0).length).toBeGreaterThanOrEqual(100);
    for (const kind of [
      'id-number',
      'mobile',
      'landline',
      'credit-code',
      'bank-card',
      'email',
      'name',
      'address',
    ] as const) {
      expect(byKind.get(kind)?.expected ?? 0, kind).toBeGreaterThanOrEqual(20);
    }
  });

  it('finds at least 99% of identity, phone and credit-code numbers', () => {
    for (const kind of ['id-number', 'mobile', 'landline', 'credit-code'] as const) {
      expect(
        recall(kind),
        `${kind} missed: ${byKind.get(kind)!.missed.slice(0, 5).join('; ')}`,
      ).toBeGreaterThanOrEqual(0.99);
    }
  });

  it('finds at least 99% of card numbers and e-mail addresses, 95% of labelled names and addresses', () => {
    expect(recall('bank-card')).toBeGreaterThanOrEqual(0.99);
    expect(recall('email')).toBeGreaterThanOrEqual(0.99);
    expect(recall('name')).toBeGreaterThanOrEqual(0.95);
    expect(recall('address')).toBeGreaterThanOrEqual(0.95);
  });

  it('raises no false alarm: nothing on the notices without personal data, nothing unlabelled elsewhere', () => {
    expect(unexpected).toEqual([]);
  });

  it('leaves no identity or phone number readable once masked', () => {
    for (const item of items.filter((i) => i.expected.length > 0)) {
      const { text } = maskPersonalData(item.text, { allow: item.allow });
      for (const expected of item.expected) {
        if (['id-number', 'mobile', 'credit-code', 'bank-card'].includes(expected.kind)) {
          expect(text, item.id).not.toContain(expected.value);
        }
      }
      expect(findPersonalData(text, { allow: item.allow }), item.id).toEqual([]);
    }
  });
});
