import { randomUUID } from 'node:crypto';
import { isIsoDate } from '../../core/calendar/date.js';
import { DomainError } from '../../core/errors.js';
import { linkKinds, type ChannelPublication, type LinkKind } from '../../core/publishing/record.js';
import { documentLinksRepository } from '../../storage/publishing/document-links-repository.js';
import { auditActorOf, type Principal } from '../accounts/principal.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { authorDocumentRoles } from '../policies/access.js';
import { validate } from '../platform/validate.js';
import { channelInput, linkInput, type ChannelInput, type LinkInput } from './document-input.js';
import { documentView, loadDocument, todayOf, type DocumentView } from './document-view.js';

/**
 * Links this document to another: a 政策解读 `interprets` its policy, a 回应关切 `respondsTo` a document. Both ends are
 * shown on both documents. A 解读 link needs this document to be an interpretation.
 */
export async function linkDocuments(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: LinkInput,
): Promise<DocumentView> {
  const input = validate(linkInput, raw);
  return withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
    const target = await loadDocument(trx, principal, input.target);
    if (target.stored.record.id === stored.record.id) {
      throw new DomainError('DOCUMENT_INVALID', '文件不能关联自己', 'a document cannot link to itself');
    }
    const kind: LinkKind = input.kind;
    if (kind === 'interprets' && stored.record.metadata.art20Item !== 'interpretation') {
      throw new DomainError(
        'DOCUMENT_INVALID',
        '只有“政策解读”类文件可以关联为解读：请先把本文件的第二十条事项设为政策解读',
        'only an interpretation can interpret a policy: set its item to “interpretation” first',
      );
    }
    const at = deps.clock().toISOString();
    await documentLinksRepository.add(trx, {
      fromId: stored.record.id,
      toId: target.stored.record.id,
      kind,
      createdAt: at,
      createdBy: auditActorOf(principal).label,
    });
    record({
      action: 'document.link',
      entityType: 'document',
      entityId: stored.record.id,
      agencyId: agency.id,
      before: null,
      after: { kind, to: target.stored.record.id, toIndexNumber: target.stored.record.indexNumber },
    });
    return documentView(trx, stored, agency, todayOf(deps.clock));
  });
}

export async function unlinkDocuments(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: LinkInput,
): Promise<DocumentView> {
  const input = validate(linkInput, raw);
  if (!linkKinds.includes(input.kind))
    throw new DomainError('VALIDATION_FAILED', '未知的关联类型', 'unknown link kind');
  return withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
    const target = await loadDocument(trx, principal, input.target);
    const removed = await documentLinksRepository.remove(
      trx,
      stored.record.id,
      target.stored.record.id,
      input.kind,
    );
    if (removed === 0) throw new DomainError('DOCUMENT_NOT_FOUND', '没有这个关联', 'no such link');
    record({
      action: 'document.unlink',
      entityType: 'document',
      entityId: stored.record.id,
      agencyId: agency.id,
      before: { kind: input.kind, to: target.stored.record.id },
      after: null,
    });
    return documentView(trx, stored, agency, todayOf(deps.clock));
  });
}

/** Records that a published item also went out on a channel (公众号, 微博, 公开栏…), with date and link. */
export async function addChannel(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  raw: ChannelInput,
): Promise<DocumentView> {
  const input = validate(channelInput, raw);
  if (!isIsoDate(input.publishedOn)) {
    throw new DomainError(
      'DOCUMENT_INVALID',
      `发布日期不是真实存在的日期：${input.publishedOn}`,
      `the channel date is not a real date: ${input.publishedOn}`,
    );
  }
  return withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
    if (stored.record.publishedOn === null) {
      throw new DomainError(
        'DOCUMENT_BLOCKED',
        '文件尚未发布，不能登记其他发布渠道',
        'record other channels once the document is published',
      );
    }
    if (input.publishedOn < stored.record.publishedOn) {
      throw new DomainError(
        'DOCUMENT_INVALID',
        `渠道发布日期 ${input.publishedOn} 早于文件发布日期 ${stored.record.publishedOn}`,
        `the channel date ${input.publishedOn} is before the publication date ${stored.record.publishedOn}`,
      );
    }
    const channel: ChannelPublication = {
      id: randomUUID(),
      channel: input.channel,
      name: input.name,
      publishedOn: input.publishedOn,
      url: input.url,
      recordedBy: auditActorOf(principal).label,
      recordedAt: deps.clock().toISOString(),
    };
    await documentLinksRepository.addChannel(trx, stored.record.id, agency.id, channel);
    record({
      action: 'document.channel-add',
      entityType: 'document',
      entityId: stored.record.id,
      agencyId: agency.id,
      before: null,
      after: channel,
    });
    return documentView(trx, stored, agency, todayOf(deps.clock));
  });
}

export async function removeChannel(
  deps: PlatformDeps,
  principal: Principal,
  ref: string,
  channelId: string,
): Promise<DocumentView> {
  return withAudit(deps, principal, async (trx, record) => {
    const { stored, agency } = await loadDocument(trx, principal, ref, authorDocumentRoles);
    const removed = await documentLinksRepository.removeChannel(trx, stored.record.id, channelId);
    if (removed === 0)
      throw new DomainError(
        'DOCUMENT_NOT_FOUND',
        `没有这条渠道记录：${channelId}`,
        `no such channel record: ${channelId}`,
      );
    record({
      action: 'document.channel-remove',
      entityType: 'document',
      entityId: stored.record.id,
      agencyId: agency.id,
      before: { channelId },
      after: null,
    });
    return documentView(trx, stored, agency, todayOf(deps.clock));
  });
}
