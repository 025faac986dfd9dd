/**
 * The record of one piece of government information published (or registered) under 主动公开: its 目录 metadata
 * (条例第十二条: 索引、名称、内容概述、生成日期), its 公文 elements (GB/T 9704), the 公开属性 decided at drafting
 * (国办发〔2016〕80号 一（一）), its 有效性, and where else it went out (channels). The body and attachments are
 * kept per version beside it; the workflow lives in the event history (events.ts, workflow.ts).
 */
import type { IsoDate } from '../calendar/date.js';
import type { Art20Item, Genre } from './genres.js';

/** 公开属性 (80号 一（一）): decided when the document is drafted and carried with it. */
export const disclosureAttributes = ['proactive', 'onRequest', 'withheld'] as const;
export type DisclosureAttribute = (typeof disclosureAttributes)[number];
export const disclosureLabels: Record<DisclosureAttribute, { zh: string; en: string }> = {
  proactive: { zh: '主动公开', en: 'proactive disclosure' },
  onRequest: { zh: '依申请公开', en: 'disclosed on application' },
  withheld: { zh: '不予公开', en: 'not disclosed' },
};

/** 公开范围 (the 目录's 公开对象): everyone, or the people concerned. */
export const disclosureScopes = ['public', 'specific'] as const;
export type DisclosureScope = (typeof disclosureScopes)[number];

export interface Disclosure {
  attribute: DisclosureAttribute;
  /** Required for 依申请公开 and 不予公开 ("拟不公开的，要依法依规说明理由"), e.g. 条例第十四条、第十六条. */
  reason: string | null;
  /** 公开方式, e.g. 政府网站. */
  method: string;
  scope: DisclosureScope;
}

/** 有效性 as 专栏 show it; `notApplicable` for information that is not a norm (统计信息, 公示…). */
export const validityStatuses = ['valid', 'expired', 'repealed', 'amended', 'notApplicable'] as const;
export type ValidityStatus = (typeof validityStatuses)[number];
export const validityLabels: Record<ValidityStatus, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'in force' },
  expired: { zh: '失效', en: 'expired' },
  repealed: { zh: '废止', en: 'repealed' },
  amended: { zh: '已修改', en: 'amended' },
  notApplicable: { zh: '—', en: 'not applicable' },
};

export interface Validity {
  status: ValidityStatus;
  /** 施行日期. */
  effectiveOn: IsoDate | null;
  /** 失效日期 (有效期至), for an expired norm or one with a fixed term. */
  expiresOn: IsoDate | null;
  /** 废止日期, for a repealed norm. */
  repealedOn: IsoDate | null;
  /** The document that repealed or amended this one: a document of the registry (id) and/or its 文号. */
  changedBy: { documentId: string | null; documentNumber: string | null } | null;
}

/** Where else an item was published (issue 13 item 4), so the annual report can count by channel. */
export const channelKinds = [
  'wechat',
  'weibo',
  'douyin',
  'otherNewMedia',
  'noticeBoard',
  'readingRoom',
] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const channelLabels: Record<ChannelKind, { zh: string; en: string }> = {
  wechat: { zh: '微信公众号', en: 'WeChat official account' },
  weibo: { zh: '微博', en: 'Weibo' },
  douyin: { zh: '抖音', en: 'Douyin' },
  otherNewMedia: { zh: '其他政务新媒体', en: 'other government new media' },
  noticeBoard: { zh: '公开栏', en: 'notice board' },
  readingRoom: { zh: '查阅点', en: 'public reading room' },
};

export interface ChannelPublication {
  id: string;
  channel: ChannelKind;
  /** The account or place (e.g. “示范区发布”公众号, 区档案馆查阅点). */
  name: string | null;
  publishedOn: IsoDate;
  url: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Links between documents: a 解读 explains its policy; a 回应关切 answers about a document. Shown both ways. */
export const linkKinds = ['interprets', 'respondsTo'] as const;
export type LinkKind = (typeof linkKinds)[number];

/** What an author writes and edits on a draft (a version's metadata). */
export interface DocumentMetadata {
  title: string;
  /** 发文字号, canonical (document-number.ts); null for information that is not a numbered 公文. */
  documentNumber: string | null;
  /** 发布机构 (主办机关 first); co-issuers of a 联合发文 follow. */
  issuer: string;
  coIssuers: string[];
  /** 成文日期. */
  writtenOn: IsoDate | null;
  /** 形成或者变更之日 (条例第二十六条): the 20 working days run from here; defaults to 成文日期. */
  formedOn: IsoDate;
  /** 主题分类 id (subjects.ts). */
  subjectId: string;
  genre: Genre;
  /** Free 信息类别 when the genre is `other` (工作方案, 公示…). */
  category: string | null;
  art20Item: Art20Item;
  /** A node of the agency's own 目录 tree (catalogue.ts), if the agency keeps one. */
  catalogueNodeId: string | null;
  disclosure: Disclosure;
  validity: Validity;
  keywords: string[];
  /** 内容概述 (一般不超过100字). */
  summary: string | null;
  /** The author's view whether a 解读 must go out with it (reviewers may require one too). */
  needsInterpretation: boolean;
}

/** Where a document stands in its workflow. */
export const documentStatuses = [
  'draft',
  'inReview',
  'referred',
  'approved',
  'scheduled',
  'published',
  'withdrawn',
] as const;
export type DocumentStatus = (typeof documentStatuses)[number];
export const documentStatusLabels: Record<DocumentStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'draft' },
  inReview: { zh: '审核中', en: 'in review' },
  referred: { zh: '报请确定中（条例第十七条）', en: 'referred for a decision (Art. 17)' },
  approved: { zh: '审核通过待发布', en: 'approved, not yet published' },
  scheduled: { zh: '定时发布', en: 'scheduled' },
  published: { zh: '已发布', en: 'published' },
  withdrawn: { zh: '已撤回', en: 'withdrawn' },
};

/** The stored record: metadata of the working version plus the projection of the history. */
export interface DocumentRecord {
  id: string;
  agencyId: string;
  /** 索引号, assigned when the document is registered; never changes. */
  indexNumber: string;
  metadata: DocumentMetadata;
  status: DocumentStatus;
  /** The version being worked on (a revision of a published document is a new version). */
  currentVersion: number;
  /** The version the public sees; null until first published. */
  publishedVersion: number | null;
  /** 发布日期 of the first publication (Beijing date) and the instant of the latest. */
  publishedOn: IsoDate | null;
  publishedAt: string | null;
  scheduledAt: string | null;
  /** Art 26 due date for the working version while it is not published. */
  dueOn: IsoDate | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
