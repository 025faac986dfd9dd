/**
 * The effective answer templates of an agency: its own current version of each kind, else the nearest ancestor's
 * (a district can set wording for all its departments), else the built-in default.
 */
import type { Agency } from '../../core/agency.js';
import {
  answerTemplateKinds,
  defaultTemplate,
  isAnswerTemplateKind,
  validateAnswerTemplate,
  type AnswerTemplate,
  type AnswerTemplateFinding,
  type AnswerTemplateKind,
} from '../../core/answers/templates.js';
import { DomainError } from '../../core/errors.js';
import {
  answerTemplatesRepository,
  type StoredAnswerTemplate,
} from '../../storage/answer-templates-repository.js';
import type { Executor } from '../../storage/executor.js';

/** One stored version of an agency's template (the history the API shows). */
export type AnswerTemplateVersion = StoredAnswerTemplate;

export interface EffectiveAnswerTemplate extends AnswerTemplate {
  /** The version of the agency whose template this is (0 for the default). */
  version: number;
  source: 'agency' | 'inherited' | 'default';
  sourceAgencyId: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The agency and its ancestors, nearest first. */
export function ancestry(tree: readonly Pick<Agency, 'id' | 'parentId'>[], agencyId: string): string[] {
  const byId = new Map(tree.map((a) => [a.id, a]));
  const chain: string[] = [];
  let current = byId.get(agencyId);
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

/** Every kind's effective template for `agencyId`. */
export async function effectiveAnswerTemplates(
  db: Executor,
  tree: readonly Pick<Agency, 'id' | 'parentId'>[],
  agencyId: string,
): Promise<Map<AnswerTemplateKind, EffectiveAnswerTemplate>> {
  const chain = ancestry(tree, agencyId);
  const stored = await answerTemplatesRepository.currentFor(db, chain);
  const result = new Map<AnswerTemplateKind, EffectiveAnswerTemplate>();
  for (const kind of answerTemplateKinds) {
    const own = chain
      .map((id) => stored.find((t) => t.agencyId === id && t.kind === kind))
      .find((t) => t !== undefined);
    result.set(
      kind,
      own
        ? {
            kind,
            title: own.title,
            body: own.body,
            version: own.version,
            source: own.agencyId === agencyId ? 'agency' : 'inherited',
            sourceAgencyId: own.agencyId,
            updatedAt: own.createdAt,
            updatedBy: own.createdBy,
          }
        : {
            ...defaultTemplate(kind),
            version: 0,
            source: 'default',
            sourceAgencyId: null,
            updatedAt: null,
            updatedBy: null,
          },
    );
  }
  return result;
}

/** The kind named in a request, or ANSWER_TEMPLATE_KIND_UNKNOWN listing the kinds there are. */
export function answerTemplateKindOf(value: string): AnswerTemplateKind {
  if (isAnswerTemplateKind(value)) return value;
  throw new DomainError(
    'ANSWER_TEMPLATE_KIND_UNKNOWN',
    `未知的答复模板类型：${value}（可用：${answerTemplateKinds.join('、')}）`,
    `unknown answer template kind: ${value} (kinds: ${answerTemplateKinds.join(', ')})`,
    { kind: value, kinds: answerTemplateKinds },
  );
}

const fieldZh = { title: '标题', body: '正文' } as const;

/** Refuses a template with findings: ANSWER_TEMPLATE_INVALID, each finding with its field, line and column. */
export function assertValidAnswerTemplate(
  kind: AnswerTemplateKind,
  template: { title: string | null; body: string },
): void {
  const findings: AnswerTemplateFinding[] = validateAnswerTemplate(kind, template);
  if (findings.length === 0) return;
  const zh = findings
    .map((f) => `${fieldZh[f.field]}第${f.line}行第${f.column}列：${f.messageZh}`)
    .join('；');
  const en = findings.map((f) => `${f.field} line ${f.line}, column ${f.column}: ${f.messageEn}`).join('; ');
  throw new DomainError(
    'ANSWER_TEMPLATE_INVALID',
    `答复模板无效（${kind}）：${zh}`,
    `invalid answer template (${kind}): ${en}`,
    {
      kind,
      findings,
    },
  );
}
