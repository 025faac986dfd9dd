import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../src/core/applications/outcomes.js';
import { composeAnswerDocument, type AnswerFacts } from '../../src/core/answers/compose.js';
import { legalGroundOf, outcomeDocuments } from '../../src/core/answers/outcome-documents.js';
import { defaultTemplate } from '../../src/core/answers/templates.js';
import { Paragraph } from 'docx';
import { answerDocx } from '../../src/services/answers/docx/answer-docx.js';
import {
  officialDocument,
  officialSection,
  packDocx,
  textRuns,
} from '../../src/services/documents/official-docx.js';
import { docxText, xmlProblems } from '../support/xml-well-formed.js';

const facts: AnswerFacts = {
  agency: { name: '示范区教育局', code: 'demo-education', officeName: null, address: null, phone: null },
  reconsiderationBody: '示范区人民政府',
  applicantName: '张三',
  trackingNumber: null,
  request: '学校建设项目清单',
  receivedDate: '2026-11-02',
  outcome: 'disclosed',
  details: null,
  referralAgency: null,
  legalGround: null,
  answerDate: '2026-11-30',
  documentNumber: '〔2026〕第7号',
};
const created = new Date('2026-11-30T02:00:00Z');

/** A one-paragraph official document holding `text` (the title too), as its XML parts. */
async function bodyDocument(text: string): Promise<Record<string, string>> {
  const doc = officialDocument(text, [
    officialSection([new Paragraph({ style: 'Body', children: textRuns(text) })]),
  ]);
  return unpack(await packDocx(doc, { title: text, created }));
}

function unpack(docx: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(docx)).map(([path, data]) => [path, strFromU8(data)]));
}

/** Whether the surrogate at `i` is half of a pair. */
function isPaired(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) return /[\uDC00-\uDFFF]/.test(text[i + 1] ?? '');
  return /[\uD800-\uDBFF]/.test(text[i - 1] ?? '');
}

function command(name: string): string | null {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

describe('answer documents as DOCX', () => {
  it('packages WordprocessingML: content types, relationships, styles with the GB/T 9704 fonts', async () => {
    const files = unpack(await answerDocx(composeAnswerDocument(defaultTemplate, facts), created));
    expect(Object.keys(files)[0]).toBe('[Content_Types].xml');
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        '_rels/.rels',
        'docProps/app.xml',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/fontTable.xml',
        'word/footer1.xml',
        'word/footer2.xml',
        'word/settings.xml',
        'word/styles.xml',
      ]),
    );
    for (const [path, xml] of Object.entries(files)) expect(xmlProblems(xml), path).toEqual([]);
    expect(files['[Content_Types].xml']).toContain('/word/document.xml');
    expect(files['_rels/.rels']).toContain('Target="word/document.xml"');
    for (const target of ['styles.xml', 'fontTable.xml', 'settings.xml', 'footer1.xml', 'footer2.xml']) {
      expect(files['word/_rels/document.xml.rels']).toContain(`Target="${target}"`);
    }
    expect(files['word/styles.xml']).toContain('w:eastAsia="仿宋_GB2312"');
    expect(files['word/styles.xml']).toContain('w:eastAsia="方正小标宋简体"');
    expect(files['word/fontTable.xml']).toContain('<w:altName w:val="仿宋"/>');
    expect(files['word/document.xml']).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(files['word/document.xml']).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/,
    );
    expect(files['word/document.xml']).toMatch(/<w:footerReference w:type="even" r:id="rId\d+"\/>/);
    expect(files['word/settings.xml']).toContain('<w:evenAndOddHeaders/>');
    // Page numbers: odd pages right, even pages left (GB/T 9704 §7.5), each a PAGE field between dashes.
    for (const [footer, side] of [
      ['word/footer1.xml', 'right'],
      ['word/footer2.xml', 'left'],
    ] as const) {
      expect(files[footer]).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(files[footer]).toContain(`<w:jc w:val="${side}"/>`);
      expect(docxText(files[footer]!)).toBe('—  —\n');
    }
  });

  it.each(OUTCOMES.map((o) => [o.code]))(
    '%s: the text read back holds the legal ground and remedies',
    async (code) => {
      const docx = await answerDocx(
        composeAnswerDocument(defaultTemplate, { ...facts, outcome: code }),
        created,
      );
      const text = docxText(unpack(docx)['word/document.xml']!);
      const doc = outcomeDocuments[code];
      expect(text.split('\n').slice(0, 3)).toEqual(['示范区教育局', doc.title, '〔2026〕第7号']);
      expect(text).toContain(legalGroundOf(doc));
      expect(text).toContain('60日内，依照《中华人民共和国行政复议法》向示范区人民政府申请行政复议');
      expect(text).toContain('6个月内，依照《中华人民共和国行政诉讼法》');
      expect(text).toContain('2026年11月30日');
    },
  );

  it('keeps hostile applicant text as text: markup, entities, control characters, very long input', async () => {
    const hostile =
      '<script>alert("x")</script> & &amp; ]]> <w:p> \u0000\u0001\u0007\u001F\uFFFE\uD800 ok \'q\'';
    const long = '很长的描述'.repeat(20_000);
    const docx = await answerDocx(
      composeAnswerDocument(defaultTemplate, {
        ...facts,
        applicantName: hostile,
        request: `${long}\t${hostile}`,
        details: `第一行\n{{applicant.name}}`,
      }),
      created,
    );
    const files = unpack(docx);
    for (const [path, xml] of Object.entries(files)) expect(xmlProblems(xml), path).toEqual([]);
    const text = docxText(files['word/document.xml']!);
    expect(text).toContain('<script>alert("x")</script> & &amp; ]]> <w:p>  ok \'q\'：');
    expect(text).toContain('{{applicant.name}}');
    expect(text).toContain(long);
    expect(files['word/document.xml']).not.toContain('<script>');
  });

  it('stays well formed for any text, and keeps every character XML can hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) => {
        const files = await bodyDocument(text);
        const xml = files['word/document.xml']!;
        expect(xmlProblems(xml)).toEqual([]);
        expect(xmlProblems(files['docProps/core.xml']!)).toEqual([]);
        // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
        const kept = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
        const read = docxText(
          xml.replace(/<w:tab\/>/g, '<w:t>\t</w:t>').replace(/<w:br\/>/g, '<w:t>\n</w:t>'),
        );
        // docxText ends each paragraph with a newline; the writer turns CR and CRLF into line breaks.
        expect(read.slice(0, -1)).toBe(
          kept
            .replace(/[\uD800-\uDFFF]/g, (c, i: number, all: string) => (isPaired(all, i) ? c : ''))
            .replace(/\r\n?/g, '\n'),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('writes the same bytes for the same input', async () => {
    const content = composeAnswerDocument(defaultTemplate, facts);
    const [a, b] = [await answerDocx(content, created), await answerDocx(content, created)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(unpack(a)['docProps/core.xml']).toContain('2026-11-30T02:00:00Z');
    const later = await answerDocx(content, new Date('2026-12-01T02:00:00Z'));
    expect(Buffer.from(later).equals(Buffer.from(a))).toBe(false);
  });

  // An independent reader: Python's zipfile (CRCs, central directory) and its expat XML parser, where present.
  it.skipIf(!command('python3'))('is a valid zip of well-formed XML for an independent parser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-docx-'));
    try {
      const docx = await answerDocx(
        composeAnswerDocument(defaultTemplate, {
          ...facts,
          applicantName: '<b>&\u0001',
          outcome: 'partiallyDisclosed',
        }),
        created,
      );
      writeFileSync(join(dir, 'answer.docx'), docx);
      const script = [
        'import sys, zipfile, xml.dom.minidom as m',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        'names = z.namelist()',
        'for n in names: m.parseString(z.read(n))',
        'd = m.parseString(z.read("word/document.xml"))',
        'print(len(names), "".join(t.firstChild.data for t in d.getElementsByTagName("w:t") if t.firstChild)[:40])',
      ].join('\n');
      const out = execFileSync('python3', ['-c', script, join(dir, 'answer.docx')], { encoding: 'utf8' });
      expect(out.trim()).toBe(
        `${Object.keys(unpack(docx)).length} 示范区教育局政府信息公开申请答复书〔2026〕第7号<b>&：本机关于2026年`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // LibreOffice is not installed on every machine (it is not on the development container): when it is, the file
  // must convert to PDF and the PDF's text must hold the letter.
  const soffice = command('soffice') ?? command('libreoffice');
  it.skipIf(!soffice || !command('pdftotext'))('opens in LibreOffice and converts to PDF', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-docx-'));
    try {
      const docx = await answerDocx(
        composeAnswerDocument(defaultTemplate, { ...facts, outcome: 'withheld.stateSecret' }),
        created,
      );
      writeFileSync(join(dir, 'answer.docx'), docx);
      execFileSync(
        soffice!,
        ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'answer.docx')],
        {
          timeout: 240_000,
        },
      );
      execFileSync('pdftotext', ['-layout', join(dir, 'answer.pdf'), join(dir, 'answer.txt')]);
      const text = readFileSync(join(dir, 'answer.txt'), 'utf8').replace(/\s+/g, '');
      expect(text).toContain('政府信息不予公开告知书');
      expect(text).toContain('第十四条');
      expect(text).toContain('行政复议');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
