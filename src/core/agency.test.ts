import { describe, expect, it } from 'vitest';
import { agencySettingsSchema, subtreeIds, wouldCreateCycle } from './agency.js';

const tree = [
  { id: 'd', parentId: null },
  { id: 'e', parentId: 'd' },
  { id: 's', parentId: 'd' },
  { id: 's1', parentId: 's' },
];

describe('agency tree', () => {
  it('finds a subtree', () => {
    expect([...subtreeIds(tree, 'd')].sort()).toEqual(['d', 'e', 's', 's1']);
    expect([...subtreeIds(tree, 's')].sort()).toEqual(['s', 's1']);
    expect([...subtreeIds(tree, 'missing')]).toEqual([]);
  });
  it('detects cycles', () => {
    expect(wouldCreateCycle(tree, 's', 's1')).toBe(true);
    expect(wouldCreateCycle(tree, 's', 'e')).toBe(false);
    expect(wouldCreateCycle(tree, 'd', null)).toBe(false);
  });
  it('validates settings and fills defaults', () => {
    expect(agencySettingsSchema.parse({}).counting.countReceiptDay).toBe(false);
    expect(
      agencySettingsSchema.safeParse({ calendarOverrides: [{ date: '2026-1-1', workday: true }] }).success,
    ).toBe(false);
    expect(agencySettingsSchema.safeParse({ unknown: 1 }).success).toBe(false);
  });
});
