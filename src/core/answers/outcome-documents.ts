/**
 * What each of the 21 statutory outcomes answers with: a 答复书 (an answer that provides information) or a
 * 告知书 (a notice that it will not, or cannot, be provided), its title, the provisions it rests on and the
 * default wording of its finding. The article for each outcome follows DOMAIN.md §1.6–1.7; where that table
 * marks the link as derived (行政查询, 确认或重新出具), the choice is noted here and in docs/answers.md.
 */
import type { OutcomeCode } from '../applications/outcomes.js';
import { FEE_MEASURES, provisions, REGULATION, type Provision } from './legal-texts.js';

/** 答复书 (information provided, in whole or part) or 告知书 (everything else). */
export type AnswerDocumentKind = 'answer' | 'notice';

export const answerDocumentKindLabels: Record<AnswerDocumentKind, string> = {
  answer: '答复书',
  notice: '告知书',
};

export interface OutcomeDocument {
  kind: AnswerDocumentKind;
  /** The document title, e.g. 政府信息不予公开告知书. */
  title: string;
  /** Provisions quoted, the decisive one first. */
  provisions: readonly Provision[];
  /** Further authority cited but not quoted (e.g. 国办函〔2020〕109号). */
  alsoCites?: string;
  /** The default finding paragraph (template text; may use the answer placeholders). */
  finding: string;
}

const ANSWER_TITLE = '政府信息公开申请答复书';
const WITHHELD_TITLE = '政府信息不予公开告知书';
const NOT_PROCESSED_TITLE = '政府信息公开申请不予处理告知书';
const UNABLE_TITLE = '政府信息公开申请告知书';
const ENDED_TITLE = '政府信息公开申请终止处理告知书';
const decided = '根据{{outcome.legalGround}}的规定，';
const { art14, art36i3 } = provisions;

const withheld = (reason: string, ...grounds: Provision[]): OutcomeDocument => ({
  kind: 'notice',
  title: WITHHELD_TITLE,
  provisions: [...grounds, art36i3],
  finding: `经审查，你（单位）申请获取的政府信息${reason}。${decided}本机关决定不予公开。`,
});

/** One entry per outcome code (the compiler checks all 21 are present). */
export const outcomeDocuments: Record<OutcomeCode, OutcomeDocument> = {
  disclosed: {
    kind: 'answer',
    title: ANSWER_TITLE,
    provisions: [provisions.art36i2],
    finding: `经审查，你（单位）申请获取的政府信息属于可以公开的政府信息。${decided}本机关予以公开，{{#if answer.details}}具体如下。{{else}}现将该政府信息随本答复书一并提供。{{/if}}`,
  },
  partiallyDisclosed: {
    kind: 'answer',
    title: ANSWER_TITLE,
    provisions: [provisions.art37],
    finding: `经审查，你（单位）申请获取的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。${decided}本机关向你（单位）提供可以公开的政府信息内容，并对不予公开的内容说明理由如下。`,
  },
  'withheld.stateSecret': withheld('属于依法确定为国家秘密的政府信息', art14),
  'withheld.prohibitedByLaw': withheld('属于法律、行政法规禁止公开的政府信息', art14),
  'withheld.securityStability': withheld('公开后可能危及国家安全、公共安全、经济安全、社会稳定', art14),
  'withheld.thirdPartyRights': withheld(
    '涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害',
    provisions.art15,
  ),
  'withheld.internalAffairs': withheld(
    '属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等方面的信息）',
    provisions.art16p1,
  ),
  'withheld.processInformation': withheld(
    '属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息',
    provisions.art16p2,
  ),
  'withheld.enforcementFiles': withheld('属于行政执法案卷信息', provisions.art16p2),
  // 行政查询事项: the report format names no article; DOMAIN.md §1.7 points to the special-access regimes of
  // 第三十六条第（七）项, which tells the applicant to apply under the law that governs them.
  'withheld.administrativeQuery': {
    kind: 'notice',
    title: WITHHELD_TITLE,
    provisions: [provisions.art36i7],
    finding: `经审查，你（单位）申请获取的信息属于行政查询事项，有关法律、行政法规对该类信息的获取有特别规定。${decided}请你（单位）依照有关法律、行政法规的规定办理。`,
  },
  'unableToProvide.notHeld': {
    kind: 'notice',
    title: '政府信息不存在告知书',
    provisions: [provisions.art36i4, provisions.art36i5],
    finding: `经检索，本机关没有你（单位）所申请公开的政府信息。${decided}现告知你（单位）该政府信息不存在。{{#if answer.referralAgency}}你（单位）所申请的信息不属于本机关负责公开，负责公开该政府信息的行政机关为{{answer.referralAgency}}。{{/if}}`,
  },
  'unableToProvide.needsCreation': {
    kind: 'notice',
    title: UNABLE_TITLE,
    provisions: [provisions.art38],
    finding: `经审查，本机关没有现成的你（单位）所申请的信息，提供该信息需要对现有政府信息进行加工、分析。${decided}本机关不予提供。`,
  },
  'unableToProvide.unclearAfterCorrection': {
    kind: 'notice',
    title: UNABLE_TITLE,
    provisions: [provisions.art30],
    finding: `本机关已告知你（单位）作出补正，但补正后申请内容仍不明确，本机关无法确定你（单位）所申请的政府信息。${decided}本机关无法提供。`,
  },
  'notProcessed.complaint': {
    kind: 'notice',
    title: NOT_PROCESSED_TITLE,
    provisions: [provisions.art39p1],
    finding: `经审查，你（单位）以政府信息公开申请的形式进行信访、投诉、举报等活动。${decided}本机关不作为政府信息公开申请处理，你（单位）可以通过相应渠道提出。`,
  },
  'notProcessed.duplicate': {
    kind: 'notice',
    title: NOT_PROCESSED_TITLE,
    provisions: [provisions.art36i6],
    finding: `经审查，本机关已就你（单位）提出的政府信息公开申请作出答复，你（单位）重复申请公开相同政府信息。${decided}本机关不予重复处理。`,
  },
  'notProcessed.publication': {
    kind: 'notice',
    title: NOT_PROCESSED_TITLE,
    provisions: [provisions.art39p2],
    finding: `经审查，你（单位）的申请内容为要求行政机关提供政府公报、报刊、书籍等公开出版物。${decided}现告知获取的途径{{#if answer.details}}如下{{/if}}。`,
  },
  'notProcessed.excessive': {
    kind: 'notice',
    title: NOT_PROCESSED_TITLE,
    provisions: [provisions.art35],
    finding: `你（单位）申请公开政府信息的数量、频次明显超过合理范围，本机关已要求你（单位）说明理由，本机关认为申请理由不合理。${decided}本机关不予处理。`,
  },
  // No article of the 条例 covers this row (DOMAIN.md §1.7); a request to confirm or re-issue information the
  // applicant already holds is not a request for 政府信息 as 第二条 defines it, so 第二条 is cited.
  'notProcessed.confirmation': {
    kind: 'notice',
    title: NOT_PROCESSED_TITLE,
    provisions: [provisions.art2],
    finding: `经审查，你（单位）的申请内容为要求本机关确认或者重新出具你（单位）已获取的信息，不属于申请获取政府信息。${decided}本机关不作为政府信息公开申请处理。`,
  },
  'otherProcessing.correctionOverdue': {
    kind: 'notice',
    title: ENDED_TITLE,
    provisions: [provisions.art30],
    finding: `本机关已一次性告知你（单位）作出补正，你（单位）无正当理由逾期未补正。${decided}视为你（单位）放弃申请，本机关不再处理该政府信息公开申请。`,
  },
  'otherProcessing.feeUnpaid': {
    kind: 'notice',
    title: ENDED_TITLE,
    provisions: [provisions.art42],
    alsoCites: FEE_MEASURES,
    finding: `本机关已向你（单位）发出收费通知，你（单位）逾期未按收费通知要求缴纳信息处理费。${decided}视为你（单位）放弃申请，本机关不再处理该政府信息公开申请。`,
  },
  // 其他: the residual row (withdrawal, referrals…); the provision is what staff state in answer.details.
  'otherProcessing.other': {
    kind: 'notice',
    title: '政府信息公开申请处理告知书',
    provisions: [],
    finding: `${decided}现将你（单位）申请的处理情况告知如下。`,
  },
};

/** `《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项` (plus any further authority). */
export function legalGroundOf(doc: OutcomeDocument): string {
  const cited = REGULATION + doc.provisions.map((p) => p.article).join('、');
  return doc.alsoCites ? `${cited}和${doc.alsoCites}` : cited;
}

/** The quoted provisions as sentences: `《…条例》第十四条规定：“…”`, one per provision. */
export function legalQuoteOf(doc: OutcomeDocument): string {
  return doc.provisions.map((p) => `${REGULATION}${p.article}规定：“${p.text}”`).join('\n');
}
