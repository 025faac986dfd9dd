/**
 * Section 四 of the template: 行政复议 and 行政诉讼, 15 columns in three groups of five (DOMAIN.md §2.5).
 */

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
