/**
 * A small WordprocessingML (DOCX) writer for official letters: A4 with the 版心 of GB/T 9704—2012 (156 × 225 mm,
 * top margin 37 mm, binding margin 28 mm), 正文 in 3号仿宋_GB2312 with a fixed 28.95 pt line (22 lines a page),
 * titles in 2号方正小标宋简体. Each font names a fallback (仿宋, 宋体) for machines without the GB fonts. All text is
 * escaped, so whatever a paragraph holds stays text.
 */
import { zipSync, strToU8 } from 'fflate';
import { escapeXml } from './xml.js';

/** Paragraph styles the writer defines (ids in styles.xml). */
export type DocxStyle = 'Letterhead' | 'Title' | 'DocNumber' | 'Body' | 'Salutation' | 'Signature';

export interface DocxParagraph {
  style: DocxStyle;
  text: string;
}

export interface DocxInput {
  /** Document title for the file's properties. */
  title: string;
  /** Creation time for the properties and the zip entries (passed in so output is reproducible). */
  created: Date;
  paragraphs: DocxParagraph[];
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The body font, the title font and the fallback each names in fontTable.xml. */
export const fonts = {
  body: { name: '仿宋_GB2312', fallback: '仿宋' },
  title: { name: '方正小标宋简体', fallback: '宋体' },
  latin: { name: 'Times New Roman', fallback: 'Liberation Serif' },
} as const;

const contentTypes =
  head +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  '</Types>';

const packageRels =
  head +
  `<Relationships xmlns="${PR}">` +
  `<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="${PR}/metadata/core-properties" Target="docProps/core.xml"/>` +
  `<Relationship Id="rId3" Type="${R}/extended-properties" Target="docProps/app.xml"/>` +
  '</Relationships>';

const documentRels =
  head +
  `<Relationships xmlns="${PR}">` +
  `<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rId2" Type="${R}/fontTable" Target="fontTable.xml"/>` +
  `<Relationship Id="rId3" Type="${R}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rId4" Type="${R}/footer" Target="footer1.xml"/>` +
  '</Relationships>';

const rFonts = (eastAsia: string) =>
  `<w:rFonts w:ascii="${fonts.latin.name}" w:hAnsi="${fonts.latin.name}" w:eastAsia="${eastAsia}" w:cs="${fonts.latin.name}"/>`;

/** Sizes in half-points: 3号 = 16 pt, 2号 = 22 pt, 小初 = 36 pt. Line 28.95 pt = 579 twips. */
const lineExact = '<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>';
const style = (id: string, name: string, pPr: string, rPr: string) =>
  `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/>` +
  `<w:basedOn w:val="Normal"/><w:qFormat/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;

const styles =
  head +
  `<w:styles xmlns:w="${W}">` +
  `<w:docDefaults><w:rPrDefault><w:rPr>${rFonts(fonts.body.name)}<w:sz w:val="32"/><w:szCs w:val="32"/>` +
  '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>' +
  `<w:pPrDefault><w:pPr>${lineExact}<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
  style(
    'Letterhead',
    '发文机关标志',
    '<w:spacing w:before="0" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
    `${rFonts(fonts.title.name)}<w:color w:val="C00000"/><w:sz w:val="52"/><w:szCs w:val="52"/>`,
  ) +
  style(
    'Title',
    '标题',
    '<w:spacing w:before="240" w:after="240" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/>',
    `${rFonts(fonts.title.name)}<w:sz w:val="44"/><w:szCs w:val="44"/>`,
  ) +
  style('DocNumber', '发文字号', `${lineExact}<w:jc w:val="center"/>`, '') +
  style(
    'Body',
    '正文',
    `${lineExact}<w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>`,
    '',
  ) +
  style(
    'Salutation',
    '主送',
    `<w:spacing w:before="579" w:after="0" w:line="579" w:lineRule="exact"/><w:jc w:val="left"/>`,
    '',
  ) +
  style('Signature', '署名', `${lineExact}<w:ind w:right="1280"/><w:jc w:val="right"/>`, '') +
  '</w:styles>';

const font = (f: { name: string; fallback: string }, charset: string) =>
  `<w:font w:name="${f.name}"><w:altName w:val="${f.fallback}"/><w:charset w:val="${charset}"/>` +
  '<w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';

const fontTable =
  head +
  `<w:fonts xmlns:w="${W}">` +
  font(fonts.body, '86') +
  font(fonts.title, '86') +
  font(fonts.latin, '00') +
  '</w:fonts>';

const settings =
  head +
  `<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="640"/><w:characterSpacingControl w:val="compressPunctuation"/></w:settings>`;

function paragraph(p: DocxParagraph): string {
  // A line break inside a paragraph becomes <w:br/>; tabs become <w:tab/>.
  const runs = p.text
    .split(/\r\n?|\n/)
    .map((line, i) => {
      const parts = line.split('\t').map((part) => `<w:t xml:space="preserve">${escapeXml(part)}</w:t>`);
      return (i > 0 ? '<w:br/>' : '') + parts.join('<w:tab/>');
    })
    .join('');
  return `<w:p><w:pPr><w:pStyle w:val="${p.style}"/></w:pPr><w:r>${runs}</w:r></w:p>`;
}

/**
 * The page number: 4号 (14 pt) 宋体 Arabic digits between dashes, as GB/T 9704—2012 §7.5 sets it (centred here; the
 * standard puts odd pages right and even pages left, which a one- or two-page letter does not need).
 */
const footer =
  head +
  `<w:ftr xmlns:w="${W}" xmlns:r="${R}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>` +
  ['— ', null, ' —']
    .map((text) => {
      const rPr =
        '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>';
      if (text !== null) return `<w:r>${rPr}<w:t xml:space="preserve">${text}</w:t></w:r>`;
      return (
        `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>` +
        `<w:r>${rPr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
        `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>` +
        `<w:r>${rPr}<w:t>1</w:t></w:r>` +
        `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
      );
    })
    .join('') +
  '</w:p></w:ftr>';

/** A4, margins from GB/T 9704: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (twips). */
const section =
  '<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:pgSz w:w="11906" w:h="16838"/>' +
  '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="992" w:gutter="0"/>' +
  '<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>';

function documentXml(paragraphs: DocxParagraph[]): string {
  return (
    head +
    `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>` +
    paragraphs.map(paragraph).join('') +
    section +
    '</w:body></w:document>'
  );
}

function coreXml(title: string, created: Date): string {
  const at = created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    head +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Gongkai</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

const appXml =
  head +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">' +
  '<Application>Gongkai</Application></Properties>';

/** The XML parts of a document, by path in the package (exposed for tests and validation). */
export function docxParts(input: DocxInput): Record<string, string> {
  return {
    '[Content_Types].xml': contentTypes,
    '_rels/.rels': packageRels,
    'docProps/core.xml': coreXml(input.title, input.created),
    'docProps/app.xml': appXml,
    'word/document.xml': documentXml(input.paragraphs),
    'word/styles.xml': styles,
    'word/fontTable.xml': fontTable,
    'word/settings.xml': settings,
    'word/footer1.xml': footer,
    'word/_rels/document.xml.rels': documentRels,
  };
}

/** The .docx file: the parts zipped (deflate), [Content_Types].xml first. */
export function writeDocx(input: DocxInput): Uint8Array {
  const parts = docxParts(input);
  // Zip times are local DOS times with a 1980 floor; use the creation time so output is reproducible.
  const mtime =
    input.created.getTime() < Date.UTC(1980, 1, 1) ? new Date(Date.UTC(1980, 1, 1)) : input.created;
  return zipSync(
    Object.fromEntries(Object.entries(parts).map(([path, xml]) => [path, [strToU8(xml), { mtime }]])),
    { level: 6 },
  );
}
