/**
 * Composes the text of an answer document (告知书 / 答复书) from an agency's effective templates and the facts of
 * the case. Pure: the writer (DOCX) lays the result out; the storage records it as issued.
 */
import type { Agency } from '../agency.js';
import type { IsoDate } from '../calendar/date.js';
import { outcomeOf, type OutcomeCode } from '../applications/outcomes.js';
import { formatDateArabic, formatDateHanzi } from './dates.js';
import {
  answerDocumentKindLabels,
  legalGroundOf,
  legalQuoteOf,
  outcomeDocuments,
  type AnswerDocumentKind,
} from './outcome-documents.js';
import { parseTemplate, renderTemplate } from './template-language.js';
import { placeholdersFor, type AnswerTemplate, type AnswerTemplateKind } from './templates.js';

/** What a document says about its case; text fields are plain text from staff or the applicant. */
export interface AnswerFacts {
  agency: Pick<Agency, 'name' | 'code' | 'officeName' | 'address' | 'phone'>;
  /** Where 行政复议 lies (see `reconsiderationBodyOf`). */
  reconsiderationBody: string;
  applicantName: string;
  trackingNumber: string | null;
  request: string;
  receivedDate: IsoDate;
  outcome: OutcomeCode;
  details: string | null;
  referralAgency: string | null;
  legalGround: string | null;
  answerDate: IsoDate;
  /** The issued 文号 (see `formatDocumentNumber`). */
  documentNumber: string;
}

/** The composed text, part by part, ready for a writer. */
export interface AnswerDocumentContent {
  outcome: OutcomeCode;
  kind: AnswerDocumentKind;
  letterhead: string[];
  title: string;
  documentNumber: string;
  /** `张三：` — the first line of the body when it ends with a colon. */
  salutation: string | null;
  paragraphs: string[];
  remedies: string[];
  signature: string[];
}

/** Looks up the effective template of a kind (agency's, inherited, or default). */
export type TemplateSource = (kind: AnswerTemplateKind) => AnswerTemplate;

function render(
  source: TemplateSource,
  kind: AnswerTemplateKind,
  field: 'title' | 'body',
  values: Map<string, string>,
) {
  const text = field === 'title' ? (source(kind).title ?? '') : source(kind).body;
  const { template, findings } = parseTemplate(text, new Set(placeholdersFor(kind)));
  // Stored templates were validated on save; a failure here means the store was changed behind our back.
  if (findings.length > 0)
    throw new Error(`stored answer template ${kind} is invalid: ${findings[0]!.messageEn}`);
  return renderTemplate(template, values);
}

/** Paragraphs of rendered text: one per line, blank lines dropped, trailing spaces trimmed. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** The 文号 for `number` in `year`, e.g. `〔2026〕第7号`. */
export function formatDocumentNumber(
  source: TemplateSource,
  agency: Pick<Agency, 'name' | 'code'>,
  year: number,
  number: number | string,
): string {
  const values = new Map([
    ['agency.name', agency.name],
    ['agency.code', agency.code],
    ['year', String(year)],
    ['number', String(number)],
  ]);
  return render(source, 'documentNumber', 'body', values).trim();
}

/** The values every placeholder takes for one case. */
export function answerValues(facts: AnswerFacts): Map<string, string> {
  const doc = outcomeDocuments[facts.outcome];
  const kindName = answerDocumentKindLabels[doc.kind];
  return new Map<string, string>([
    ['agency.name', facts.agency.name],
    ['agency.code', facts.agency.code],
    ['agency.officeName', facts.agency.officeName ?? ''],
    ['agency.address', facts.agency.address ?? ''],
    ['agency.phone', facts.agency.phone ?? ''],
    ['applicant.name', facts.applicantName],
    ['application.trackingNumber', facts.trackingNumber ?? ''],
    ['application.request', facts.request],
    ['application.receivedDate', formatDateArabic(facts.receivedDate)],
    ['application.receivedDateHanzi', formatDateHanzi(facts.receivedDate)],
    ['answer.number', facts.documentNumber],
    ['answer.date', formatDateArabic(facts.answerDate)],
    ['answer.dateHanzi', formatDateHanzi(facts.answerDate)],
    ['answer.details', facts.details ?? ''],
    ['answer.referralAgency', facts.referralAgency ?? ''],
    ['answer.legalGround', facts.legalGround ?? ''],
    ['outcome.label', outcomeOf(facts.outcome).row.displayName],
    ['outcome.legalGround', legalGroundOf(doc)],
    ['outcome.legalQuote', legalQuoteOf(doc)],
    ['document.kindName', kindName],
    ['document.verb', kindName.slice(0, 2)],
    ['remedies.reconsiderationBody', facts.reconsiderationBody],
  ]);
}

/** Composes the document of `facts.outcome` from the agency's templates. */
export function composeAnswerDocument(source: TemplateSource, facts: AnswerFacts): AnswerDocumentContent {
  const values = answerValues(facts);
  const title = lines(render(source, facts.outcome, 'title', values)).join('');
  values.set('document.title', title);
  const body = lines(render(source, facts.outcome, 'body', values));
  const first = body[0];
  const salutation = first !== undefined && /[：:]$/.test(first) ? first : null;
  return {
    outcome: facts.outcome,
    kind: outcomeDocuments[facts.outcome].kind,
    letterhead: lines(render(source, 'letterhead', 'body', values)),
    title,
    documentNumber: facts.documentNumber,
    salutation,
    paragraphs: salutation === null ? body : body.slice(1),
    remedies: lines(render(source, 'remedies', 'body', values)),
    signature: lines(render(source, 'signature', 'body', values)),
  };
}

/** The text of a composed document, paragraph per line (for search, previews and tests). */
export function answerDocumentText(content: AnswerDocumentContent): string {
  return [
    ...content.letterhead,
    content.title,
    content.documentNumber,
    ...(content.salutation === null ? [] : [content.salutation]),
    ...content.paragraphs,
    ...content.remedies,
    ...content.signature,
  ].join('\n');
}

/** Used when no 人民政府 sits above the agency in the tree; the agency should then edit its remedies template. */
export const defaultReconsiderationBody = '本级人民政府或者上一级主管部门';

/**
 * The 行政复议 body for an agency: the nearest 人民政府 above it in the tree (行政复议法 2023 第二十四条: a local
 * government hears cases against its departments and the government one level down). Vertically managed
 * agencies (海关、税务…) go to the 上一级主管部门 instead: they edit the remedies template.
 */
export function reconsiderationBodyOf(
  agencies: readonly Pick<Agency, 'id' | 'parentId' | 'kind' | 'name'>[],
  agencyId: string,
): string {
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const seen = new Set<string>();
  let current = byId.get(agencyId);
  while (current?.parentId && !seen.has(current.id)) {
    seen.add(current.id);
    current = byId.get(current.parentId);
    if (current?.kind === 'government') return current.name;
  }
  return defaultReconsiderationBody;
}
