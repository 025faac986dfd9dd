import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('damaged PDFs in a plain Node process', () => {
  it('end in a report or a coded error, and pdf.js stray rejections never end the process', () => {
    // Seed 1 with 150 rounds produced four stray XRefEntryException rejections when this was written.
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'test/support/read-damaged-pdfs.ts', '1', '150'],
      {
        encoding: 'utf8',
        timeout: 540_000,
      },
    );
    const outcomes = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
    const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
    expect(total).toBe(300);
    expect(Object.keys(outcomes).filter((k) => k.startsWith('not a DomainError'))).toEqual([]);
    expect(outcomes['REPORT_UNREADABLE']).toBeGreaterThan(0);
  }, 600_000);
});
