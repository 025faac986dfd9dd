import type { FastifyInstance } from 'fastify';
import {
  issueAnswerDocumentInput,
  type IssueAnswerDocumentInput,
} from '../../services/answers/answer-template-input.js';
import { getAnswerDocument, getAnswerDocx } from '../../services/answers/get-answer-document.js';
import { issueAnswerDocument } from '../../services/answers/issue-answer-document.js';
import type { Platform } from '../../services/platform/platform.js';
import { staffOf } from '../auth.js';
import { sendDocx } from '../docx-reply.js';
import { docSchema, replies, secured } from '../openapi.js';
import { answerDocumentReply } from '../schemas/answers.js';
import { presentAnswerDocument } from '../presenters/answer-document.js';

const params = {
  type: 'object',
  properties: {
    id: { type: 'string', description: '申请 id 或申请编号 / application id or tracking number' },
  },
  required: ['id'],
};

/**
 * The answer document of a case. Issuing takes a 文号, so it is a POST (idempotent: the same case keeps its
 * number); the GETs only read what was issued.
 */
export function registerAnswerDocumentRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['applications'];
  app.post<{ Params: { ref: string } }>(
    '/api/v1/applications/:ref/answer-document',
    {
      schema: {
        tags,
        summary: '出具答复文书（取得文号）/ issue the answer document (takes a 文号)',
        params,
        body: docSchema(issueAnswerDocumentInput),
        security: secured,
        response: replies({ 200: answerDocumentReply, 201: answerDocumentReply }),
      },
    },
    async (request, reply) => {
      const { document, created } = await issueAnswerDocument(
        platform,
        staffOf(request),
        request.params.ref,
        (request.body ?? {}) as IssueAnswerDocumentInput,
      );
      return reply.code(created ? 201 : 200).send(presentAnswerDocument(document));
    },
  );
  app.get<{ Params: { ref: string } }>(
    '/api/v1/applications/:ref/answer-document',
    {
      schema: {
        tags,
        summary: '答复文书信息与文字 / the issued answer document and its text',
        params,
        security: secured,
        response: replies({ 200: answerDocumentReply }),
      },
    },
    async (request) =>
      presentAnswerDocument(await getAnswerDocument(platform, staffOf(request), request.params.ref)),
  );
  app.get<{ Params: { ref: string } }>(
    '/api/v1/applications/:ref/answer.docx',
    {
      schema: {
        tags,
        summary: '下载答复文书 / download the answer document (DOCX)',
        params,
        security: secured,
      },
    },
    async (request, reply) => {
      const { docx, document } = await getAnswerDocx(platform, staffOf(request), request.params.ref);
      return sendDocx(reply, docx, `${document.content.title}（${document.documentNumber}）`);
    },
  );
}
