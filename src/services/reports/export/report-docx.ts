/**
 * The annual report as DOCX, laid out as agencies publish it: the title (机关名称, then 年度 +
 * 政府信息公开工作年度报告) in 2号方正小标宋简体, the six sections with their text in 3号仿宋_GB2312 and headings
 * in 黑体, the three statutory tables drawn from `core/report/layout.ts` (merged headers as the template shows
 * them, header rows repeated on a new page), GB/T 9704 page and page numbers (`documents/official-docx.ts`).
 */
import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import {
  formatLayoutValue,
  layoutValue,
  reportLayout,
  type LayoutCell,
  type LayoutTable,
} from '../../../core/report/layout.js';
import type { AnnualReport } from '../../../core/report/model.js';
import { narrativeSections, reportTitle, reportTitleLines } from '../../../core/report/narrative.js';
import {
  mmToTwips,
  officialDocument,
  officialSection,
  packDocx,
  SIZE,
  textRuns,
  TYPE_AREA_TWIPS,
} from '../../documents/official-docx.js';

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = {
  top: border,
  bottom: border,
  left: border,
  right: border,
  insideHorizontal: border,
  insideVertical: border,
};

function tableCell(report: AnnualReport, table: LayoutTable, item: LayoutCell): TableCell {
  const size = table.key === 'proactive' ? SIZE.table : SIZE.tableSmall;
  const text = item.kind === 'value' ? formatLayoutValue(layoutValue(report, item)) : item.text;
  return new TableCell({
    columnSpan: item.colSpan > 1 ? item.colSpan : undefined,
    rowSpan: item.rowSpan > 1 ? item.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    ...(item.kind === 'caption' ? { shading: { fill: 'F2F2F2', color: 'auto', type: 'clear' } } : {}),
    children: [
      new Paragraph({
        style: 'TableText',
        alignment: item.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AUTO },
        children: textRuns(text, { size, bold: item.kind === 'header' && table.key === 'proactive' }),
      }),
    ],
  });
}

function docxTable(report: AnnualReport, table: LayoutTable): Table {
  const widths = table.columnWidths.map(mmToTwips);
  return new Table({
    width: { size: TYPE_AREA_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders,
    margins: { left: 57, right: 57, top: 0, bottom: 0 },
    rows: table.rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < table.headerRows ? true : undefined,
          cantSplit: true,
          height: { value: table.key === 'proactive' ? 454 : 340, rule: HeightRule.ATLEAST },
          children: cells.map((item) => tableCell(report, table, item)),
        }),
    ),
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ style: 'Heading1Official', keepNext: true, children: textRuns(text) });
}

function body(text: string): Paragraph {
  return new Paragraph({ style: 'Body', children: textRuns(text) });
}

/** The report's blocks in printed order: title, then each section's heading, text and table. */
function reportChildren(report: AnnualReport): (Paragraph | Table)[] {
  const [agency, title] = reportTitleLines(report);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ style: 'Title', children: textRuns(agency) }),
    new Paragraph({ style: 'Title', children: textRuns(title) }),
    new Paragraph({ style: 'Body', children: [] }),
  ];
  const tables = reportLayout(report);
  narrativeSections(report).forEach((section, index) => {
    children.push(heading(section.heading));
    for (const text of section.paragraphs) children.push(body(text));
    const table = tables.find((t) => t.section === index);
    if (table) {
      children.push(docxTable(report, table));
      // Word needs a paragraph between a table and what follows.
      children.push(new Paragraph({ style: 'TableText', children: [] }));
    }
  });
  return children;
}

/** The report as .docx bytes; the same report and `created` give the same bytes. */
export async function reportDocx(report: AnnualReport, created: Date): Promise<Uint8Array> {
  const title = reportTitle(report);
  const doc = officialDocument(title, [officialSection(reportChildren(report))]);
  return packDocx(doc, { title, created });
}
