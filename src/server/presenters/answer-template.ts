import type {
  AnswerTemplateVersion,
  EffectiveAnswerTemplate,
} from '../../services/answers/answer-templates.js';

/** An answer template as the staff API shows it (templates hold no personal data). */
export function presentAnswerTemplate(t: EffectiveAnswerTemplate) {
  return {
    kind: t.kind,
    title: t.title,
    body: t.body,
    version: t.version,
    source: t.source,
    sourceAgencyId: t.sourceAgencyId,
    updatedAt: t.updatedAt,
    updatedBy: t.updatedBy,
  };
}

/** One stored version in a template's history. */
export function presentAnswerTemplateVersion(t: AnswerTemplateVersion) {
  return { version: t.version, title: t.title, body: t.body, createdAt: t.createdAt, createdBy: t.createdBy };
}
