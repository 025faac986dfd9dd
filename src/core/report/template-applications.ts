/**
 * Section 三 of the template: the applications table, 7 applicant columns × 25 data rows (DOMAIN.md §2.4),
 * as data: labels verbatim, each row with its JSON path and its role in the arithmetic.
 */

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
