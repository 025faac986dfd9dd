import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../../core/errors.js';
import {
  documentStatuses,
  linkKinds,
  type DocumentStatus,
  type LinkKind,
} from '../../../core/publishing/record.js';
import type { Platform } from '../../../services/platform/platform.js';
import { ATTACHMENT_MAX_BYTES } from '../../../services/publishing/attachment-intake.js';
import { createDocument } from '../../../services/publishing/create-document.js';
import { publishDueDocuments, recordDocumentAction } from '../../../services/publishing/document-actions.js';
import {
  addAttachment,
  getAttachmentContent,
  removeAttachment,
} from '../../../services/publishing/document-attachments.js';
import {
  channelInput,
  createDocumentInput,
  documentActionInput,
  linkInput,
  updateDocumentInput,
  type ChannelInput,
  type CreateDocumentInput,
  type DocumentActionInput,
  type LinkInput,
  type UpdateDocumentInput,
} from '../../../services/publishing/document-input.js';
import {
  addChannel,
  linkDocuments,
  removeChannel,
  unlinkDocuments,
} from '../../../services/publishing/document-links.js';
import { getDocument } from '../../../services/publishing/get-document.js';
import {
  listDocumentDeadlines,
  listDocuments,
  type ListDocumentsQuery,
} from '../../../services/publishing/list-documents.js';
import {
  getPublishingSettings,
  setPublishingSettings,
} from '../../../services/publishing/publishing-settings.js';
import { updateDocument } from '../../../services/publishing/update-document.js';
import { staffOf } from '../../auth.js';
import { docSchema, idParam, replies, secured } from '../../openapi.js';
import {
  presentAttachment,
  presentDocumentListItem,
  presentDocumentView,
} from '../../presenters/document.js';
import {
  attachmentReply,
  documentListItemReply,
  documentPageReply,
  documentViewReply,
  duePublicationsReply,
  publishingSettingsReply,
} from '../../schemas/publishing.js';

const refParam = {
  type: 'object',
  properties: { ref: { type: 'string', description: 'id 或索引号 / id or index number' } },
  required: ['ref'],
};

const listQuery = {
  type: 'object',
  properties: {
    subtree: { type: 'boolean', description: '含下级机关 / include agencies below' },
    status: { type: 'string', enum: [...documentStatuses] },
    art20Item: { type: 'string', description: '条例第二十条事项 / Art 20 item' },
    subjectId: { type: 'string', description: '主题分类 id' },
    genre: { type: 'string', description: '文种' },
    validity: { type: 'string', description: '有效性' },
    disclosure: { type: 'string', description: '公开属性' },
    catalogueNodeId: { type: 'string', description: '本机关公开目录事项 / catalogue item' },
    from: { type: 'string', description: 'YYYY-MM-DD' },
    to: { type: 'string', description: 'YYYY-MM-DD' },
    limit: { type: 'integer', description: '1–200, 默认 50' },
    cursor: { type: 'string', description: '上一页的 nextCursor / the previous page’s nextCursor' },
  },
};

/** The attachment upload: the file name and its bytes in base64 (the JSON API takes no multipart). */
const attachmentUpload = z
  .object({ name: z.string().min(1).max(255), contentBase64: z.string().min(1) })
  .strict();

/** Staff API for 主动公开: documents, their workflow, attachments, links, channels, deadlines and settings. */
export function registerDocumentRoutes(app: FastifyInstance, platform: Platform): void {
  const tags = ['publishing'];
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/api/v1/agencies/:id/documents',
    {
      schema: {
        tags,
        summary: '机关的主动公开文件（任意筛选，按页） / documents of an agency, any filter, keyset pages',
        params: idParam,
        querystring: listQuery,
        security: secured,
        response: replies({ 200: documentPageReply }),
      },
    },
    async (request) => {
      const q = request.query;
      const query: ListDocumentsQuery = {
        agency: request.params.id,
        subtree: q.subtree === 'true',
        status: q.status as DocumentStatus | undefined,
        art20Item: q.art20Item,
        subjectId: q.subjectId,
        genre: q.genre,
        validity: q.validity,
        disclosure: q.disclosure,
        catalogueNodeId: q.catalogueNodeId,
        from: q.from,
        to: q.to,
        limit: q.limit === undefined ? undefined : Number(q.limit),
        cursor: q.cursor,
      };
      const page = await listDocuments(platform, staffOf(request), query);
      return { documents: page.items.map(presentDocumentListItem), nextCursor: page.nextCursor };
    },
  );
  app.get<{ Params: { id: string }; Querystring: Record<string, string | undefined> }>(
    '/api/v1/agencies/:id/documents/deadlines',
    {
      schema: {
        tags,
        summary: '即将到期、已逾期的主动公开（条例第二十六条） / documents due soon or overdue (Art 26)',
        params: idParam,
        querystring: {
          type: 'object',
          properties: {
            filter: { type: 'string', enum: ['dueSoon', 'overdue'] },
            subtree: { type: 'boolean' },
            withinDays: { type: 'integer', description: '工作日数（默认按本机关设置） / working days ahead' },
          },
          required: ['filter'],
        },
        security: secured,
        response: replies({ 200: z.object({ documents: z.array(documentListItemReply) }) }),
      },
    },
    async (request) => {
      const q = request.query;
      const items = await listDocumentDeadlines(platform, staffOf(request), {
        agency: request.params.id,
        subtree: q.subtree === 'true',
        filter: q.filter === 'overdue' ? 'overdue' : 'dueSoon',
        withinDays: q.withinDays === undefined ? undefined : Number(q.withinDays),
      });
      return { documents: items.map(presentDocumentListItem) };
    },
  );
  app.post(
    '/api/v1/documents',
    {
      schema: {
        tags,
        summary: '起草（登记）一份主动公开文件，取得索引号 / draft a document; it gets its 索引号',
        body: docSchema(createDocumentInput),
        security: secured,
        response: replies({ 201: documentViewReply }),
      },
    },
    async (request, reply) => {
      const view = await createDocument(platform, staffOf(request), request.body as CreateDocumentInput);
      return reply.code(201).send(presentDocumentView(view));
    },
  );
  app.get<{ Params: { ref: string } }>(
    '/api/v1/documents/:ref',
    {
      schema: {
        tags,
        summary: '文件详情：版本、事件、期限、关联、渠道、修订记录 / one document',
        params: refParam,
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) => presentDocumentView(await getDocument(platform, staffOf(request), request.params.ref)),
  );
  app.patch<{ Params: { ref: string } }>(
    '/api/v1/documents/:ref',
    {
      schema: {
        tags,
        summary: '修改草稿（已发布的版本不能直接修改） / edit the draft',
        params: refParam,
        body: docSchema(updateDocumentInput),
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) =>
      presentDocumentView(
        await updateDocument(
          platform,
          staffOf(request),
          request.params.ref,
          request.body as UpdateDocumentInput,
        ),
      ),
  );
  app.post<{ Params: { ref: string } }>(
    '/api/v1/documents/:ref/actions',
    {
      schema: {
        tags,
        summary: '送审、审核、报请确定、定时发布、发布、修订、撤回 / a workflow action',
        params: refParam,
        body: docSchema(documentActionInput),
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) =>
      presentDocumentView(
        await recordDocumentAction(
          platform,
          staffOf(request),
          request.params.ref,
          request.body as DocumentActionInput,
        ),
      ),
  );
  app.post<{ Params: { ref: string } }>(
    '/api/v1/documents/:ref/links',
    {
      schema: {
        tags,
        summary: '关联文件（解读 → 政策文件，回应关切） / link to another document',
        params: refParam,
        body: docSchema(linkInput),
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) =>
      presentDocumentView(
        await linkDocuments(platform, staffOf(request), request.params.ref, request.body as LinkInput),
      ),
  );
  app.delete<{ Params: { ref: string; kind: string; target: string } }>(
    '/api/v1/documents/:ref/links/:kind/:target',
    {
      schema: {
        tags,
        summary: '取消关联 / remove a link',
        params: {
          type: 'object',
          properties: {
            ref: { type: 'string' },
            kind: { type: 'string', enum: [...linkKinds] },
            target: { type: 'string' },
          },
          required: ['ref', 'kind', 'target'],
        },
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) =>
      presentDocumentView(
        await unlinkDocuments(platform, staffOf(request), request.params.ref, {
          target: request.params.target,
          kind: request.params.kind as LinkKind,
        }),
      ),
  );
  app.post<{ Params: { ref: string } }>(
    '/api/v1/documents/:ref/channels',
    {
      schema: {
        tags,
        summary: '登记其他发布渠道（微信公众号、微博、抖音、公开栏、查阅点…） / record another channel',
        params: refParam,
        body: docSchema(channelInput),
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) =>
      presentDocumentView(
        await addChannel(platform, staffOf(request), request.params.ref, request.body as ChannelInput),
      ),
  );
  app.delete<{ Params: { ref: string; channelId: string } }>(
    '/api/v1/documents/:ref/channels/:channelId',
    {
      schema: {
        tags,
        summary: '删除一条渠道记录 / remove a channel record',
        params: {
          type: 'object',
          properties: { ref: { type: 'string' }, channelId: { type: 'string' } },
          required: ['ref', 'channelId'],
        },
        security: secured,
        response: replies({ 200: documentViewReply }),
      },
    },
    async (request) =>
      presentDocumentView(
        await removeChannel(platform, staffOf(request), request.params.ref, request.params.channelId),
      ),
  );
  app.post<{ Params: { ref: string } }>(
    '/api/v1/documents/:ref/attachments',
    {
      // base64 is 4/3 of the bytes.
      bodyLimit: Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4096,
      schema: {
        tags,
        summary: '给草稿添加附件（文件内容用 base64） / add an attachment to the draft (base64)',
        params: refParam,
        body: docSchema(attachmentUpload),
        security: secured,
        response: replies({ 201: attachmentReply }),
      },
    },
    async (request, reply) => {
      const parsed = attachmentUpload.safeParse(request.body);
      if (!parsed.success || !/^[A-Za-z0-9+/]*={0,2}$/.test(parsed.data.contentBase64)) {
        throw new DomainError(
          'ATTACHMENT_INVALID',
          '附件应为 {name, contentBase64}，内容为 base64',
          'an attachment is {name, contentBase64} with base64 content',
        );
      }
      const bytes = new Uint8Array(Buffer.from(parsed.data.contentBase64, 'base64'));
      const attachment = await addAttachment(platform, staffOf(request), request.params.ref, {
        name: parsed.data.name,
        bytes,
      });
      return reply.code(201).send(presentAttachment(attachment));
    },
  );
  app.get<{ Params: { ref: string; attachmentId: string } }>(
    '/api/v1/documents/:ref/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '下载附件 / download an attachment',
        params: {
          type: 'object',
          properties: { ref: { type: 'string' }, attachmentId: { type: 'string' } },
          required: ['ref', 'attachmentId'],
        },
        security: secured,
        response: {
          ...replies({}),
          200: {
            description: '附件的原始内容 / the attachment bytes',
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    async (request, reply) => {
      const { attachment, bytes } = await getAttachmentContent(
        platform,
        staffOf(request),
        request.params.ref,
        request.params.attachmentId,
      );
      return reply
        .header('content-type', attachment.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(Buffer.from(bytes));
    },
  );
  app.delete<{ Params: { ref: string; attachmentId: string } }>(
    '/api/v1/documents/:ref/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: '删除草稿的附件 / remove an attachment from the draft',
        params: {
          type: 'object',
          properties: { ref: { type: 'string' }, attachmentId: { type: 'string' } },
          required: ['ref', 'attachmentId'],
        },
        security: secured,
        response: replies({ 204: null }),
      },
    },
    async (request, reply) => {
      await removeAttachment(platform, staffOf(request), request.params.ref, request.params.attachmentId);
      return reply.code(204).send();
    },
  );
  app.get<{ Params: { id: string } }>(
    '/api/v1/agencies/:id/publishing-settings',
    {
      schema: {
        tags,
        summary: '发布设置：审核流程、索引号模板、公开目录 / publishing settings',
        params: idParam,
        security: secured,
        response: replies({ 200: publishingSettingsReply }),
      },
    },
    async (request) => getPublishingSettings(platform, staffOf(request), request.params.id),
  );
  app.put<{ Params: { id: string } }>(
    '/api/v1/agencies/:id/publishing-settings',
    {
      schema: {
        tags,
        summary: '设置审核流程、自我审核、索引号模板、公开目录（管理员） / set publishing settings (admin)',
        params: idParam,
        security: secured,
        response: replies({ 200: publishingSettingsReply }),
      },
    },
    async (request) => setPublishingSettings(platform, staffOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/documents/publish-due',
    {
      schema: {
        tags,
        summary: '发布到时的定时发布文件（服务器每分钟自动执行） / publish scheduled documents that are due',
        security: secured,
        response: replies({ 200: duePublicationsReply }),
      },
    },
    async (request) => {
      const principal = staffOf(request);
      if (!principal.grants.some((g) => g.role === 'admin')) {
        throw new DomainError(
          'FORBIDDEN',
          '只有管理员可以手动执行定时发布',
          'only administrators may run the scheduler',
        );
      }
      return { results: await publishDueDocuments(platform, principal) };
    },
  );
}
