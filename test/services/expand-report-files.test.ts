import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.js';
import { expandReportFiles, isZipArchive } from '../../src/services/reports/expand-report-files.js';

const text = (s: string) => new TextEncoder().encode(s);
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('not refused');
};

describe('expandReportFiles: zip archives in a batch upload', () => {
  it('expands zips (skipping folders and hidden files) and passes other files and DOCX through', () => {
    const zip = zipSync({
      'a/r1.txt': text('one'),
      'a/': new Uint8Array(0),
      '__MACOSX/x': text('x'),
      '.DS_Store': text('y'),
      'r2.json': text('{}'),
    });
    const docx = { name: 'r.docx', bytes: zipSync({ 'word/document.xml': text('<w/>') }) };
    const files = expandReportFiles([
      { name: 'b.zip', bytes: zip },
      docx,
      { name: 'r.txt', bytes: text('t') },
    ]);
    expect(files.map((f) => f.name)).toEqual(['b.zip/a/r1.txt', 'b.zip/r2.json', 'r.docx', 'r.txt']);
    expect(new TextDecoder().decode(files[0]?.bytes)).toBe('one');
    expect(isZipArchive(docx)).toBe(false);
  });

  it('refuses a zip bomb before inflating it all, and too many entries across archives', () => {
    const bomb = zipSync({ 'a.txt': new Uint8Array(8 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const big = refusal(() =>
      expandReportFiles([{ name: 'bomb.zip', bytes: bomb }], {
        maxEntries: 10,
        maxUncompressedBytes: 1024 * 1024,
      }),
    );
    expect(isDomainError(big, 'UPLOAD_TOO_LARGE')).toBe(true);
    const five = zipSync(Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`r${i}.txt`, text('x')])));
    const many = refusal(() =>
      expandReportFiles(
        [
          { name: 'one.zip', bytes: five },
          { name: 'two.zip', bytes: five },
        ],
        { maxEntries: 8, maxUncompressedBytes: 1024 },
      ),
    );
    expect(isDomainError(many, 'UPLOAD_TOO_LARGE')).toBe(true);
  });

  it('says a broken or empty archive cannot be decompressed', () => {
    const broken = refusal(() =>
      expandReportFiles([{ name: 'x.zip', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]) }]),
    );
    expect(isDomainError(broken, 'UPLOAD_INVALID')).toBe(true);
  });
});
