/**
 * The publishing workflow as a state machine over the event history (events.ts): draft → each review step →
 * approved → published (now or scheduled) → revised (a new version) → withdrawn. Pure: `applyDocumentEvent` returns
 * the next state or throws TRANSITION_NOT_ALLOWED / DOCUMENT_NOT_EDITABLE with the reason in Chinese and English.
 *
 * Rules enforced here, so no caller can get round them (保密法实施条例第四十二条 "先审查、后公开"):
 * - a step is decided only at its turn (no skipping), by someone who is neither the author nor a reviewer of an
 *   earlier step of the same round, unless the agency allows self-approval (then the event says so);
 * - approval needs the whole 保密审查 checklist cleared; an unsure answer must be referred (条例第十七条);
 * - only an approved (or scheduled) version is published; a published version is never edited in place — a
 *   revision is a new version that goes through the whole chain again.
 */
import { DomainError } from '../errors.js';
import {
  checklistConcerns,
  checklistLabels,
  documentEventLabels,
  type DocumentEvent,
  type ReviewChecklist,
} from './events.js';
import { documentStatusLabels, type DocumentStatus } from './record.js';
import type { ReviewStep } from './settings.js';

export interface RevisionEntry {
  version: number;
  reason: string;
  startedAt: string;
  /** When this version was published; null while it is still being revised. */
  publishedAt: string | null;
}

export interface DocumentState {
  status: DocumentStatus;
  authorId: string;
  currentVersion: number;
  publishedVersion: number | null;
  /** The chain of the review round under way (or last finished); null before the first submission. */
  chain: ReviewStep[] | null;
  /** Index of the step awaiting a decision while in review or referred. */
  step: number;
  /** Who decided the steps of this round, in order. */
  reviewers: string[];
  /** A reviewer (or the author) said a 解读 must go out with it. */
  needsInterpretation: boolean;
  scheduledAt: string | null;
  firstPublishedAt: string | null;
  lastPublishedAt: string | null;
  /** 修订记录: every revision, in order. */
  revisions: RevisionEntry[];
  withdrawnReason: string | null;
  lastAt: string;
}

/** What the agency's settings say about a new event (not needed to replay a stored history). */
export interface WorkflowPolicy {
  allowSelfApproval: boolean;
}

function refuse(state: DocumentState | null, event: DocumentEvent, zh: string, en: string): DomainError {
  const label = documentEventLabels[event.type];
  const status = state ? documentStatusLabels[state.status] : { zh: '未起草', en: 'not drafted' };
  return new DomainError(
    'TRANSITION_NOT_ALLOWED',
    `文件当前为「${status.zh}」，不能「${label.zh}」：${zh}`,
    `the document is ${status.en}; "${label.en}" is not allowed: ${en}`,
    { event: event.type, status: state?.status ?? null },
  );
}

/** The checklist problems that stop an approval: concerns found, and answers still unsure. */
export function checklistBlockers(checklist: ReviewChecklist): { concerns: string[]; unsure: string[] } {
  const concerns = checklistConcerns
    .filter((c) => checklist[c] === 'concern')
    .map((c) => checklistLabels[c].zh);
  const unsure = checklistConcerns.filter((c) => checklist[c] === 'unsure').map((c) => checklistLabels[c].zh);
  return { concerns, unsure };
}

/** Whether `by` deciding the current step would be a self-approval (the author, or an earlier step's reviewer). */
export function isSelfApproval(state: DocumentState, by: string): boolean {
  return by === state.authorId || state.reviewers.includes(by);
}

/** The next state after `event`; `policy` is given when a new event is being recorded (not on replay). */
export function applyDocumentEvent(
  state: DocumentState | null,
  event: DocumentEvent,
  policy?: WorkflowPolicy,
): DocumentState {
  const no = (zh: string, en: string) => refuse(state, event, zh, en);
  if (state === null) {
    if (event.type !== 'drafted') throw no('第一个事件必须是起草', 'the first event must be "drafted"');
    if (event.version !== 1) throw no('第一个版本为 1', 'the first version is 1');
    return {
      status: 'draft',
      authorId: event.by,
      currentVersion: 1,
      publishedVersion: null,
      chain: null,
      step: 0,
      reviewers: [],
      needsInterpretation: false,
      scheduledAt: null,
      firstPublishedAt: null,
      lastPublishedAt: null,
      revisions: [],
      withdrawnReason: null,
      lastAt: event.at,
    };
  }
  if (event.type === 'drafted') throw no('文件已经起草', 'the document already exists');
  if (event.at < state.lastAt) {
    throw no(
      `事件时间 ${event.at} 早于上一事件 ${state.lastAt}`,
      `the time ${event.at} is before ${state.lastAt}`,
    );
  }
  if (state.status === 'withdrawn') throw no('文件已撤回', 'the document was withdrawn');
  const next: DocumentState = { ...state, lastAt: event.at };
  switch (event.type) {
    case 'edited':
      if (state.status !== 'draft') {
        throw new DomainError(
          'DOCUMENT_NOT_EDITABLE',
          state.status === 'published'
            ? '已发布的版本不能直接修改：请先“开始修订”，修订稿作为新版本重新审核后发布'
            : `文件当前为「${documentStatusLabels[state.status].zh}」，只有草稿可以修改（审核中的文件须先退回）`,
          state.status === 'published'
            ? 'a published version is never edited in place: start a revision, which is reviewed again as a new version'
            : `the document is ${documentStatusLabels[state.status].en}; only a draft can be edited (return it first)`,
          { status: state.status },
        );
      }
      if (event.version !== state.currentVersion)
        throw no('只能修改当前版本', 'only the current version can be edited');
      return next;
    case 'submitted':
      if (state.status !== 'draft') throw no('只有草稿可以送审', 'only a draft can be submitted');
      if (event.version !== state.currentVersion)
        throw no('只能送审当前版本', 'only the current version can be submitted');
      if (event.chain.length === 0) throw no('审核流程至少一步', 'the review chain needs a step');
      return {
        ...next,
        status: 'inReview',
        chain: event.chain,
        step: 0,
        reviewers: [],
        needsInterpretation: false,
      };
    case 'reviewed': {
      if (state.status === 'referred') {
        throw no('正在等待保密行政管理部门或主管部门的确定意见', 'waiting for the answer of the referral');
      }
      if (state.status !== 'inReview' || state.chain === null)
        throw no('文件不在审核中', 'the document is not in review');
      if (event.step !== state.step) {
        const expected = state.chain[state.step]!.name;
        throw no(
          `当前应由「${expected}」（第 ${state.step + 1} 步）审核，不能跳过或重复审核步骤`,
          `the current step is "${expected}" (step ${state.step + 1}); steps cannot be skipped or repeated`,
        );
      }
      const self = isSelfApproval(state, event.by);
      if (self && !event.selfApproval) {
        throw no(
          event.by === state.authorId ? '起草人不能审核自己的文件' : '同一轮审核中，同一人不能审核两个步骤',
          event.by === state.authorId
            ? 'the author may not review their own document'
            : 'one person may not decide two steps of the same round',
        );
      }
      if (event.selfApproval && policy && !policy.allowSelfApproval) {
        throw no('本机关未允许自我审核', 'self-approval is not enabled for this agency');
      }
      if (event.comment.length > 2000)
        throw no('审核意见不超过 2000 字', 'the comment is at most 2000 characters');
      if (event.decision === 'return') {
        if (event.comment.trim() === '') throw no('退回须写明理由', 'a return needs a comment');
        return { ...next, status: 'draft', step: 0, reviewers: [] };
      }
      const { concerns, unsure } = checklistBlockers(event.checklist);
      if (unsure.length > 0) {
        throw no(
          `保密审查中「${unsure.join('、')}」不能确定：请报保密行政管理部门或有关主管部门确定（条例第十七条）`,
          `unsure about ${unsure.length} checklist item(s): refer to the secrecy administration or competent authority (Art. 17)`,
        );
      }
      if (concerns.length > 0) {
        throw no(
          `保密审查发现「${concerns.join('、')}」，不能通过：请退回修改`,
          `the checklist found ${concerns.length} concern(s); return the document instead`,
        );
      }
      const reviewers = [...state.reviewers, event.by];
      const needsInterpretation = state.needsInterpretation || event.checklist.needsInterpretation;
      const last = state.step === state.chain.length - 1;
      return last
        ? { ...next, status: 'approved', reviewers, needsInterpretation, step: state.step + 1 }
        : { ...next, reviewers, needsInterpretation, step: state.step + 1 };
    }
    case 'referred':
      if (state.status !== 'inReview')
        throw no('只有审核中的文件可以报请确定', 'only a document in review can be referred');
      if (event.step !== state.step) throw no('只能在当前审核步骤报请确定', 'refer at the current step');
      if (event.question.trim() === '') throw no('须写明请求确定的事项', 'state what is to be decided');
      return { ...next, status: 'referred' };
    case 'referralAnswered':
      if (state.status !== 'referred') throw no('没有等待答复的报请', 'nothing was referred');
      return event.decision === 'mayPublish'
        ? { ...next, status: 'inReview' }
        : { ...next, status: 'draft', step: 0, reviewers: [] };
    case 'scheduled':
      if (state.status !== 'approved')
        throw no('只有审核通过的文件可以定时发布', 'only an approved document can be scheduled');
      if (event.publishAt <= event.at)
        throw no('定时发布时间应晚于现在', 'the scheduled time must be in the future');
      return { ...next, status: 'scheduled', scheduledAt: event.publishAt };
    case 'scheduleCancelled':
      if (state.status !== 'scheduled') throw no('没有定时发布', 'nothing is scheduled');
      return { ...next, status: 'approved', scheduledAt: null };
    case 'published':
      if (state.status !== 'approved' && state.status !== 'scheduled') {
        throw no(
          '未经审核通过的文件不能发布（先审查、后公开）',
          'a document is published only after its review has passed (review first, then publish)',
        );
      }
      if (event.version !== state.currentVersion)
        throw no('只能发布审核通过的版本', 'only the approved version can be published');
      return {
        ...next,
        status: 'published',
        publishedVersion: event.version,
        scheduledAt: null,
        firstPublishedAt: state.firstPublishedAt ?? event.at,
        lastPublishedAt: event.at,
        revisions: state.revisions.map((r) =>
          r.version === event.version ? { ...r, publishedAt: event.at } : r,
        ),
      };
    case 'revisionStarted':
      if (state.status !== 'published')
        throw no('只有已发布的文件可以修订', 'only a published document can be revised');
      if (event.version !== state.currentVersion + 1)
        throw no('修订版本号应为当前版本加一', 'the new version is the next number');
      if (event.reason.trim() === '') throw no('修订须写明理由', 'a revision needs its reason');
      return {
        ...next,
        status: 'draft',
        currentVersion: event.version,
        step: 0,
        reviewers: [],
        revisions: [
          ...state.revisions,
          { version: event.version, reason: event.reason, startedAt: event.at, publishedAt: null },
        ],
      };
    case 'withdrawn':
      if (event.reason.trim() === '') throw no('撤回须写明理由', 'a withdrawal needs its reason');
      return { ...next, status: 'withdrawn', scheduledAt: null, withdrawnReason: event.reason };
  }
}

/** Replays a stored history (trusted: self-approval flags are taken as recorded). */
export function replayDocument(events: readonly DocumentEvent[]): DocumentState {
  let state: DocumentState | null = null;
  for (const event of events) state = applyDocumentEvent(state, event);
  if (state === null)
    throw new DomainError('TRANSITION_NOT_ALLOWED', '文件没有事件', 'the document has no events');
  return state;
}
