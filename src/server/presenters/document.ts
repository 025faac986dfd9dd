import type { z } from 'zod';
import { documentEventLabels } from '../../core/publishing/events.js';
import { art20ItemLabels, genreLabels } from '../../core/publishing/genres.js';
import { channelLabels, documentStatusLabels, type DocumentRecord } from '../../core/publishing/record.js';
import { subjectCategory } from '../../core/publishing/subjects.js';
import type { DocumentView } from '../../services/publishing/document-view.js';
import type { DocumentListItem } from '../../services/publishing/list-documents.js';
import type { StoredAttachment } from '../../services/publishing/document-attachments.js';
import type {
  attachmentReply,
  documentListItemReply,
  documentRecordReply,
  documentViewReply,
} from '../schemas/publishing.js';

export function presentDocument(r: DocumentRecord): z.output<typeof documentRecordReply> {
  return {
    ...r,
    statusLabel: documentStatusLabels[r.status],
    subjectPath: subjectCategory(r.metadata.subjectId)?.path ?? null,
    genreLabel: genreLabels[r.metadata.genre],
    art20ItemLabel: art20ItemLabels[r.metadata.art20Item],
  };
}

export function presentAttachment(a: StoredAttachment): z.output<typeof attachmentReply> {
  const { textContent, documentId: _doc, ...rest } = a;
  return { ...rest, hasText: textContent !== null };
}

export function presentDocumentView(v: DocumentView): z.output<typeof documentViewReply> {
  const version = (s: DocumentView['version']) => {
    const { documentId: _doc, ...rest } = s;
    return rest;
  };
  return {
    document: presentDocument(v.record),
    agency: v.agency,
    version: version(v.version),
    publishedVersion: v.publishedVersion ? version(v.publishedVersion) : null,
    attachments: v.attachments.map(presentAttachment),
    events: v.events.map((e) => ({
      seq: e.seq,
      ...e.event,
      label: documentEventLabels[e.event.type],
      actor: e.actor,
      recordedAt: e.recordedAt,
    })),
    deadline: v.deadline,
    pendingStep: v.pendingStep,
    needsInterpretation: v.state.needsInterpretation || v.record.metadata.needsInterpretation,
    links: v.links,
    channels: v.channels.map((c) => ({ ...c, channelLabel: channelLabels[c.channel] })),
    revisions: v.revisions,
    warnings: v.warnings,
  };
}

export function presentDocumentListItem(i: DocumentListItem): z.output<typeof documentListItemReply> {
  return { document: presentDocument(i.record), deadline: i.deadline };
}
