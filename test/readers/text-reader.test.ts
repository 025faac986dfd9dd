/** The text reader on hand-made cases: run-together splits, table 四 blanks, encodings, and hostile input. */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.js';
import type { AnnualReport } from '../../src/core/report/model.js';
import { FORMAT_2019 } from '../../src/core/report/template.js';
import { readReport } from '../../src/readers/index.js';
import { readGrid, readTextSync } from '../../src/readers/text/index.js';
import { textToGrid } from '../../src/readers/text/text-grid.js';
import { expectedFixtures, readExpected } from '../support/fixtures.js';
import { renderTextLayouts } from '../support/layouts/text.js';

const encoder = new TextEncoder();
const read = (text: string) => readTextSync(encoder.encode(text), 'test.txt');
const base = () => structuredClone(readExpected(expectedFixtures()[0]!) as AnnualReport);

function expectError(bytes: Uint8Array, codes: string[]): void {
  try {
    readTextSync(bytes, 'bad.txt');
  } catch (error) {
    expect(isDomainError(error)).toBe(true);
    if (isDomainError(error)) {
      expect(codes).toContain(error.code);
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(error.messageEn).toMatch(/[a-z]/);
    }
    return;
  }
  throw new Error('expected a DomainError');
}

describe('cells run together', () => {
  it('splits the issue example with the row total', () => {
    const report = base();
    report.applications.newReceived = [80, 1, 0, 0, 0, 0, 81];
    report.applications.disclosed = [80, 1, 0, 0, 0, 0, 81];
    report.applications.totalProcessed = [80, 1, 0, 0, 0, 0, 81];
    const text = renderTextLayouts(report).runTogether;
    expect(text).toContain('一、本年新收政府信息公开申请数量801000081');
    const { report: got } = read(text);
    expect(got.applications.newReceived).toEqual([80, 1, 0, 0, 0, 0, 81]);
    expect(got.doubts?.filter((d) => d.kind === 'ambiguous-split')).toEqual([]);
  });

  it('settles an ambiguous row with the column sums, and reads nothing when nothing settles it', () => {
    const report = base();
    // 110000011 is 1 10 0 0 0 0 11 or 11 0 0 0 0 0 11; 一 + 二 = 三（七）+ 四 tells which (一 and 二 split alone).
    report.applications.newReceived = [0, 10, 0, 0, 0, 0, 10];
    report.applications.carriedOver = [1, 0, 0, 0, 0, 0, 1];
    report.applications.disclosed = [1, 10, 0, 0, 0, 0, 11];
    report.applications.totalProcessed = [1, 10, 0, 0, 0, 0, 11];
    const settled = read(renderTextLayouts(report).runTogether).report;
    expect(settled.applications.disclosed).toEqual([1, 10, 0, 0, 0, 0, 11]);
    expect(settled.applications.totalProcessed).toEqual([1, 10, 0, 0, 0, 0, 11]);
    expect(settled.doubts?.filter((d) => d.kind === 'ambiguous-split')).toEqual([]);
    // Every row of the table ambiguous alike: the arithmetic cannot choose; no cell is guessed, the doubt lists
    // the candidates.
    report.applications.newReceived = [1, 10, 0, 0, 0, 0, 11];
    report.applications.carriedOver = [0, 0, 0, 0, 0, 0, 0];
    const unsettled = read(renderTextLayouts(report).runTogether).report;
    expect(unsettled.applications.disclosed).toEqual([null, null, null, null, null, null, null]);
    const doubts = unsettled.doubts?.filter((d) => d.kind === 'ambiguous-split') ?? [];
    expect(doubts.map((d) => d.path)).toEqual([
      'applications.newReceived',
      'applications.disclosed',
      'applications.totalProcessed',
    ]);
    expect(doubts[0]!.message).toContain('1 10 0 0 0 0 11；11 0 0 0 0 0 11');
    expect(doubts[0]!.messageEn).toContain('none was read');
  });
});

describe('table 四', () => {
  it('keeps blank cells in place when a stray number follows and no 五 heading does', () => {
    const report = base();
    report.appeals.reconsideration = { upheld: 1, corrected: null, other: 0, pending: null, total: 1 };
    const text = renderTextLayouts(report).cellPerLine;
    const cut = text.slice(0, text.indexOf('五、存在的主要问题')) + '\n2024年1月30日\n7\n';
    const { report: got } = read(cut);
    expect(got.appeals.reconsideration).toEqual({
      upheld: 1,
      corrected: null,
      other: 0,
      pending: null,
      total: 1,
    });
    expect(got.appeals.litigationAfterReconsideration).toEqual(report.appeals.litigationAfterReconsideration);
  });

  it('reads a tab row with empty cells as blanks', () => {
    const report = base();
    const tsv = renderTextLayouts(report).tsv.replace(/\n0\t0\t0\t0\t0\t0\t0/, '\n0\t\t0\t\t0\t0\t0');
    const { report: got } = read(tsv);
    expect(got.appeals.reconsideration).toEqual({
      upheld: 0,
      corrected: null,
      other: 0,
      pending: null,
      total: 0,
    });
  });
});

describe('the 2019 试行 format', () => {
  it('is told by its section-二 labels: 处理决定数量 read, the 2021-only cells null, （六） one row, the markers listed', () => {
    const report = base();
    report.template = '2019';
    report.year = 2020;
    report.applications.otherProcessing = {
      correctionOverdue: null,
      feeUnpaid: null,
      other: [1, 0, 0, 0, 0, 0, 1],
    };
    report.applications.totalProcessed = report.applications.totalProcessed.map((v, c) =>
      v === null ? null : v + (c === 0 || c === 6 ? 1 : 0),
    ) as AnnualReport['applications']['totalProcessed'];
    const text = renderTextLayouts(report).tsv;
    // Replace section 二 by the 2019 tables, with numbers in every cell.
    const start = text.indexOf('二、主动公开政府信息情况');
    const end = text.indexOf('三、收到和处理政府信息公开申请情况');
    const tables2019 = FORMAT_2019.proactiveTables.flatMap((table) => [
      table.caption,
      table.columns.join('\t'),
      ...table.rows.map((row) => [row, ...table.columns.slice(1).map(() => '3')].join('\t')),
    ]);
    const text2019 = `${text.slice(0, start)}二、主动公开政府信息情况\n${tables2019.join('\n')}\n\n${text.slice(end)}`;
    const { report: got } = read(text2019);
    expect(got.template).toBe('2019');
    expect(got.formatMarkers).toEqual(
      expect.arrayContaining(['本年新制作数量', '政府集中采购', '第二十条第（九）项']),
    );
    // 行政许可, 行政处罚 and 行政强制 print 处理决定数量 in the 2019 format too (the third of their three cells).
    expect(got.proactive).toEqual({
      regulations: { issued: null, repealed: null, inForce: null },
      normativeDocuments: { issued: null, repealed: null, inForce: null },
      licensing: 3,
      penalty: 3,
      enforcement: 3,
      feesTenThousandYuan: null,
    });
    expect(got.applications).toEqual(report.applications);
    expect(got.year).toBe(2020);
  });
});

describe('encodings and layouts', () => {
  it('reads GB18030 text', async () => {
    const text = renderTextLayouts(base()).tsv;
    const gbk = await gb18030Of(text);
    if (gbk === null) return;
    const result = await readReport(gbk, 'gbk.txt');
    expect(result.report.agency).toBe(base().agency);
    expect(result.report.applications).toEqual(read(text).report.applications);
  });

  it('reads CRLF line ends, a BOM and full-width digits', () => {
    const text = `\ufeff${renderTextLayouts(base()).tsv}`.replace(/\n/g, '\r\n').replace(/\t0/g, '\t０');
    expect(read(text).report.applications).toEqual(base().applications);
  });

  it('reads an OCR look-alike as a number and says so', () => {
    const report = base();
    report.applications.newReceived = [10, 0, 0, 0, 0, 0, 10];
    report.applications.carriedForward = [10, 0, 0, 0, 0, 0, 10];
    const text = renderTextLayouts(report).tsv.replace(/(申请数量\t)10\t/, '$11O\t');
    const { report: got } = read(text);
    expect(got.applications.newReceived).toEqual([10, 0, 0, 0, 0, 0, 10]);
    expect(got.doubts).toContainEqual(
      expect.objectContaining({ kind: 'ocr', path: 'applications.newReceived[0]' }),
    );
  });

  it('keeps a blank 总计 as null in its column, the row still read (tables 三 and 四)', () => {
    const grid = textToGrid(renderTextLayouts(base()).tsv);
    // Blank the last cell of the 一、本年新收 row and of the appeals row, as a table with an empty 总计 prints it.
    const blankLast = (match: (text: string) => boolean) => {
      const row = grid.rows.find((r) => match(r.map((c) => c.text).join('')));
      expect(row).toBeDefined();
      row![row!.length - 1] = { text: '', at: row![row!.length - 1]!.at };
    };
    blankLast((t) => t.includes('本年新收'));
    const appealsRow = grid.rows.findIndex((r) => r.length >= 15 && r.every((c) => /^\d+$/.test(c.text)));
    expect(appealsRow).toBeGreaterThan(0);
    grid.rows[appealsRow]![14] = { text: '', at: grid.rows[appealsRow]![14]!.at };
    const { report, doubts } = readGrid(grid, 'grid', 'html');
    const expected = base();
    expect(report.applications.newReceived).toEqual([...expected.applications.newReceived.slice(0, 6), null]);
    expect(report.appeals.litigationAfterReconsideration).toEqual({
      ...expected.appeals.litigationAfterReconsideration,
      total: null,
    });
    expect(report.applications.carriedOver).toEqual(expected.applications.carriedOver);
    expect(
      doubts.some((d) => d.path?.startsWith('applications.newReceived') === true && d.kind !== 'missing'),
    ).toBe(false);
  });

  it('readGrid takes a grid from any format and keeps its locations', () => {
    const grid = textToGrid(renderTextLayouts(base()).tsv);
    const paged = {
      rows: grid.rows.map((row, y) => row.map((cell, x) => ({ text: cell.text, at: { page: 1, x, y } }))),
    };
    const result = readGrid(paged, 'grid', 'pdf');
    expect(result.format).toBe('pdf');
    expect(result.report.applications).toEqual(base().applications);
    expect(result.report.provenance?.['applications.newReceived[6]']).toMatchObject({ page: 1 });
  });
});

describe('hostile and non-report input', () => {
  it('an empty file is REPORT_NOT_FOUND', () => {
    expectError(new Uint8Array(), ['REPORT_NOT_FOUND']);
    expectError(encoder.encode('  \n\n \t\n'), ['REPORT_NOT_FOUND']);
  });
  it('prose that is not a report is REPORT_NOT_FOUND', () => {
    expectError(encoder.encode('关于做好2024年春节假期安排的通知\n各单位：\n现将有关事项通知如下。\n'), [
      'REPORT_NOT_FOUND',
    ]);
  });
  it('random bytes are a coded error, never a crash', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let n = 0; n < 50; n++) {
      const bytes = Uint8Array.from({ length: 1 + (next() % 4000) }, () => next() & 0xff);
      expectError(bytes, ['REPORT_UNREADABLE', 'REPORT_NOT_FOUND']);
    }
  });
  // How long these take is measured by `npm run bench:fuzz` (as a ratio to a normal report); a test's time limit
  // would fail on a loaded machine. A reader that never ends still fails here, at the suite's test timeout.
  it('a megabyte-long line is read', () => {
    const long = `${'数'.repeat(600_000)}${'1'.repeat(500_000)}`;
    expectError(encoder.encode(long), ['REPORT_NOT_FOUND']);
    const report = `${renderTextLayouts(base()).tsv}\n${long}\n`;
    expect(read(report).report.applications).toEqual(base().applications);
  });
  it('a huge table-like file is read', () => {
    const rows = Array.from(
      { length: 40_000 },
      (_, n) => `${n % 2 === 0 ? '（一）予以公开' : '3.其他'}\n${n % 10}`,
    );
    const text = `三、收到和处理政府信息公开申请情况\n${rows.join('\n')}\n四、政府信息公开行政复议、行政诉讼情况\n${'0\n'.repeat(50_000)}`;
    const { report } = read(text);
    expect(report.doubts?.length).toBeGreaterThan(0);
  });

  it('a truncated report still reads what it has and names what is missing', () => {
    const text = renderTextLayouts(base()).tsv;
    const cut = text.slice(0, text.indexOf('（四）无法提供'));
    const { report } = read(cut);
    expect(report.applications.newReceived).toEqual(base().applications.newReceived);
    expect(report.applications.totalProcessed).toEqual([null, null, null, null, null, null, null]);
    expect(report.doubts?.some((d) => d.kind === 'row-missing')).toBe(true);
  });
});

/** The text in GB18030, built from the decoder's own table (Node's TextEncoder writes only UTF-8). */
async function gb18030Of(text: string): Promise<Uint8Array | null> {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) return null;
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}
