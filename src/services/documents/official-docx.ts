/**
 * Official documents as DOCX with the `docx` library, in the page and fonts of GB/T 9704—2012 (党政机关公文格式):
 * A4 with the 156 × 225 mm 版心 (top margin 37 mm, binding margin 28 mm), 正文 in 3号仿宋_GB2312 on a fixed
 * 28.95 pt line (22 lines a page), titles in 2号方正小标宋简体, first-level headings in 3号黑体, page numbers in
 * 4号宋体 between dashes — odd pages right, even pages left, one character in (§7.5). Each font names a fallback
 * (仿宋, 宋体, 黑体) in fontTable.xml for machines without the GB fonts. Used by answer documents and reports.
 */
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  TextRun,
  type ISectionOptions,
  type IStylesOptions,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';

/** The fonts of GB/T 9704 and the fallback each names (fontTable.xml `w:altName`). */
export const OFFICIAL_FONTS = {
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  title: { name: '方正小标宋简体', fallback: '宋体' },
  heading: { name: '黑体', fallback: 'SimHei' },
  table: { name: '宋体', fallback: 'SimSun' },
  latin: { name: 'Times New Roman', fallback: 'Liberation Serif' },
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = {
  title: 44,
  body: 32,
  pageNumber: 28,
  table: 21,
  tableSmall: 18,
  letterhead: 52,
} as const;

/** The fixed body line of 28.95 pt in twips (22 lines in the 225 mm 版心). */
export const BODY_LINE = 579;

/** Font attributes: Latin in Times New Roman, East Asian text in `eastAsia`. */
export function fontOf(eastAsia: string) {
  const latin = OFFICIAL_FONTS.latin.name;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia };
}

const mm = (v: number) => Math.round((v * 1440) / 25.4);

/** A4 with the GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twips). */
export const OFFICIAL_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 2098, right: 1474, bottom: 1984, left: 1587, header: 851, footer: 992 },
} as const;

/** The width of the 版心 in twips (156 mm). */
export const TYPE_AREA_TWIPS =
  OFFICIAL_PAGE.size.width - OFFICIAL_PAGE.margin.left - OFFICIAL_PAGE.margin.right;

/** Twips of a width in millimetres. */
export const mmToTwips = mm;

/** The paragraph styles both answer documents and reports use. */
export function officialStyles(): IStylesOptions {
  const exact = { before: 0, after: 0, line: BODY_LINE, lineRule: LineRuleType.EXACT };
  return {
    default: {
      document: {
        run: {
          font: fontOf(OFFICIAL_FONTS.body.name),
          size: SIZE.body,
          language: { value: 'en-US', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: exact, alignment: AlignmentType.JUSTIFIED },
      },
    },
    paragraphStyles: [
      {
        id: 'Letterhead',
        name: '发文机关标志',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: fontOf(OFFICIAL_FONTS.title.name), size: SIZE.letterhead, color: 'C00000' },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO },
        },
      },
      {
        id: 'Title',
        name: '标题',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: fontOf(OFFICIAL_FONTS.title.name), size: SIZE.title },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, line: 780, lineRule: LineRuleType.EXACT },
        },
      },
      {
        id: 'DocNumber',
        name: '发文字号',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact },
      },
      {
        id: 'Body',
        name: '正文',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exact, indent: { firstLine: 640 } },
      },
      {
        id: 'Heading1Official',
        name: '一级标题',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: fontOf(OFFICIAL_FONTS.heading.name) },
        paragraph: {
          alignment: AlignmentType.LEFT,
          spacing: exact,
          indent: { firstLine: 640 },
          keepNext: true,
        },
      },
      {
        id: 'Salutation',
        name: '主送',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.LEFT, spacing: { ...exact, before: BODY_LINE } },
      },
      {
        id: 'Signature',
        name: '署名',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.RIGHT, spacing: exact, indent: { right: 1280 } },
      },
      {
        id: 'TableText',
        name: '表格文字',
        basedOn: 'Normal',
        quickFormat: true,
        run: { font: fontOf(OFFICIAL_FONTS.table.name), size: SIZE.table },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO },
        },
      },
    ],
  };
}

/** `— 1 —` in 4号宋体, right on odd pages and left on even pages, one character (14 pt) in (GB/T 9704 §7.5). */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]) =>
    new TextRun({ children, font: fontOf(OFFICIAL_FONTS.table.name), size: SIZE.pageNumber });
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [run(['— ', PageNumber.CURRENT, ' —'])],
      }),
    ],
  });
}

/** The section properties of an official document: the page, and page numbers in the footers. */
export function officialSection(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: { page: OFFICIAL_PAGE },
    footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
    children,
  };
}

/** A document with the official styles and page; `evenAndOdd` footers as GB/T 9704 places page numbers. */
export function officialDocument(title: string, sections: ISectionOptions[]): Document {
  return new Document({
    title,
    creator: 'Gongkai',
    evenAndOddHeaderAndFooters: true,
    styles: officialStyles(),
    sections,
  });
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** fontTable.xml naming each GB font with its fallback, so Word and LibreOffice substitute sensibly. */
function fontTableXml(): string {
  const font = (f: { name: string; fallback: string }, charset: string) =>
    `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="${charset}"/>` +
    '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:fonts xmlns:w="${W}">` +
    font(OFFICIAL_FONTS.body, '86') +
    font(OFFICIAL_FONTS.title, '86') +
    font(OFFICIAL_FONTS.heading, '86') +
    font(OFFICIAL_FONTS.table, '86') +
    font(OFFICIAL_FONTS.latin, '00') +
    '</w:fonts>'
  );
}

function coreXml(title: string, created: Date): string {
  const at = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Gongkai</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Packs a document into .docx bytes that depend only on its content and `created`: the properties carry that
 * time (not the clock's), and the zip entries are re-stored with it, so the same input gives the same bytes
 * (an issued answer document is rebuilt byte-identically from its frozen text).
 */
export async function packDocx(doc: Document, meta: { title: string; created: Date }): Promise<Uint8Array> {
  // The title goes through the XML escape above and `docx`'s own; characters XML 1.0 cannot hold are dropped.
  const title = stripInvalidXml(meta.title);
  const packed = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreXml(title, meta.created) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  const files = unzipSync(new Uint8Array(packed));
  const mtime = meta.created.getTime() < Date.UTC(1980, 1, 1) ? new Date(Date.UTC(1980, 1, 1)) : meta.created;
  const ordered = ['[Content_Types].xml', ...Object.keys(files).filter((p) => p !== '[Content_Types].xml')];
  return zipSync(
    Object.fromEntries(ordered.map((path) => [path, [files[path]!, { mtime }]])) as Record<
      string,
      [Uint8Array, { mtime: Date }]
    >,
    { level: 6 },
  );
}

const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF). */
export function stripInvalidXml(text: string): string {
  return text.replace(INVALID_XML, '');
}

/** Paragraph runs for text with line breaks and tabs kept (a line break inside a paragraph is a `w:br`). */
export function textRuns(
  text: string,
  options: { font?: string; size?: number; bold?: boolean } = {},
): TextRun[] {
  const lines = stripInvalidXml(text.replace(/\r\n?/g, '\n')).split('\n');
  return lines.map(
    (line, i) =>
      new TextRun({
        break: i > 0 ? 1 : undefined,
        children: line.split('\t').flatMap((part, j) => (j > 0 ? [new Tab(), part] : [part])),
        ...(options.font ? { font: fontOf(options.font) } : {}),
        ...(options.size ? { size: options.size } : {}),
        ...(options.bold ? { bold: true } : {}),
      }),
  );
}
