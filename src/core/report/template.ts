/**
 * The statutory annual report template (年度报告格式) as data.
 *
 * Source: 国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》, and for older reports the
 * 2019 试行 format of 国办公开办函〔2019〕60号 (DOMAIN.md §2). Every label below is verbatim from the format;
 * readers, renderers and the checker all read this one structure, so a label is typed once. The tables are
 * in files of their own (`template-proactive.ts`, `template-applications.ts`, `template-appeals.ts`,
 * `template-2019.ts`); this module is the one to import.
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

export * from './template-proactive.js';
export * from './template-applications.js';
export * from './template-appeals.js';
export * from './template-2019.js';
