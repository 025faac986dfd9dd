/**
 * Renders a report as a real Word file: WordprocessingML (`word/document.xml` with `w:tbl`, `w:gridSpan` and
 * `w:vMerge` for the merged header cells of the official format) and the package parts Word needs, zipped with
 * fflate. The XML is well formed (see ../xml-well-formed.ts).
 */
import { strToU8, zipSync } from 'fflate';
import type { AnnualReport } from '../../../src/core/report/model.js';
import { reportBlocks, type Block, type LayoutCell } from './document.js';

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function paragraph(text: string, style?: string): string {
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  if (text === '') return `<w:p>${props}</w:p>`;
  return `<w:p>${props}<w:r><w:t xml:space="preserve">${escape(text)}</w:t></w:r></w:p>`;
}

function cell(text: string, span: number, merge: 'restart' | 'continue' | null): string {
  const props =
    (span > 1 ? `<w:gridSpan w:val="${span}"/>` : '') +
    (merge === 'restart' ? '<w:vMerge w:val="restart"/>' : merge === 'continue' ? '<w:vMerge/>' : '');
  return `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${props}</w:tcPr>${paragraph(text)}</w:tc>`;
}

function table(rows: readonly LayoutCell[][]): string {
  const width = Math.max(...rows.map((row) => row.reduce((n, c) => n + (c.colspan ?? 1), 0)));
  const carry: { rows: number; span: number }[] = [];
  const out: string[] = [];
  for (const row of rows) {
    const cells: string[] = [];
    let next = 0;
    for (let column = 0; column < width;) {
      const merged = carry[column];
      if (merged && merged.rows > 0) {
        merged.rows--;
        cells.push(cell('', merged.span, 'continue'));
        column += merged.span;
        continue;
      }
      const source = row[next++];
      if (source === undefined) {
        column++;
        continue;
      }
      const span = source.colspan ?? 1;
      const down = source.rowspan ?? 1;
      cells.push(cell(source.text, span, down > 1 ? 'restart' : null));
      carry[column] = { rows: down - 1, span };
      column += span;
    }
    out.push(`<w:tr>${cells.join('')}</w:tr>`);
  }
  const grid = Array.from({ length: width }, () => '<w:gridCol w:w="600"/>').join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${out.join('')}</w:tbl>`;
}

function blockXml(block: Block): string {
  switch (block.kind) {
    case 'title':
      return paragraph(block.text, 'Title');
    case 'heading':
      return paragraph(block.text, 'Heading1');
    case 'paragraph':
      return paragraph(block.text);
    case 'table':
      return table(block.rows) + paragraph('');
  }
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The `word/document.xml` of the report. */
export function renderDocumentXml(report: AnnualReport): string {
  const body = reportBlocks(report).map(blockXml).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** The report as the bytes of a .docx file. */
export function renderDocx(report: AnnualReport): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(RELS),
      'word/document.xml': strToU8(renderDocumentXml(report)),
    },
    { level: 6, mtime: new Date('2024-01-01T00:00:00Z') },
  );
}
