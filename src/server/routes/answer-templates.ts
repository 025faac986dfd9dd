import type { FastifyInstance } from 'fastify';
import { answerTemplateKinds } from '../../core/answers/templates.js';
import {
  updateAnswerTemplateInput,
  type UpdateAnswerTemplateInput,
} from '../../services/answers/answer-template-input.js';
import { getAnswerTemplate } from '../../services/answers/get-answer-template.js';
import { listAnswerTemplates } from '../../services/answers/list-answer-templates.js';
import type { Platform } from '../../services/platform/platform.js';
import { previewAnswerDocument } from '../../services/answers/preview-answer-document.js';
import { updateAnswerTemplate } from '../../services/answers/update-answer-template.js';
import { staffOf } from '../auth.js';
import { sendDocx } from '../docx-reply.js';
import { docSchema, replies, secured } from '../openapi.js';
import { z } from 'zod';
import { answerTemplateDetailReply, answerTemplateReply } from '../schemas/answers.js';
import { presentAnswerTemplate, presentAnswerTemplateVersion } from '../presenters/answer-template.js';

const params = {
  type: 'object',
  properties: {
    id: { type: 'string', description: '机关 id 或代码 / agency id or code' },
    kind: { type: 'string', enum: [...answerTemplateKinds], description: '模板类型 / template kind' },
  },
  required: ['id', 'kind'],
};
const agencyParam = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };

type KindParams = { Params: { id: string; kind: string } };

/** Answer templates (告知书 / 答复书) of an agency: list, read with history, update (validated), preview. */
export function registerAnswerTemplateRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['answer-templates'];
  app.get<{ Params: { id: string } }>(
    '/api/v1/agencies/:id/answer-templates',
    {
      schema: {
        tags,
        summary: '答复模板 / effective answer templates',
        params: agencyParam,
        security: secured,
        response: replies({
          200: z.object({ agencyId: z.string(), templates: z.array(answerTemplateReply) }),
        }),
      },
    },
    async (request) => {
      const { agencyId, templates } = await listAnswerTemplates(
        platform,
        staffOf(request),
        request.params.id,
      );
      return { agencyId, templates: templates.map(presentAnswerTemplate) };
    },
  );
  app.get<KindParams>(
    '/api/v1/agencies/:id/answer-templates/:kind',
    {
      schema: {
        tags,
        summary: '答复模板详情 / one template with its history',
        params,
        security: secured,
        response: replies({ 200: answerTemplateDetailReply }),
      },
    },
    async (request) => {
      const detail = await getAnswerTemplate(
        platform,
        staffOf(request),
        request.params.id,
        request.params.kind,
      );
      return {
        agencyId: detail.agencyId,
        template: presentAnswerTemplate(detail.template),
        placeholders: detail.placeholders,
        history: detail.history.map(presentAnswerTemplateVersion),
      };
    },
  );
  app.put<KindParams>(
    '/api/v1/agencies/:id/answer-templates/:kind',
    {
      schema: {
        tags,
        summary: '修改答复模板 / store a new version of a template',
        params,
        body: docSchema(updateAnswerTemplateInput),
        security: secured,
        response: replies({ 200: answerTemplateReply }),
      },
    },
    async (request) =>
      presentAnswerTemplate(
        await updateAnswerTemplate(
          platform,
          staffOf(request),
          request.params.id,
          request.params.kind,
          request.body as UpdateAnswerTemplateInput,
        ),
      ),
  );
  app.get<KindParams>(
    '/api/v1/agencies/:id/answer-templates/:kind/sample.docx',
    { schema: { tags, summary: '模板样张 / sample document (DOCX)', params, security: secured } },
    async (request, reply) => {
      const sample = await previewAnswerDocument(
        platform,
        staffOf(request),
        request.params.id,
        request.params.kind,
      );
      return sendDocx(reply, sample.docx, `${sample.title}（样张）`);
    },
  );
  app.post<KindParams>(
    '/api/v1/agencies/:id/answer-templates/:kind/preview',
    {
      schema: {
        tags,
        summary: '预览未保存的模板 / preview an unsaved template (DOCX)',
        params,
        body: docSchema(updateAnswerTemplateInput),
        security: secured,
      },
    },
    async (request, reply) => {
      const sample = await previewAnswerDocument(
        platform,
        staffOf(request),
        request.params.id,
        request.params.kind,
        request.body as UpdateAnswerTemplateInput,
      );
      return sendDocx(reply, sample.docx, `${sample.title}（预览）`);
    },
  );
}
