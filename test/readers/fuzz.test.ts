/**
 * Fuzzing the readers through the registry: mutated and truncated fixtures, random bytes, megabyte-long lines,
 * deeply nested HTML and broken zips as DOCX. Whatever the bytes, `readReport` must end with a clear result: a
 * report that passes the contract's schema, or a DomainError with a REPORT_* code; never another exception
 * and never a hang (the test time-out). Runs are bounded so the suite stays fast; the seed is fixed so a
 * failure reproduces.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../src/core/errors.js';
import { parseReport } from '../../src/core/report/model.js';
import { readReport } from '../../src/readers/index.js';
import { EXPECTED, REPORTS } from '../support/fixtures.js';

const SEED = 20_261_130;

/** Every fixture file, with the name it is read under. */
const samples: { name: string; bytes: Uint8Array }[] = [
  ...readdirSync(EXPECTED).map((name) => ({ name, bytes: readFileSync(`${EXPECTED}${name}`) })),
  ...readdirSync(`${REPORTS}seeds`).map((name) => ({ name, bytes: readFileSync(`${REPORTS}seeds/${name}`) })),
  ...readdirSync(`${REPORTS}pdf`).map((name) => ({ name, bytes: readFileSync(`${REPORTS}pdf/${name}`) })),
];
const textSamples = samples.filter((s) => s.name.endsWith('.txt'));
const pdfSamples = samples.filter((s) => s.name.endsWith('.pdf'));

/** Reads bytes and says what came of it; fails the property on anything but a report or a coded error. */
async function outcome(bytes: Uint8Array, name: string): Promise<string> {
  try {
    const read = await readReport(bytes, name);
    const parsed = parseReport(read.report);
    if (!parsed.ok) throw new Error(`${name}: reader returned an invalid report: ${parsed.issues[0]?.path}`);
    expect(Array.isArray(read.doubts)).toBe(true);
    return `report:${read.format}`;
  } catch (error) {
    if (error instanceof DomainError && error.code.startsWith('REPORT_')) return error.code;
    throw error;
  }
}

type Mutation = { kind: 'flip' | 'insert' | 'delete'; at: number; byte: number; length: number };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('flip', 'insert', 'delete'),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  length: fc.integer({ min: 1, max: 64 }),
});

function mutate(bytes: Uint8Array, mutations: Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % out.length;
    if (m.kind === 'flip') out[at] = m.byte;
    else if (m.kind === 'insert')
      out = Buffer.concat([out.subarray(0, at), Buffer.alloc(m.length, m.byte), out.subarray(at)]);
    else out = Buffer.concat([out.subarray(0, at), out.subarray(at + m.length)]);
  }
  return out;
}

/** Picks a sample by index, so a counterexample prints as a number, not as megabytes of bytes. */
const sample = (list: typeof samples) => fc.nat({ max: list.length - 1 }).map((i) => list[i]!);

describe('readReport on hostile input', () => {
  it('mutated fixtures of every format give a report or a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(
        sample(samples.filter((s) => !s.name.endsWith('.pdf'))),
        fc.array(mutation, { minLength: 1, maxLength: 8 }),
        async (s, mutations) => void (await outcome(mutate(s.bytes, mutations), s.name)),
      ),
      { numRuns: 150, seed: SEED },
    );
  });

  it('mutated and truncated PDFs give a report or a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(
        sample(pdfSamples),
        fc.array(mutation, { maxLength: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (s, mutations, keep) => {
          const bytes = mutate(s.bytes, mutations);
          void (await outcome(bytes.subarray(0, Math.floor(bytes.length * keep)), s.name));
        },
      ),
      { numRuns: 12, seed: SEED },
    );
  });

  it('truncated fixtures give a report or a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(
        sample(samples.filter((s) => !s.name.endsWith('.pdf'))),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (s, keep) =>
          void (await outcome(s.bytes.subarray(0, Math.floor(s.bytes.length * keep)), s.name)),
      ),
      { numRuns: 100, seed: SEED },
    );
  });

  it('random bytes and random text under every extension give a report or a coded error', async () => {
    const names = ['x.txt', 'x.json', 'x.html', 'x.docx', 'x.pdf', 'x'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names),
        fc.oneof(
          fc.uint8Array({ maxLength: 4096 }),
          fc.string({ unit: 'binary', maxLength: 2000 }).map((s) => new TextEncoder().encode(s)),
          // Table-like text: labels, digits, separators and line breaks in random order.
          fc
            .array(
              fc.constantFrom(
                '一、本年新收政府信息公开申请数量',
                '总计',
                '自然人',
                '|',
                '\t',
                ' ',
                '\n',
                '0',
                '7',
                '12',
                '二〇二三年',
                '<td>',
                '年度报告',
              ),
              { maxLength: 300 },
            )
            .map((parts) => new TextEncoder().encode(parts.join(''))),
        ),
        async (name, bytes) => void (await outcome(bytes, name)),
      ),
      { numRuns: 150, seed: SEED },
    );
  });

  it('spliced text fixtures (lines shuffled between reports) give a report or a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(sample(textSamples), sample(textSamples), fc.nat(), async (a, b, cut) => {
        const left = String(Buffer.from(a.bytes)).split('\n');
        const right = String(Buffer.from(b.bytes)).split('\n');
        const at = cut % Math.max(1, left.length);
        const text = [...left.slice(0, at), ...right.slice(at)].join('\n');
        void (await outcome(new TextEncoder().encode(text), 'spliced.txt'));
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('megabyte-long lines give a clear result', async () => {
    const seed = String(Buffer.from(textSamples[0]!.bytes));
    const cases: [string, string][] = [
      ['digits.txt', '1234567890'.repeat(100_000)],
      ['han.txt', '一'.repeat(1_000_000)],
      ['bars.txt', '|'.repeat(1_000_000)],
      ['tabs.txt', '0\t'.repeat(500_000)],
      ['seed-plus-line.txt', `${seed}\n${'7'.repeat(1_000_000)}\n`],
      ['one-line-seed.txt', seed.replace(/\s+/g, '').repeat(200)],
      ['long.html', `<html><body><table><tr><td>${'8'.repeat(1_000_000)}</td></tr></table></body></html>`],
      ['long.json', `{"schema":"gongkai.annual-report/v1","agency":"${'机'.repeat(1_000_000)}"}`],
    ];
    for (const [name, text] of cases) {
      expect(await outcome(new TextEncoder().encode(text), name), name).toMatch(/^(report:|REPORT_)/);
    }
  });

  it('deeply nested HTML gives a clear result', async () => {
    const depth = 100_000;
    const cases: [string, string][] = [
      ['divs.html', `<html><body>${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}</body></html>`],
      ['unclosed.html', `<html><body>${'<table><tr><td>'.repeat(depth / 4)}1</body></html>`],
      ['spans.html', `<html><body><table><tr><td>${'<span>'.repeat(depth)}7</td></tr></table></body></html>`],
      [
        'spans-cols.html',
        `<table>${'<tr><td rowspan="65535" colspan="1000">1</td></tr>'.repeat(200)}</table>`,
      ],
    ];
    for (const [name, text] of cases) {
      expect(await outcome(new TextEncoder().encode(text), name), name).toMatch(/^(report:|REPORT_)/);
    }
  });

  it('broken zips as DOCX give a coded error, not a crash', async () => {
    const docxLike = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'word/document.xml': strToU8('<w:document><w:body><w:tbl><w:tr><w:tc>'),
    });
    const cases: [string, Uint8Array][] = [
      ['header-only.docx', Uint8Array.from([0x50, 0x4b, 0x03, 0x04])],
      ['empty-archive.docx', Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)])],
      ['no-document.docx', zipSync({ 'a.txt': strToU8('x') })],
      ['truncated.docx', docxLike.subarray(0, docxLike.length - 30)],
      ['broken-xml.docx', docxLike],
      // A zip bomb: 64 MB of zeros compress to a few tens of kilobytes.
      ['bomb.docx', zipSync({ 'word/document.xml': new Uint8Array(64 * 1_048_576) }, { level: 9 })],
    ];
    for (const [name, bytes] of cases) {
      expect(await outcome(bytes, name), name).toMatch(/^(report:|REPORT_)/);
    }
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        void (await outcome(mutate(docxLike, mutations), 'mutated.docx'));
      }),
      { numRuns: 60, seed: SEED },
    );
  });
});
