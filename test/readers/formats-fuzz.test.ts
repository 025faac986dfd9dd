/**
 * Fuzzing the HTML, DOCX and PDF readers: mutated and truncated fixtures, random bytes, deep nesting, broken zips
 * and zip bombs. Every input must end in a report or a DomainError: no other exception, no hang (the test
 * timeout), and memory bounded by the readers' own limits.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { readReport } from '../../src/readers/index.js';
import { MAX_PART_BYTES } from '../../src/readers/docx/zip.js';
import { REPORTS, readExpected } from '../support/fixtures.js';
import { renderDocx } from '../support/layouts/docx.js';
import { renderHtml } from '../support/layouts/html.js';

/** Reads a file; returns 'read' or the DomainError code, and fails on any other outcome. */
async function outcome(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readReport(bytes, name);
    return 'read';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw new Error(`${name}: not a DomainError: ${error instanceof Error ? error.stack : String(error)}`);
  }
}

/** Flips, overwrites or deletes bytes at the given positions. */
function mutate(
  bytes: Uint8Array,
  edits: readonly { at: number; value: number; kind: number }[],
): Uint8Array {
  let out = bytes.slice();
  for (const { at, value, kind } of edits) {
    const i = at % Math.max(1, out.length);
    if (kind === 0) out[i] = value;
    else if (kind === 1) out[i] = (out[i] ?? 0) ^ (1 << (value % 8));
    else out = Uint8Array.from([...out.subarray(0, i), ...out.subarray(i + 1 + (value % 64))]);
  }
  return out;
}

const edits = fc.array(
  fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }), kind: fc.integer({ min: 0, max: 2 }) }),
  { minLength: 1, maxLength: 8 },
);

const report = readExpected('huaian-city-2024.json') as AnnualReport;
const html = new TextEncoder().encode(renderHtml(report, 'page'));
const docx = renderDocx(report);
const pdfs = readdirSync(`${REPORTS}pdf/`).map(
  (name) => new Uint8Array(readFileSync(`${REPORTS}pdf/${name}`)),
);

describe('fuzzing HTML', () => {
  it('mutated and truncated pages end in a report or a DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(edits, fc.nat(), async (changes, cut) => {
        await outcome(mutate(html, changes), 'm.html');
        await outcome(html.subarray(0, cut % html.length), 't.html');
      }),
      { numRuns: 150 },
    );
  });

  it('deeply nested markup (100,000 levels) and megabyte lines end in a DomainError quickly', async () => {
    const deep = `<html><body>${'<div><b>'.repeat(100_000)}${'</b></div>'.repeat(100_000)}</body></html>`;
    expect(await outcome(new TextEncoder().encode(deep), 'deep.html')).toBe('REPORT_NOT_FOUND');
    const unclosed = `<html><body>${'<table><tr><td><span>'.repeat(30_000)}`;
    expect(await outcome(new TextEncoder().encode(unclosed), 'open.html')).toBe('REPORT_NOT_FOUND');
    const wide = `<table><tr>${'<td colspan="1000" rowspan="1000">1</td>'.repeat(20_000)}</tr></table>`;
    expect(await outcome(new TextEncoder().encode(wide), 'wide.html')).toBe('REPORT_UNREADABLE');
    const line = `<html><body><p>${'一'.repeat(2_000_000)}</p></body></html>`;
    expect(await outcome(new TextEncoder().encode(line), 'line.html')).toBe('REPORT_NOT_FOUND');
  });
});

describe('fuzzing DOCX', () => {
  it('mutated and truncated packages end in a report or a DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(edits, fc.nat(), async (changes, cut) => {
        await outcome(mutate(docx, changes), 'm.docx');
        await outcome(docx.subarray(0, cut % docx.length), 't.docx');
      }),
      { numRuns: 150 },
    );
  });

  it('a zip bomb and a package with only junk are refused', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(MAX_PART_BYTES + 65_536) }, { level: 1 });
    expect(await outcome(bomb, 'bomb.docx')).toBe('REPORT_UNREADABLE');
    const junk = zipSync({ 'word/document.xml': new TextEncoder().encode('<w:document><w:body><w:p>') });
    expect(await outcome(junk, 'junk.docx')).toBe('REPORT_NOT_FOUND');
  });
});

describe('fuzzing PDF', () => {
  it('mutated and truncated PDFs end in a report or a DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: pdfs.length - 1 }), edits, fc.nat(), async (which, changes, cut) => {
        const pdf = pdfs[which]!;
        await outcome(mutate(pdf, changes), 'm.pdf');
        await outcome(pdf.subarray(0, cut % pdf.length), 't.pdf');
      }),
      { numRuns: 25 },
    );
  });
});

describe('fuzzing with random bytes', () => {
  it('any bytes under any name end in a report or a DomainError', async () => {
    const headers = [
      [],
      [0x25, 0x50, 0x44, 0x46, 0x2d],
      [0x50, 0x4b, 0x03, 0x04],
      [0x3c, 0x68, 0x74, 0x6d, 0x6c, 0x3e],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...headers),
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('x.pdf', 'x.docx', 'x.html', 'x'),
        async (header, body, name) => {
          await outcome(Uint8Array.from([...header, ...body]), name);
        },
      ),
      { numRuns: 200 },
    );
  });
});
