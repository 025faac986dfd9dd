import type {
  AnswerTemplateVersion,
  EffectiveAnswerTemplate,
} from '../../services/answers/answer-templates.js';
import type { z } from 'zod';
import type { answerTemplateReply, answerTemplateVersionReply } from '../schemas/answers.js';

/** An answer template as the staff API shows it (templates hold no personal data). */
export function presentAnswerTemplate(t: EffectiveAnswerTemplate): z.output<typeof answerTemplateReply> {
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
export function presentAnswerTemplateVersion(
  t: AnswerTemplateVersion,
): z.output<typeof answerTemplateVersionReply> {
  return { version: t.version, title: t.title, body: t.body, createdAt: t.createdAt, createdBy: t.createdBy };
}
