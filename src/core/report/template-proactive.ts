/**
 * Section 二 of the template: the four 第二十条 tables of the 2021 format (DOMAIN.md §2.3), as data.
 */

/** One cell of a section-二 table: where it sits in the JSON contract and how it is labelled. */
export interface ProactiveCell {
  /** Path in the JSON contract, e.g. `proactive.regulations.issued`. */
  path: string;
  rowLabel: string;
  rowLabelEn: string;
  columnLabel: string;
  columnLabelEn: string;
  /** `count` is a non-negative integer; `tenThousandYuan` a non-negative decimal in 万元. */
  kind: 'count' | 'tenThousandYuan';
}

/** A section-二 table: its caption (第二十条第（X）项), column labels and rows of cells. */
export interface ProactiveTable {
  caption: string;
  captionEn: string;
  columns: readonly { label: string; labelEn: string }[];
  rows: readonly { label: string; labelEn: string; cells: readonly ProactiveCell[] }[];
}

const countColumns2021 = [
  { label: '本年制发件数', labelEn: 'Issued this year', key: 'issued' },
  { label: '本年废止件数', labelEn: 'Repealed this year', key: 'repealed' },
  { label: '现行有效件数', labelEn: 'In force', key: 'inForce' },
] as const;

function stockRow(key: 'regulations' | 'normativeDocuments', label: string, labelEn: string) {
  return {
    label,
    labelEn,
    cells: countColumns2021.map((column): ProactiveCell => ({
      path: `proactive.${key}.${column.key}`,
      rowLabel: label,
      rowLabelEn: labelEn,
      columnLabel: column.label,
      columnLabelEn: column.labelEn,
      kind: 'count',
    })),
  };
}

function decisionRow(key: string, label: string, labelEn: string, kind: ProactiveCell['kind'] = 'count') {
  const columnLabel = kind === 'count' ? '本年处理决定数量' : '本年收费金额（单位：万元）';
  const columnLabelEn = kind === 'count' ? 'Decisions this year' : 'Fees collected this year (10,000 yuan)';
  return {
    label,
    labelEn,
    cells: [
      { path: `proactive.${key}`, rowLabel: label, rowLabelEn: labelEn, columnLabel, columnLabelEn, kind },
    ],
  };
}

/** The four section-二 tables of the 2021 format, in printed order. */
export const PROACTIVE_TABLES: readonly ProactiveTable[] = [
  {
    caption: '第二十条第（一）项',
    captionEn: 'Art. 20(1)',
    columns: [{ label: '信息内容', labelEn: 'Information' }, ...countColumns2021],
    rows: [
      stockRow('regulations', '规章', 'Rules (规章)'),
      stockRow('normativeDocuments', '行政规范性文件', 'Administrative normative documents'),
    ],
  },
  {
    caption: '第二十条第（五）项',
    captionEn: 'Art. 20(5)',
    columns: [
      { label: '信息内容', labelEn: 'Information' },
      { label: '本年处理决定数量', labelEn: 'Decisions this year' },
    ],
    rows: [decisionRow('licensing', '行政许可', 'Administrative licensing')],
  },
  {
    caption: '第二十条第（六）项',
    captionEn: 'Art. 20(6)',
    columns: [
      { label: '信息内容', labelEn: 'Information' },
      { label: '本年处理决定数量', labelEn: 'Decisions this year' },
    ],
    rows: [
      decisionRow('penalty', '行政处罚', 'Administrative penalties'),
      decisionRow('enforcement', '行政强制', 'Administrative enforcement'),
    ],
  },
  {
    caption: '第二十条第（八）项',
    captionEn: 'Art. 20(8)',
    columns: [
      { label: '信息内容', labelEn: 'Information' },
      { label: '本年收费金额（单位：万元）', labelEn: 'Fees collected this year (10,000 yuan)' },
    ],
    rows: [decisionRow('feesTenThousandYuan', '行政事业性收费', 'Administrative fees', 'tenThousandYuan')],
  },
];

/** Every section-二 cell of the 2021 format, in printed order. */
export const PROACTIVE_CELLS: readonly ProactiveCell[] = PROACTIVE_TABLES.flatMap((table) =>
  table.rows.flatMap((row) => row.cells),
);
