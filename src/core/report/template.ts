/**
 * The statutory annual report template (年度报告格式) as data.
 *
 * Source: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, and for older reports the
 * 2019 试行 format of 国办公开办函〔2019〕60号 (DOMAIN.md §2). Every label below is verbatim from the format;
 * readers, renderers and the checker all read this one structure, so a label is typed once.
 */

/** The two statutory layouts: "2021" (国办公开办函〔2021〕30号) and "2019" (2019 试行). */
export type TemplateId = '2021' | '2019';

/** The six sections of a report, in order (DOMAIN.md §2.2). */
export const SECTIONS = [
  { number: '一', title: '总体情况', titleEn: 'General situation' },
  { number: '二', title: '主动公开政府信息情况', titleEn: 'Proactive disclosure' },
  {
    number: '三',
    title: '收到和处理政府信息公开申请情况',
    titleEn: 'Disclosure applications received and handled',
  },
  {
    number: '四',
    title: '政府信息公开行政复议、行政诉讼情况',
    titleEn: 'Administrative reconsideration and litigation',
  },
  { number: '五', title: '存在的主要问题及改进情况', titleEn: 'Main problems and improvements' },
  { number: '六', title: '其他需要报告的事项', titleEn: 'Other matters to report' },
] as const;

// ---------------------------------------------------------------------------------------------------------
// Section 二: the four 第二十条 tables (DOMAIN.md §2.3).

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

// ---------------------------------------------------------------------------------------------------------
// Section 三: the applications table, 7 applicant columns × 25 data rows (DOMAIN.md §2.4).

/** The top-left cell of the table, stating its own arithmetic (勾稽关系). */
export const APPLICATIONS_TABLE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The header spanning the seven numeric columns. */
export const APPLICANT_HEADER = '申请人情况';
/** The group header over the five organisation columns; there is no subtotal column for it. */
export const ORGANISATION_GROUP = '法人或其他组织';

/** The seven numeric columns of table 三, in printed order; the index is the position in each JSON row. */
export const APPLICANT_COLUMNS = [
  {
    index: 0,
    key: 'naturalPerson',
    label: '自然人',
    labelEn: 'Natural persons',
    shortEn: 'Natural',
    grouped: false,
  },
  {
    index: 1,
    key: 'commercialEnterprise',
    label: '商业企业',
    labelEn: 'Commercial enterprises',
    shortEn: 'Business',
    grouped: true,
  },
  {
    index: 2,
    key: 'researchInstitution',
    label: '科研机构',
    labelEn: 'Research institutions',
    shortEn: 'Research',
    grouped: true,
  },
  {
    index: 3,
    key: 'publicWelfareOrganization',
    label: '社会公益组织',
    labelEn: 'Public-welfare organisations',
    shortEn: 'Welfare',
    grouped: true,
  },
  {
    index: 4,
    key: 'legalServiceInstitution',
    label: '法律服务机构',
    labelEn: 'Legal service institutions',
    shortEn: 'Legal',
    grouped: true,
  },
  {
    index: 5,
    key: 'otherOrganization',
    label: '其他',
    labelEn: 'Other',
    shortEn: 'Other org.',
    grouped: true,
  },
  { index: 6, key: 'total', label: '总计', labelEn: 'Total', shortEn: 'Total', grouped: false },
] as const;

/** The index of the 总计 column in every row. */
export const TOTAL_COLUMN = 6;
/** The number of cells in every row of table 三. */
export const APPLICATION_ROW_WIDTH = 7;

/** What a row of table 三 is, which decides the arithmetic it takes part in (DOMAIN.md §2.6). */
export type ApplicationRowRole =
  'newReceived' | 'carriedOver' | 'outcome' | 'totalProcessed' | 'carriedForward';

/** One data row of table 三. */
export interface ApplicationRow {
  /** Row number in DOMAIN.md notation: R1, R2, R3.1 … R3.7, R4. */
  id: string;
  /** Path in the JSON contract, e.g. `applications.withheld.stateSecret`. */
  path: string;
  /** The row's own label, verbatim (e.g. `1.属于国家秘密`). */
  label: string;
  labelEn: string;
  /** The group label the row sits under, verbatim (e.g. `（三）不予公开`), if any. */
  group?: string;
  groupEn?: string;
  /** How a person names the row: `三（三）1.属于国家秘密`, `三（七）总计`, `一、本年新收…`. */
  displayName: string;
  role: ApplicationRowRole;
  /** For outcome rows: the legal ground it counts ([derived], DOMAIN.md §1.7). */
  legalBasis?: string;
  /** Rows that exist only in the 2021 format (the split 其他处理). */
  only2021?: boolean;
}

/** The group row 三、本年度办理结果 (a label over the outcome rows, no data of its own). */
export const OUTCOME_GROUP_LABEL = '三、本年度办理结果';

const WITHHELD = '（三）不予公开';
const UNABLE = '（四）无法提供';
const NOT_PROCESSED = '（五）不予处理';
const OTHER = '（六）其他处理';

function outcome(
  id: string,
  path: string,
  group: string | undefined,
  groupEn: string | undefined,
  label: string,
  labelEn: string,
  legalBasis: string,
  only2021 = false,
): ApplicationRow {
  const displayName = `三${group ?? ''}${label}`;
  return {
    id,
    path: `applications.${path}`,
    label,
    labelEn,
    ...(group ? { group, groupEn } : {}),
    displayName,
    role: 'outcome',
    legalBasis,
    ...(only2021 ? { only2021 } : {}),
  };
}

/** The 25 data rows of table 三 in printed order (labels verbatim, DOMAIN.md §2.4). */
export const APPLICATION_ROWS: readonly ApplicationRow[] = [
  {
    id: 'R1',
    path: 'applications.newReceived',
    label: '一、本年新收政府信息公开申请数量',
    labelEn: 'I. New applications received this year',
    displayName: '一、本年新收政府信息公开申请数量',
    role: 'newReceived',
  },
  {
    id: 'R2',
    path: 'applications.carriedOver',
    label: '二、上年结转政府信息公开申请数量',
    labelEn: 'II. Applications carried over from last year',
    displayName: '二、上年结转政府信息公开申请数量',
    role: 'carriedOver',
  },
  outcome(
    'R3.1',
    'disclosed',
    undefined,
    undefined,
    '（一）予以公开',
    '(1) Disclosed',
    '条例第三十六条第（二）项',
  ),
  outcome(
    'R3.2',
    'partiallyDisclosed',
    undefined,
    undefined,
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '(2) Partially disclosed (severed answers count here only)',
    '条例第三十七条',
  ),
  outcome(
    'R3.3.1',
    'withheld.stateSecret',
    WITHHELD,
    '(3) Withheld',
    '1.属于国家秘密',
    '1. State secret',
    '条例第十四条',
  ),
  outcome(
    'R3.3.2',
    'withheld.prohibitedByLaw',
    WITHHELD,
    '(3) Withheld',
    '2.其他法律行政法规禁止公开',
    '2. Prohibited by other laws or regulations',
    '条例第十四条',
  ),
  outcome(
    'R3.3.3',
    'withheld.securityStability',
    WITHHELD,
    '(3) Withheld',
    '3.危及“三安全一稳定”',
    '3. Endangers the "three securities and one stability"',
    '条例第十四条',
  ),
  outcome(
    'R3.3.4',
    'withheld.thirdPartyRights',
    WITHHELD,
    '(3) Withheld',
    '4.保护第三方合法权益',
    "4. Protects a third party's lawful rights",
    '条例第十五条、第三十二条',
  ),
  outcome(
    'R3.3.5',
    'withheld.internalAffairs',
    WITHHELD,
    '(3) Withheld',
    '5.属于三类内部事务信息',
    '5. Internal affairs (three kinds)',
    '条例第十六条第一款',
  ),
  outcome(
    'R3.3.6',
    'withheld.processInformation',
    WITHHELD,
    '(3) Withheld',
    '6.属于四类过程性信息',
    '6. Process information (four kinds)',
    '条例第十六条第二款',
  ),
  outcome(
    'R3.3.7',
    'withheld.enforcementFiles',
    WITHHELD,
    '(3) Withheld',
    '7.属于行政执法案卷',
    '7. Administrative enforcement files',
    '条例第十六条第二款',
  ),
  outcome(
    'R3.3.8',
    'withheld.administrativeQuery',
    WITHHELD,
    '(3) Withheld',
    '8.属于行政查询事项',
    '8. Administrative query matters',
    '条例第三十六条第（七）项（推定）',
  ),
  outcome(
    'R3.4.1',
    'unableToProvide.notHeld',
    UNABLE,
    '(4) Unable to provide',
    '1.本机关不掌握相关政府信息',
    '1. Not held by this agency',
    '条例第三十六条第（四）项、第（五）项',
  ),
  outcome(
    'R3.4.2',
    'unableToProvide.needsCreation',
    UNABLE,
    '(4) Unable to provide',
    '2.没有现成信息需要另行制作',
    '2. Would have to be newly created',
    '条例第三十八条',
  ),
  outcome(
    'R3.4.3',
    'unableToProvide.unclearAfterCorrection',
    UNABLE,
    '(4) Unable to provide',
    '3.补正后申请内容仍不明确',
    '3. Still unclear after correction',
    '条例第三十条',
  ),
  outcome(
    'R3.5.1',
    'notProcessed.complaint',
    NOT_PROCESSED,
    '(5) Not processed',
    '1.信访举报投诉类申请',
    '1. Petitions, reports or complaints',
    '条例第三十九条第一款',
  ),
  outcome(
    'R3.5.2',
    'notProcessed.duplicate',
    NOT_PROCESSED,
    '(5) Not processed',
    '2.重复申请',
    '2. Repeated application',
    '条例第三十六条第（六）项',
  ),
  outcome(
    'R3.5.3',
    'notProcessed.publication',
    NOT_PROCESSED,
    '(5) Not processed',
    '3.要求提供公开出版物',
    '3. Asks for published material',
    '条例第三十九条第二款',
  ),
  outcome(
    'R3.5.4',
    'notProcessed.excessive',
    NOT_PROCESSED,
    '(5) Not processed',
    '4.无正当理由大量反复申请',
    '4. Excessive repeated applications without good reason',
    '条例第三十五条',
  ),
  outcome(
    'R3.5.5',
    'notProcessed.confirmation',
    NOT_PROCESSED,
    '(5) Not processed',
    '5.要求行政机关确认或重新出具已获取信息',
    '5. Asks the agency to confirm or reissue information already obtained',
    '（条例无对应条款）',
  ),
  outcome(
    'R3.6.1',
    'otherProcessing.correctionOverdue',
    OTHER,
    '(6) Other handling',
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '1. Applicant did not correct in time without good reason; no longer processed',
    '条例第三十条',
    true,
  ),
  outcome(
    'R3.6.2',
    'otherProcessing.feeUnpaid',
    OTHER,
    '(6) Other handling',
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '2. Applicant did not pay the fee notice in time; no longer processed',
    '国办函〔2020〕109号',
    true,
  ),
  outcome('R3.6.3', 'otherProcessing.other', OTHER, '(6) Other handling', '3.其他', '3. Other', '（其他）'),
  {
    id: 'R3.7',
    path: 'applications.totalProcessed',
    label: '（七）总计',
    labelEn: '(7) Total',
    displayName: '三（七）总计',
    role: 'totalProcessed',
  },
  {
    id: 'R4',
    path: 'applications.carriedForward',
    label: '四、结转下年度继续办理',
    labelEn: 'IV. Carried forward to next year',
    displayName: '四、结转下年度继续办理',
    role: 'carriedForward',
  },
];

/** The outcome rows of table 三 (三（一）…（六）), the ones that sum to 三（七）总计. */
export const OUTCOME_ROWS: readonly ApplicationRow[] = APPLICATION_ROWS.filter(
  (row) => row.role === 'outcome',
);

/** The group labels of the outcome rows, in order, with their English names. */
export const OUTCOME_GROUPS = [
  { label: WITHHELD, labelEn: '(3) Withheld', key: 'withheld' },
  { label: UNABLE, labelEn: '(4) Unable to provide', key: 'unableToProvide' },
  { label: NOT_PROCESSED, labelEn: '(5) Not processed', key: 'notProcessed' },
  { label: OTHER, labelEn: '(6) Other handling', key: 'otherProcessing' },
] as const;

/** Finds a table-三 row by its JSON path (`applications.disclosed`). */
export function applicationRowByPath(path: string): ApplicationRow | undefined {
  return APPLICATION_ROWS.find((row) => row.path === path);
}

// ---------------------------------------------------------------------------------------------------------
// Section 四: 行政复议 and 行政诉讼, 15 columns in three groups of five (DOMAIN.md §2.5).

/** The five results of each appeal group; the last is the group's 总计. */
export const APPEAL_RESULTS = [
  { key: 'upheld', label: '结果维持', labelEn: 'Upheld' },
  { key: 'corrected', label: '结果纠正', labelEn: 'Corrected' },
  { key: 'other', label: '其他结果', labelEn: 'Other result' },
  { key: 'pending', label: '尚未审结', labelEn: 'Pending' },
  { key: 'total', label: '总计', labelEn: 'Total' },
] as const;

export type AppealResultKey = (typeof APPEAL_RESULTS)[number]['key'];

/** The three appeal groups in printed order; the two litigation groups sit under one 行政诉讼 header. */
export const APPEAL_GROUPS = [
  {
    key: 'reconsideration',
    label: '行政复议',
    labelEn: 'Administrative reconsideration',
    displayName: '行政复议',
  },
  {
    key: 'litigationDirect',
    label: '未经复议直接起诉',
    labelEn: 'Litigation without prior reconsideration',
    header: '行政诉讼',
    displayName: '行政诉讼（未经复议直接起诉）',
  },
  {
    key: 'litigationAfterReconsideration',
    label: '复议后起诉',
    labelEn: 'Litigation after reconsideration',
    header: '行政诉讼',
    displayName: '行政诉讼（复议后起诉）',
  },
] as const;

export type AppealGroupKey = (typeof APPEAL_GROUPS)[number]['key'];

// ---------------------------------------------------------------------------------------------------------
// The 2019 试行 format (国办公开办函〔2019〕60号), as far as it differs (DOMAIN.md §2.7).

/**
 * Labels printed only by the 2019 试行 format. Any of them in a report for 2021 or later means the wrong
 * template was used (DOMAIN.md §7 rule 6).
 */
export const FORMAT_2019_MARKERS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '第二十条第（九）项',
  '政府集中采购',
  '其他对外管理服务事项',
] as const;

/** How the 2019 format's section-二 tables and table 三 differ from the 2021 format's. */
export const FORMAT_2019 = {
  proactiveTables: [
    {
      caption: '第二十条第（一）项',
      columns: ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'],
      rows: ['规章', '规范性文件'],
    },
    {
      caption: '第二十条第（五）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['行政许可', '其他对外管理服务事项'],
    },
    {
      caption: '第二十条第（六）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      rows: ['行政处罚', '行政强制'],
    },
    {
      caption: '第二十条第（八）项',
      columns: ['信息内容', '上一年项目数量', '本年增/减'],
      rows: ['行政事业性收费'],
    },
    {
      caption: '第二十条第（九）项',
      columns: ['信息内容', '采购项目数量', '采购总金额'],
      rows: ['政府集中采购'],
    },
  ],
  /** In the 2019 format （六）其他处理 is one row; it is stored in `otherProcessing.other`. */
  singleOtherProcessingRow: '（六）其他处理',
} as const;

/** The first report year that must use the 2021 format (the notice is dated 2021-09-26). */
export const FIRST_YEAR_OF_2021_FORMAT = 2021;
