import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/core/errors.js';
import { parseCsv, readTableFile } from '../../../src/services/publishing/import/table-file.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('reading a CSV or XLSX table', () => {
  it('reads CSV with quotes, separators and new lines inside cells, and says where each row starts', () => {
    expect(parseCsv('a,b,c\r\n1,"x, ""y""",3\n2,"two\nlines",\n\n3,,z\n')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, "y"', '3'] },
      { line: 3, cells: ['2', 'two\nlines', ''] },
      { line: 6, cells: ['3', '', 'z'] },
    ]);
  });

  it('reads UTF-8 with a BOM, GB18030 as Excel saves it, and tab-separated text', async () => {
    const withBom = await readTableFile(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('索引号,标题\nA/1,通知\n')]),
      'a.csv',
    );
    expect(withBom).toEqual({
      format: 'csv',
      headers: ['索引号', '标题'],
      rows: [{ line: 2, cells: ['A/1', '通知'] }],
    });
    // “索引号,标题\nA/1,通知” in GB18030.
    const gb = new Uint8Array(Buffer.from('cbf7d2fdbac52cb1eacce20a412f312ccda8d6aa0a', 'hex'));
    expect((await readTableFile(gb, 'gb.csv')).rows[0]!.cells).toEqual(['A/1', '通知']);
    expect((await readTableFile(utf8('索引号\t标题\nA/1\t通知, 附件'), 't.csv')).rows[0]!.cells).toEqual([
      'A/1',
      '通知, 附件',
    ]);
  });

  it('reads the first sheet of an XLSX workbook, dates as YYYY-MM-DD', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(['索引号', '标题', '成文日期', '件数']);
    sheet.addRow(['A/2024-00001', '关于印发办法的通知', new Date(Date.UTC(2024, 2, 5)), 3]);
    sheet.addRow([]);
    sheet.addRow(['A/2024-00002', '公告', '2024-04-01', null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readTableFile(bytes, '目录.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.headers).toEqual(['索引号', '标题', '成文日期', '件数']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['A/2024-00001', '关于印发办法的通知', '2024-03-05', '3'] },
      { line: 4, cells: ['A/2024-00002', '公告', '2024-04-01'] },
    ]);
  });

  it('refuses what is not a table, with the file named', async () => {
    for (const [bytes, name] of [
      [new Uint8Array(), 'empty.csv'],
      [utf8('%PDF-1.4 x'), 'x.csv'],
      [new Uint8Array([0x4d, 0x5a, 0x90, 0]), 'x.csv'],
    ] as const) {
      const error = await readTableFile(bytes, name).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('IMPORT_INVALID');
      expect((error as DomainError).messageZh).toContain(name);
    }
    await expect(readTableFile(utf8('a\n1\n2\n3\n'), 'rows.csv', { maxRows: 2 })).rejects.toThrow(/分批导入/);
  });
});
