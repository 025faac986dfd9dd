/**
 * Names of the index's facet values as the portal shows them. Keys follow the publishing capability's codes
 * (条例第二十条 items, 文种, 有效性); an unknown code is shown as it is.
 */
import { subjectCategory } from '../../../core/publishing/subjects.js';
import type { Lang } from '../i18n.js';

type Labels = Record<string, { zh: string; en: string }>;

export const ITEM_LABELS: Labels = {
  administrativeRegulation: { zh: '行政法规', en: 'Administrative regulations' },
  rule: { zh: '规章', en: 'Rules' },
  normativeDocument: { zh: '行政规范性文件', en: 'Normative documents' },
  item2: { zh: '机构职能', en: 'Functions and organisation' },
  item3: { zh: '规划计划', en: 'Plans and policies' },
  item4: { zh: '统计信息', en: 'Statistics' },
  item5: { zh: '行政许可和服务', en: 'Licensing and services' },
  item6: { zh: '行政处罚和强制', en: 'Penalties and enforcement' },
  item7: { zh: '财政预决算', en: 'Budgets and final accounts' },
  item8: { zh: '行政事业性收费', en: 'Administrative fees' },
  item9: { zh: '政府采购', en: 'Government procurement' },
  item10: { zh: '重大建设项目', en: 'Major construction projects' },
  item11: { zh: '民生保障', en: 'Social security and welfare' },
  item12: { zh: '应急管理', en: 'Emergencies' },
  item13: { zh: '监督检查', en: 'Inspections' },
  item14: { zh: '公务员招录', en: 'Civil service recruitment' },
  item15: { zh: '其他法定公开信息', en: 'Other information required by law' },
  interpretation: { zh: '政策解读', en: 'Policy interpretations' },
  response: { zh: '回应关切', en: 'Responses to public concerns' },
};

/** The 条例第二十条 clause each item comes from, for the browsing list. */
export const ITEM_CLAUSE: Record<string, string> = {
  administrativeRegulation: '（一）',
  rule: '（一）',
  normativeDocument: '（一）',
  item2: '（二）',
  item3: '（三）',
  item4: '（四）',
  item5: '（五）',
  item6: '（六）',
  item7: '（七）',
  item8: '（八）',
  item9: '（九）',
  item10: '（十）',
  item11: '（十一）',
  item12: '（十二）',
  item13: '（十三）',
  item14: '（十四）',
  item15: '（十五）',
};

export const GENRE_LABELS: Labels = {
  resolution: { zh: '决议', en: 'Resolution' },
  decision: { zh: '决定', en: 'Decision' },
  order: { zh: '命令（令）', en: 'Order' },
  communique: { zh: '公报', en: 'Communiqué' },
  announcement: { zh: '公告', en: 'Announcement' },
  publicNotice: { zh: '通告', en: 'Public notice' },
  opinion: { zh: '意见', en: 'Opinion' },
  notice: { zh: '通知', en: 'Notice' },
  circular: { zh: '通报', en: 'Circular' },
  report: { zh: '报告', en: 'Report' },
  request: { zh: '请示', en: 'Request' },
  reply: { zh: '批复', en: 'Reply' },
  motion: { zh: '议案', en: 'Motion' },
  letter: { zh: '函', en: 'Letter' },
  minutes: { zh: '纪要', en: 'Minutes' },
  other: { zh: '其他', en: 'Other' },
};

export const VALIDITY_LABELS: Labels = {
  valid: { zh: '有效', en: 'In force' },
  expired: { zh: '失效', en: 'Expired' },
  repealed: { zh: '废止', en: 'Repealed' },
  amended: { zh: '已修改', en: 'Amended' },
};

export function label(labels: Labels, code: string | null, lang: Lang): string {
  if (code === null) return '';
  return labels[code]?.[lang] ?? code;
}

/** A 主题分类 id as gov.cn pages show it (`一级\二级`); an id the tree does not know is shown as stored. */
export function subjectLabel(id: string): string {
  return subjectCategory(id)?.path ?? id;
}
