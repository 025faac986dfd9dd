/**
 * What kind of document a piece of government information is: its 文种 (《党政机关公文处理工作条例》第八条, the 15
 * kinds GB/T 9704—2012 lays out) and the item of 条例第二十条 it is published under. 第二十条（一） is split into
 * 行政法规, 规章 and 行政规范性文件, because table 二 of the annual report counts 规章 and 行政规范性文件 apart.
 */

/** The 15 statutory 文种 in the order of 第八条, plus `other` for material that is not a 公文 (工作方案, 公示, 简报…). */
export const genres = [
  'resolution',
  'decision',
  'order',
  'communique',
  'announcement',
  'publicNotice',
  'opinion',
  'notice',
  'circular',
  'report',
  'request',
  'reply',
  'motion',
  'letter',
  'minutes',
  'other',
] as const;
export type Genre = (typeof genres)[number];

/** Chinese and English names of the 文种 (docs/GLOSSARY.md). */
export const genreLabels: Record<Genre, { zh: string; en: string }> = {
  resolution: { zh: '决议', en: 'resolution' },
  decision: { zh: '决定', en: 'decision' },
  order: { zh: '命令（令）', en: 'order' },
  communique: { zh: '公报', en: 'communiqué' },
  announcement: { zh: '公告', en: 'announcement' },
  publicNotice: { zh: '通告', en: 'public notice' },
  opinion: { zh: '意见', en: 'opinion' },
  notice: { zh: '通知', en: 'notice' },
  circular: { zh: '通报', en: 'circular' },
  report: { zh: '报告', en: 'report' },
  request: { zh: '请示', en: 'request for instructions' },
  reply: { zh: '批复', en: 'official reply' },
  motion: { zh: '议案', en: 'motion' },
  letter: { zh: '函', en: 'letter' },
  minutes: { zh: '纪要', en: 'minutes' },
  other: { zh: '其他（非法定文种）', en: 'other (not a statutory kind)' },
};

/**
 * 条例第二十条 items. Item (一) is split into its three kinds; the others keep their number. `interpretation` (政策解读)
 * and `response` (回应关切) are not items of 第二十条 but are published in the same 专栏 and linked to a policy.
 */
export const art20Items = [
  'administrativeRegulation',
  'rule',
  'normativeDocument',
  'item2',
  'item3',
  'item4',
  'item5',
  'item6',
  'item7',
  'item8',
  'item9',
  'item10',
  'item11',
  'item12',
  'item13',
  'item14',
  'item15',
  'interpretation',
  'response',
] as const;
export type Art20Item = (typeof art20Items)[number];

export const art20ItemLabels: Record<Art20Item, { zh: string; en: string }> = {
  administrativeRegulation: { zh: '（一）行政法规', en: '(1) administrative regulations' },
  rule: { zh: '（一）规章', en: '(1) rules' },
  normativeDocument: { zh: '（一）行政规范性文件', en: '(1) administrative normative documents' },
  item2: {
    zh: '（二）机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
    en: '(2) functions, organisation, address, hours, contacts, heads',
  },
  item3: {
    zh: '（三）国民经济和社会发展规划、专项规划、区域规划及相关政策',
    en: '(3) development plans and related policies',
  },
  item4: { zh: '（四）国民经济和社会发展统计信息', en: '(4) statistics' },
  item5: {
    zh: '（五）办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
    en: '(5) licensing and other services: basis, conditions, procedure, results',
  },
  item6: {
    zh: '（六）实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
    en: '(6) penalties and enforcement: basis, conditions, procedure, notable decisions',
  },
  item7: { zh: '（七）财政预算、决算信息', en: '(7) budgets and final accounts' },
  item8: { zh: '（八）行政事业性收费项目及其依据、标准', en: '(8) administrative fees' },
  item9: { zh: '（九）政府集中采购项目的目录、标准及实施情况', en: '(9) government procurement' },
  item10: { zh: '（十）重大建设项目的批准和实施情况', en: '(10) major construction projects' },
  item11: {
    zh: '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
    en: '(11) poverty relief, education, health, social security, employment',
  },
  item12: {
    zh: '（十二）突发公共事件的应急预案、预警信息及应对情况',
    en: '(12) emergency plans, warnings and response',
  },
  item13: {
    zh: '（十三）环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
    en: '(13) inspections: environment, health, safety, food and drugs, quality',
  },
  item14: {
    zh: '（十四）公务员招考的职位、名额、报考条件等事项以及录用结果',
    en: '(14) civil service recruitment',
  },
  item15: {
    zh: '（十五）法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
    en: '(15) other information the law requires to be published',
  },
  interpretation: { zh: '政策解读', en: 'policy interpretation' },
  response: { zh: '回应关切', en: 'response to public concerns' },
};

/** Policy documents (政策文件): the kinds whose publication brings a 解读 with it when one is needed (三同步). */
export const policyItems: readonly Art20Item[] = [
  'administrativeRegulation',
  'rule',
  'normativeDocument',
  'item3',
  'item11',
];

/** The kinds table 二 of the annual report counts (制发, 废止, 现行有效). */
export const reportCountedItems: readonly Art20Item[] = ['rule', 'normativeDocument'];

export function isGenre(value: string): value is Genre {
  return (genres as readonly string[]).includes(value);
}

export function isArt20Item(value: string): value is Art20Item {
  return (art20Items as readonly string[]).includes(value);
}
