/**
 * The typed, append-only history of one document under 主动公开. Every step of the workflow is one event; the
 * status, the review round and the revision record are computed from this list (workflow.ts). `at` is the instant
 * (ISO, UTC) it was recorded, `by` the user id (or operator label) who did it.
 */
import type { IsoDate } from '../calendar/date.js';
import type { ReviewStep } from './settings.js';

/** The 保密审查 checklist of a review step: each concern cleared, found, or unsure. */
export const checklistConcerns = [
  'stateSecret',
  'workSecret',
  'commercialSecret',
  'personalPrivacy',
  'aggregationRisk',
] as const;
export type ChecklistConcern = (typeof checklistConcerns)[number];
export type ConcernAnswer = 'clear' | 'concern' | 'unsure';

export const checklistLabels: Record<ChecklistConcern | 'needsInterpretation', { zh: string; en: string }> = {
  stateSecret: { zh: '国家秘密', en: 'state secrets' },
  workSecret: { zh: '工作秘密', en: 'work secrets' },
  commercialSecret: { zh: '商业秘密', en: 'commercial secrets' },
  personalPrivacy: { zh: '个人隐私', en: 'personal privacy' },
  aggregationRisk: { zh: '数据汇聚风险', en: 'risk from aggregated data' },
  needsInterpretation: { zh: '是否需要解读', en: 'needs an interpretation' },
};

export type ReviewChecklist = Record<ChecklistConcern, ConcernAnswer> & { needsInterpretation: boolean };

/** Who decides what the agency cannot (条例第十七条第三款). */
export const referralAuthorities = ['secrecyAdministration', 'competentAuthority'] as const;
export type ReferralAuthority = (typeof referralAuthorities)[number];
export const referralAuthorityLabels: Record<ReferralAuthority, { zh: string; en: string }> = {
  secrecyAdministration: { zh: '保密行政管理部门', en: 'secrecy administration' },
  competentAuthority: { zh: '有关主管部门', en: 'competent authority' },
};

interface Base {
  at: string;
  by: string;
}

export type DocumentEvent =
  | (Base & { type: 'drafted'; version: number })
  | (Base & { type: 'edited'; version: number; fields: string[] })
  /** Sent for review; the chain in force at that moment travels with the round. */
  | (Base & { type: 'submitted'; version: number; chain: ReviewStep[] })
  | (Base & {
      type: 'reviewed';
      /** 0-based index of the step in the round's chain. */
      step: number;
      decision: 'approve' | 'return';
      checklist: ReviewChecklist;
      comment: string;
      /** The reviewer is the author or decided an earlier step of this round (allowed only when enabled). */
      selfApproval: boolean;
      /** Warnings recorded with the decision (self-approval, a reviewer's override with reason…). */
      warnings: string[];
    })
  | (Base & {
      type: 'referred';
      step: number;
      authority: ReferralAuthority;
      authorityName: string;
      question: string;
    })
  | (Base & {
      type: 'referralAnswered';
      decision: 'mayPublish' | 'mayNotPublish';
      /** 文号 or reference of the authority's answer. */
      reference: string | null;
      note: string;
    })
  | (Base & { type: 'scheduled'; publishAt: string })
  | (Base & { type: 'scheduleCancelled' })
  | (Base & {
      type: 'published';
      version: number;
      /** 发布日期 (Beijing). */
      publishedOn: IsoDate;
      /** Ids of documents published in the same step (a policy with its 解读: 三同步). */
      together: string[];
    })
  | (Base & { type: 'revisionStarted'; version: number; reason: string })
  | (Base & { type: 'withdrawn'; reason: string });

export type DocumentEventType = DocumentEvent['type'];

export const documentEventLabels: Record<DocumentEventType, { zh: string; en: string }> = {
  drafted: { zh: '起草', en: 'drafted' },
  edited: { zh: '修改草稿', en: 'draft edited' },
  submitted: { zh: '送审', en: 'submitted for review' },
  reviewed: { zh: '审核', en: 'reviewed' },
  referred: { zh: '报请确定（条例第十七条）', en: 'referred (Art. 17)' },
  referralAnswered: { zh: '收到确定意见', en: 'referral answered' },
  scheduled: { zh: '设定定时发布', en: 'scheduled' },
  scheduleCancelled: { zh: '取消定时发布', en: 'schedule cancelled' },
  published: { zh: '发布', en: 'published' },
  revisionStarted: { zh: '开始修订', en: 'revision started' },
  withdrawn: { zh: '撤回', en: 'withdrawn' },
};
