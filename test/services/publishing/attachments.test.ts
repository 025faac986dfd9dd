/**
 * Attachment intake: type by content, size limits, text from PDF, DOCX and XLSX read in worker threads, the
 * personal-data check on that text, and a clear refusal for each bad file.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from '../../../src/core/errors.js';
import {
  AttachmentExtractor,
  attachmentKind,
  cleanFileName,
  intakeAttachment,
} from '../../../src/services/publishing/attachments/index.js';
import { buildPdf, SCANNED_PAGE, textPage } from '../../support/minimal-pdf.js';

const extractor = new AttachmentExtractor({ workers: 1 });
afterAll(() => extractor.close());

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

function docx(paragraphs: string[], extra: Record<string, Uint8Array> = {}): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  const table =
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>姓名</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>身份证号</w:t></w:r></w:p></w:tc></w:tr>' +
    '<w:tr><w:tc><w:p><w:r><w:t>李四</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>440304199001010011</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': strToU8(
      `<?xml version="1.0"?><w:document xmlns:w="${W_NS}"><w:body>${body}${table}</w:body></w:document>`,
    ),
    ...extra,
  });
}

async function xlsx(rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('发放名单');
  rows.forEach((row) => sheet.addRow(row));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

// Workers start by compiling TypeScript (tsx) and load pdf.js: slow on a loaded machine, so generous limits.
describe('attachment intake', { timeout: 120_000 }, () => {
  it('reads a PDF text layer and finds the personal data in it', async () => {
    const pdf = buildPdf([
      textPage([
        { text: 'Applicant: Zhang San, mobile 13812345678', x: 50, y: 700 },
        { text: 'ID 11010519491231002X, office phone 025-84561234', x: 50, y: 680 },
      ]),
      textPage([{ text: 'Page two: amount 12,345.00 yuan, 2024-03-05', x: 50, y: 700 }]),
    ]);
    const result = await intakeAttachment(
      { name: '公示附件.pdf', bytes: pdf },
      { extractor, allow: { phones: ['025-84561234'] } },
    );
    expect(result).toMatchObject({
      name: '公示附件.pdf',
      kind: 'pdf',
      mediaType: 'application/pdf',
      pages: 2,
      textLayer: true,
    });
    expect(result.text).toContain('mobile 13812345678');
    expect(result.text).toContain('Page two');
    expect(result.personalData.map((f) => [f.kind, f.text, f.masked])).toEqual([
      ['mobile', '13812345678', '138****5678'],
      ['id-number', '11010519491231002X', '1101**********002X'],
    ]);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a real published PDF (Chinese text through CMaps)', async () => {
    const bytes = new Uint8Array(
      readFileSync(
        new URL('../../../../shared/fixtures/reports/pdf/huaian-hongze-2023.pdf', import.meta.url),
      ),
    );
    const result = await intakeAttachment({ name: 'report.pdf', bytes }, { extractor });
    expect(result.pages).toBeGreaterThan(1);
    expect(result.text.replace(/\s/g, '')).toContain('政府信息公开');
  });

  it('says when a PDF has no text layer (a scan): the check could not read it', async () => {
    const result = await intakeAttachment(
      { name: 'scan.pdf', bytes: buildPdf([SCANNED_PAGE]) },
      { extractor },
    );
    expect(result).toMatchObject({ textLayer: false, personalData: [] });
  });

  it('reads DOCX paragraphs and tables (cells apart by a tab)', async () => {
    const result = await intakeAttachment(
      {
        name: 'C:\\Users\\经办\\补贴名单.docx',
        bytes: docx(['关于高龄津贴发放的公示', '联系人：王五，电话 13912345678']),
      },
      { extractor },
    );
    expect(result.name).toBe('补贴名单.docx');
    expect(result.kind).toBe('docx');
    expect(result.text).toBe(
      '关于高龄津贴发放的公示\n联系人：王五，电话 13912345678\n姓名\t身份证号\n李四\t440304199001010011',
    );
    expect(result.personalData.map((f) => f.text)).toEqual([
      '王五',
      '13912345678',
      '李四',
      '440304199001010011',
    ]);
  });

  it('reads XLSX sheets with exceljs', async () => {
    const bytes = await xlsx([
      ['序号', '姓名', '身份证号码', '联系电话', '金额'],
      [1, '赵六', '320102199003071235', '13700001111', 500],
    ]);
    const result = await intakeAttachment({ name: '名单.xlsx', bytes }, { extractor });
    expect(result.kind).toBe('xlsx');
    expect(result.text).toBe(
      '发放名单\n序号\t姓名\t身份证号码\t联系电话\t金额\n1\t赵六\t320102199003071235\t13700001111\t500',
    );
    expect(result.personalData.map((f) => f.kind)).toEqual(expect.arrayContaining(['name', 'mobile']));
  });

  it('accepts images (no text read from them)', async () => {
    const result = await intakeAttachment({ name: '现场照片.png', bytes: PNG }, { extractor });
    expect(result).toMatchObject({ kind: 'png', mediaType: 'image/png', text: '', textLayer: false });
  });

  it.each([
    [
      'an executable named .pdf',
      'notice.pdf',
      new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...strToU8('%PDF-1.4 This program cannot be run in DOS mode')]),
      'executable',
      '可执行程序',
    ],
    [
      'a Linux executable named .docx',
      'a.docx',
      new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
      'executable',
      '可执行程序',
    ],
    ['a script named .pdf', 'run.pdf', strToU8('#!/bin/sh\nrm -rf /\n'), 'executable', '脚本'],
    [
      'an HTML page named .pdf',
      'page.pdf',
      strToU8('<!DOCTYPE html><script>alert(1)</script>'),
      'markup',
      'HTML',
    ],
    [
      'an SVG image',
      'logo.png',
      strToU8('<?xml version="1.0"?><svg onload="alert(1)"></svg>'),
      'markup',
      'SVG',
    ],
    [
      'an old Word file',
      '通知.doc',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'legacy-office',
      'DOCX',
    ],
    ['a ZIP of files', 'files.zip', zipSync({ 'a.txt': strToU8('x') }), 'archive', '压缩包'],
    [
      'a macro-enabled Word file named .docx',
      'm.docx',
      docx(['x'], { 'word/vbaProject.bin': new Uint8Array(8) }),
      'macros',
      '宏',
    ],
    [
      'a PDF named .docx',
      'x.docx',
      buildPdf([textPage([{ text: 'x', x: 1, y: 1 }])]),
      'name-mismatch',
      '扩展名',
    ],
    ['a text file', 'a.pdf', strToU8('just text'), 'unknown', '无法识别'],
  ])('refuses %s, saying why', async (_what, name, bytes, reason, words) => {
    const error = await refusal(intakeAttachment({ name, bytes }, { extractor }));
    expect(error.code).toBe('ATTACHMENT_TYPE_REFUSED');
    expect(error.details).toMatchObject({ reason });
    expect(error.messageZh).toContain(words);
    expect(error.messageEn.length).toBeGreaterThan(10);
  });

  it('refuses files over the size limits, and empty files', async () => {
    const big = await refusal(
      intakeAttachment({ name: 'big.pdf', bytes: buildPdf(['']) }, { extractor, limits: { maxBytes: 100 } }),
    );
    expect(big.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(big.messageZh).toContain('超过附件的上限');
    const image = await refusal(
      intakeAttachment({ name: 'p.png', bytes: PNG }, { extractor, limits: { maxImageBytes: 10 } }),
    );
    expect(image.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(image.messageZh).toContain('图片');
    const empty = await refusal(intakeAttachment({ name: 'e.pdf', bytes: new Uint8Array() }, { extractor }));
    expect(empty.code).toBe('ATTACHMENT_UNREADABLE');
  });

  it('refuses a package that would inflate past the limit (zip bomb), before inflating it', async () => {
    const bomb = docx(['x'], { 'word/media/zeros.bin': new Uint8Array(4 * 1024 * 1024) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await refusal(
      intakeAttachment(
        { name: 'bomb.docx', bytes: bomb },
        { extractor, limits: { maxUncompressedBytes: 1024 * 1024 } },
      ),
    );
    expect(error.code).toBe('ATTACHMENT_UNREADABLE');
    expect(error.messageZh).toContain('压缩炸弹');
  });

  it('refuses a damaged PDF and an encrypted-looking broken file with a clear error', async () => {
    const broken = strToU8('%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage');
    const error = await refusal(intakeAttachment({ name: 'broken.pdf', bytes: broken }, { extractor }));
    expect(['ATTACHMENT_UNREADABLE']).toContain(error.code);
    expect(error.messageZh).toContain('broken.pdf');
  });

  it('stops a file that takes too long, and the next file is read by a fresh worker', async () => {
    const pdf = buildPdf([textPage([{ text: 'mobile 13812345678', x: 50, y: 700 }])]);
    const slow = new AttachmentExtractor({ workers: 1 });
    try {
      // A limit no reading can meet (the worker itself takes longer to receive the file).
      const error = await refusal(
        intakeAttachment(
          { name: 'slow.pdf', bytes: pdf },
          { extractor: slow, limits: { extractTimeoutMs: 1 } },
        ),
      );
      expect(error.code).toBe('ATTACHMENT_TIMEOUT');
      expect(error.messageZh).toContain('已中止');
      const next = await intakeAttachment({ name: 'next.pdf', bytes: pdf }, { extractor: slow });
      expect(next.personalData.map((f) => f.kind)).toEqual(['mobile']);
    } finally {
      await slow.close();
    }
  });

  it('checks content, not names: the kind alone', () => {
    expect(attachmentKind(PNG, 'x.png')).toBe('png');
    expect(() => attachmentKind(PNG, 'x.jpg')).toThrow(DomainError);
    expect(
      isDomainError(
        (() => {
          try {
            attachmentKind(PNG, 'x');
          } catch (e) {
            return e;
          }
        })(),
        'ATTACHMENT_TYPE_REFUSED',
      ),
    ).toBe(true);
  });

  it('cleans file names of folders and control characters', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b<c>.pdf')).toBe('abc.pdf');
    expect(cleanFileName('...hidden.pdf')).toBe('hidden.pdf');
    expect(cleanFileName('长'.repeat(300) + '.pdf')).toHaveLength(200);
  });
});
