/** The words of the public pages, in Chinese (default) and English (`?lang=en`). */
import type { Lang } from '../../core/report/cells.js';

export type { Lang };

/** The page language from a query string value: English only when asked for. */
export function langOf(value: unknown): Lang {
  return value === 'en' ? 'en' : 'zh';
}

const zh = {
  siteName: '政府信息公开工作平台',
  checkTitle: '年度报告检查',
  checkIntro:
    '粘贴年度报告的文字，或上传报告文件（TXT、HTML、DOCX、PDF、JSON），即可看到按官方格式（国办公开办函〔2021〕30号）读回的表格，以及每个不符合规则的单元格。',
  privacy: '上传的内容只用于本次检查，不会保存在服务器上。',
  pasteLabel: '粘贴报告文字',
  pasteHint: '从网页或文档中复制整篇报告（含表格）后粘贴到这里。',
  fileLabel: '或上传报告文件',
  fileHint: (mb: number) => `支持 TXT、HTML、DOCX、PDF、JSON，单个文件不超过 ${mb} MB。`,
  submit: '检查报告',
  languageSwitch: 'English',
  skip: '跳到主要内容',
  result: '检查结果',
  agency: '发布机关',
  year: '报告年度',
  template: '报告格式',
  format: '文件格式',
  source: '来源',
  template2021: '2021 年格式（国办公开办函〔2021〕30号）',
  template2019: '2019 年试行格式',
  unknown: '未读出',
  consistent: '未发现错误：报告数据相互一致。',
  inconsistent: (e: number) => `发现 ${e} 处错误。`,
  counts: (e: number, w: number) => `错误 ${e} 处，警告 ${w} 处`,
  findings: '发现的问题',
  noFindings: '没有发现问题。',
  error: '错误',
  warning: '警告',
  expectedActual: (expected: string, actual: string) => `应为 ${expected}，实际 ${actual}`,
  resultTitle: (title: string) => `检查结果：${title}`,
  blank: '空白',
  doubts: '读取时的疑问',
  noDoubts: '读取时没有疑问。',
  downloads: '下载结果',
  downloadJson: '下载 JSON（含检查结果）',
  downloadCsv: '下载 CSV（每个单元格一行）',
  checkAnother: '检查另一份报告',
  tablesHint:
    '用鼠标悬停或用 Tab 键聚焦任一数字，可查看它从原文何处读出。带 ✗ 的单元格有错误，带 ! 的有警告；编号对应右侧的问题列表。',
  section2: '二、主动公开政府信息情况',
  section3: '三、收到和处理政府信息公开申请情况',
  section4: '四、政府信息公开行政复议、行政诉讼情况',
  readFrom: '读取自',
  notLocated: '没有记录读取位置',
  line: (n: number) => `第 ${n} 行`,
  column: (n: number) => `第 ${n} 列`,
  page: (n: number) => `第 ${n} 页`,
  involved: '涉及此单元格',
  seeFinding: (n: number) => `见问题 ${n}`,
  cellLink: '定位到单元格',
  login: '登录',
  logout: '退出登录',
  username: '用户名',
  password: '密码',
  loginTitle: '工作人员登录',
  loginIntro: '主管部门和管理员登录后可以一次检查多份报告。',
  batch: '批量检查',
  batchTitle: '批量检查年度报告',
  batchIntro: (files: number, mb: number) =>
    `一次上传多份报告（最多 ${files} 个文件，或一个 ZIP 压缩包），合计不超过 ${mb} MB。上传的文件不会保存。`,
  batchFiles: '选择报告文件或 ZIP 压缩包',
  batchSubmit: '开始检查',
  batchResult: '批量检查结果',
  batchSummary: (n: number, bad: number) => `共 ${n} 份，其中 ${bad} 份有错误。`,
  sortBy: '排序',
  file: '文件',
  errors: '错误',
  warnings: '警告',
  status: '状态',
  view: '查看',
  unreadable: '无法读取',
  sortAsc: '升序',
  sortDesc: '降序',
  signedInAs: (u: string) => `已登录：${u}`,
  back: '返回',
  notAllowed: '只有主管部门和管理员可以批量检查报告。',
  home: '首页',
};

export type Words = typeof zh;

const en: Words = {
  siteName: 'Government Information Disclosure Platform',
  checkTitle: 'Annual report check',
  checkIntro:
    'Paste the text of an annual report or upload its file (TXT, HTML, DOCX, PDF, JSON) to see its tables read back in the official layout (国办公开办函〔2021〕30号) and every cell that breaks a rule.',
  privacy: 'What you upload is used for this check only and is not stored on the server.',
  pasteLabel: 'Paste the report text',
  pasteHint: 'Copy the whole report (tables included) from a web page or document and paste it here.',
  fileLabel: 'Or upload a report file',
  fileHint: (mb: number) => `TXT, HTML, DOCX, PDF or JSON, at most ${mb} MB.`,
  submit: 'Check the report',
  languageSwitch: '中文',
  skip: 'Skip to main content',
  result: 'Result',
  agency: 'Agency',
  year: 'Report year',
  template: 'Template',
  format: 'File format',
  source: 'Source',
  template2021: '2021 format (国办公开办函〔2021〕30号)',
  template2019: '2019 trial format',
  unknown: 'not found',
  consistent: 'No errors: the figures agree with each other.',
  inconsistent: (e: number) => `${e} error${e === 1 ? '' : 's'} found.`,
  counts: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
  findings: 'Findings',
  noFindings: 'No findings.',
  error: 'Error',
  warning: 'Warning',
  expectedActual: (expected: string, actual: string) => `expected ${expected}, actual ${actual}`,
  resultTitle: (title: string) => `Result: ${title}`,
  blank: 'blank',
  doubts: "The reader's doubts",
  noDoubts: 'The reader had no doubts.',
  downloads: 'Download the result',
  downloadJson: 'Download JSON (with findings)',
  downloadCsv: 'Download CSV (one row per cell)',
  checkAnother: 'Check another report',
  tablesHint:
    'Hover over or Tab to any number to see where in the source it was read. Cells marked ✗ have an error, ! a warning; the number refers to the list of findings.',
  section2: '2. Proactive disclosure',
  section3: '3. Disclosure applications received and handled',
  section4: '4. Administrative reconsideration and litigation',
  readFrom: 'Read from',
  notLocated: 'no source location recorded',
  line: (n: number) => `line ${n}`,
  column: (n: number) => `column ${n}`,
  page: (n: number) => `page ${n}`,
  involved: 'involves this cell',
  seeFinding: (n: number) => `see finding ${n}`,
  cellLink: 'go to the cell',
  login: 'Sign in',
  logout: 'Sign out',
  username: 'Username',
  password: 'Password',
  loginTitle: 'Staff sign-in',
  loginIntro: 'Supervising agencies and administrators can check many reports at once after signing in.',
  batch: 'Batch check',
  batchTitle: 'Check many annual reports',
  batchIntro: (files: number, mb: number) =>
    `Upload several reports at once (up to ${files} files, or one ZIP archive), ${mb} MB in all. Nothing is stored.`,
  batchFiles: 'Choose report files or a ZIP archive',
  batchSubmit: 'Check',
  batchResult: 'Batch result',
  batchSummary: (n: number, bad: number) => `${n} report${n === 1 ? '' : 's'}, ${bad} with errors.`,
  sortBy: 'Sort',
  file: 'File',
  errors: 'Errors',
  warnings: 'Warnings',
  status: 'Status',
  view: 'View',
  unreadable: 'unreadable',
  sortAsc: 'ascending',
  sortDesc: 'descending',
  signedInAs: (u: string) => `Signed in as ${u}`,
  back: 'Back',
  notAllowed: 'Only supervising agencies and administrators may check reports in bulk.',
  home: 'Home',
};

/** The words of a page in a language. */
export function words(lang: Lang): Words {
  return lang === 'en' ? en : zh;
}

/** Appends `lang=en` to a local URL when the page is in English. */
export function withLang(url: string, lang: Lang): string {
  if (lang !== 'en') return url;
  const [path, hash] = url.split('#') as [string, string | undefined];
  const joined = `${path}${path.includes('?') ? '&' : '?'}lang=en`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}
