import { randomUUID } from 'node:crypto';
import type { Agency } from '../../core/agency.js';
import { addDays, yearOf, type IsoDate } from '../../core/calendar/date.js';
import type { DocumentEvent } from '../../core/publishing/events.js';
import { renderIndexNumber } from '../../core/publishing/index-number.js';
import type { DocumentMetadata } from '../../core/publishing/record.js';
import { DEFAULT_REVIEW_CHAIN } from '../../core/publishing/settings.js';
import { assertMetadata, documentNumberKey } from '../../core/publishing/validate-record.js';
import { replayDocument } from '../../core/publishing/workflow.js';
import { agenciesRepository } from '../../storage/agencies-repository.js';
import { documentLinksRepository } from '../../storage/publishing/document-links-repository.js';
import {
  documentsRepository,
  type StoredDocument,
  type StoredDocumentEvent,
} from '../../storage/publishing/documents-repository.js';
import type { Principal } from '../accounts/principal.js';
import { beijingDate } from '../applications/case-calendar.js';
import { withAudit } from '../audit/audit-trail.js';
import type { PlatformDeps } from '../platform/platform.js';
import { bodyFromText } from './body.js';
import { createDocument } from './create-document.js';
import { recordDocumentAction } from './document-actions.js';
import { indexCodeOf, settingsOf } from './publishing-settings.js';

/** The demo staff who draft and review (ids from the seeded accounts). */
export interface DemoPublishingStaff {
  author: Principal & { kind: 'staff' };
  reviewer1: Principal & { kind: 'staff' };
  reviewer2: Principal & { kind: 'staff' };
  head: Principal & { kind: 'staff' };
}

type Kind = Pick<DocumentMetadata, 'genre' | 'art20Item' | 'subjectId'> & {
  agency: string;
  prefix: string | null;
  title: (month: number) => string;
  category?: string;
};

/** What a district and its offices publish month after month. */
const KINDS: Kind[] = [
  {
    agency: 'demo-district',
    prefix: '示范府办发',
    genre: 'notice',
    art20Item: 'item15',
    subjectId: '0201',
    title: (m) => `示范区人民政府办公室关于做好${m}月份政务公开重点工作的通知`,
  },
  {
    agency: 'demo-district',
    prefix: null,
    genre: 'other',
    category: '统计信息',
    art20Item: 'item4',
    subjectId: '0303',
    title: (m) => `示范区${m}月份国民经济主要指标`,
  },
  {
    agency: 'demo-district',
    prefix: null,
    genre: 'announcement',
    art20Item: 'item9',
    subjectId: '0401',
    title: (m) => `示范区${m}月份政府集中采购项目公告`,
  },
  {
    agency: 'demo-education',
    prefix: '示教发',
    genre: 'notice',
    art20Item: 'item11',
    subjectId: '1102',
    title: (m) => `示范区教育局关于做好${m}月份校园安全工作的通知`,
  },
  {
    agency: 'demo-education',
    prefix: null,
    genre: 'other',
    category: '公示',
    art20Item: 'item14',
    subjectId: '1503',
    title: (m) => `示范区教育局${m}月份公开招聘教师拟聘用人员公示`,
  },
  {
    agency: 'demo-subdistrict',
    prefix: null,
    genre: 'publicNotice',
    art20Item: 'item13',
    subjectId: '1003',
    title: (m) => `示范街道${m}月份环境卫生检查情况通告`,
  },
];

const BODY =
  '为进一步做好相关工作，现将有关事项通知如下：\n一、提高认识，加强领导。\n二、明确责任，抓好落实。\n三、及时总结，按时报送。';

function metadataOf(kind: Kind, agency: Agency, writtenOn: IsoDate, seq: number): DocumentMetadata {
  return {
    title: kind.title(Number(writtenOn.slice(5, 7))),
    documentNumber: kind.prefix ? `${kind.prefix}〔${yearOf(writtenOn)}〕${seq}号` : null,
    issuer: agency.name,
    coIssuers: [],
    writtenOn,
    formedOn: writtenOn,
    subjectId: kind.subjectId,
    genre: kind.genre,
    category: kind.category ?? null,
    art20Item: kind.art20Item,
    catalogueNodeId: null,
    disclosure: { attribute: 'proactive', reason: null, method: '政府网站', scope: 'public' },
    validity: {
      status: 'notApplicable',
      effectiveOn: null,
      expiresOn: null,
      repealedOn: null,
      changedBy: null,
    },
    keywords: [],
    summary: null,
    needsInterpretation: false,
  };
}

const cleared = {
  stateSecret: 'clear',
  workSecret: 'clear',
  commercialSecret: 'clear',
  personalPrivacy: 'clear',
  aggregationRisk: 'clear',
  needsInterpretation: false,
} as const;

/** A history that went through the default 三级审核 and was published on `publishedOn`. */
function publishedHistory(
  staff: DemoPublishingStaff,
  writtenOn: IsoDate,
  publishedOn: IsoDate,
): DocumentEvent[] {
  const at = (date: IsoDate, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const review = (by: string, step: number, hour: number): DocumentEvent => ({
    type: 'reviewed',
    at: at(publishedOn, hour),
    by,
    step,
    decision: 'approve',
    checklist: cleared,
    comment: '同意',
    selfApproval: false,
    warnings: [],
  });
  return [
    { type: 'drafted', at: at(writtenOn, 1), by: staff.author.userId, version: 1 },
    {
      type: 'submitted',
      at: at(writtenOn, 2),
      by: staff.author.userId,
      version: 1,
      chain: DEFAULT_REVIEW_CHAIN,
    },
    review(staff.reviewer1.userId, 0, 1),
    review(staff.reviewer2.userId, 1, 2),
    review(staff.head.userId, 2, 3),
    {
      type: 'published',
      at: at(publishedOn, 6),
      by: staff.author.userId,
      version: 1,
      publishedOn,
      together: [],
    },
  ];
}

/**
 * Demo 主动公开 for the year before today: documents of the district and its offices published every month after
 * a recorded 三级审核 (several categories), a 行政规范性文件 repealed by its successor, a 政策解读 linked to its policy,
 * and a draft waiting for its second review step. Histories are the workflow's own events (checked by replaying
 * them); the last items go through the services as staff would.
 */
export async function seedDemoDocuments(deps: PlatformDeps, staff: DemoPublishingStaff): Promise<number> {
  const today = beijingDate(deps.clock());
  const tree = await agenciesRepository.listAll(deps.db);
  const byCode = new Map(tree.map((a) => [a.code, a]));
  const actor = (p: Principal & { kind: 'staff' }) => ({ actor: p.username, actorUserId: p.userId });
  const label = new Map(
    [staff.author, staff.reviewer1, staff.reviewer2, staff.head].map((p) => [p.userId, actor(p)]),
  );
  let count = 0;
  await withAudit(deps, staff.author, async (trx, record) => {
    const numbers = new Map<string, number>();
    const items: { stored: StoredDocument; versions: never[]; events: StoredDocumentEvent[] }[] = [];
    const versions: Parameters<typeof documentsRepository.insertVersion>[1][] = [];
    const make = async (
      kind: Kind,
      writtenOn: IsoDate,
      publishedOn: IsoDate,
      patch: Partial<DocumentMetadata> = {},
      id: string = randomUUID(),
    ) => {
      const agency = byCode.get(kind.agency)!;
      const settings = await settingsOf(trx, agency);
      const key = `${kind.prefix}-${yearOf(writtenOn)}`;
      const n = (numbers.get(key) ?? 0) + 1;
      numbers.set(key, n);
      const metadata = { ...metadataOf(kind, agency, writtenOn, n), ...patch };
      assertMetadata(metadata, { publishedOn });
      const history = publishedHistory(staff, writtenOn, publishedOn);
      replayDocument(history);
      const scope = indexCodeOf(agency, settings);
      const year = yearOf(writtenOn);
      const seq = await documentsRepository.nextIndexSeq(trx, scope, year);
      const last = history.at(-1)!.at;
      items.push({
        stored: {
          record: {
            id,
            agencyId: agency.id,
            indexNumber: renderIndexNumber(settings.indexTemplate, { agencyCode: scope, year, seq }),
            metadata,
            status: 'published',
            currentVersion: 1,
            publishedVersion: 1,
            publishedOn,
            publishedAt: last,
            scheduledAt: null,
            dueOn: null,
            createdBy: staff.author.username,
            createdAt: history[0]!.at,
            updatedAt: last,
          },
          indexScope: scope,
          indexYear: year,
          indexSeq: seq,
          documentNumberKey: documentNumberKey(metadata.documentNumber),
          eventCount: history.length,
        },
        versions: [],
        events: history.map((event, i) => ({
          seq: i + 1,
          event,
          ...label.get(event.by)!,
          recordedAt: event.at,
        })),
      });
      const body = bodyFromText(`${metadata.title}\n${BODY}`);
      versions.push({
        documentId: id,
        version: 1,
        metadata,
        bodyHtml: body.html,
        bodyText: body.text,
        frozen: true,
        createdAt: history[0]!.at,
        createdBy: staff.author.userId,
        updatedAt: last,
      });
      return id;
    };
    // Twelve months back from today, each kind once a month, written on a weekday and published 3–6 days later.
    for (let month = 12; month >= 1; month -= 1) {
      for (const [i, kind] of KINDS.entries()) {
        const writtenOn = addDays(today, -month * 30 + i * 2);
        await make(kind, writtenOn, addDays(writtenOn, 3 + (i % 4)));
      }
    }
    // A normative document, repealed by its successor; and a policy with its 解读.
    const normative: Kind = {
      agency: 'demo-education',
      prefix: '示教规',
      genre: 'notice',
      art20Item: 'normativeDocument',
      subjectId: '1102',
      title: () => '示范区教育局关于规范中小学课后服务收费管理的通知',
    };
    const oldOn = addDays(today, -330);
    const newOn = addDays(today, -60);
    const successor = randomUUID();
    const successorNumber = `示教规〔${yearOf(newOn)}〕${yearOf(oldOn) === yearOf(newOn) ? 2 : 1}号`;
    await make(normative, oldOn, addDays(oldOn, 5), {
      validity: {
        status: 'repealed',
        effectiveOn: addDays(oldOn, 30),
        expiresOn: null,
        repealedOn: addDays(newOn, 30),
        changedBy: { documentId: successor, documentNumber: successorNumber },
      },
    });
    await make(
      normative,
      newOn,
      addDays(newOn, 4),
      {
        title: '示范区教育局关于进一步规范中小学课后服务收费管理的通知',
        validity: {
          status: 'valid',
          effectiveOn: addDays(newOn, 30),
          expiresOn: null,
          repealedOn: null,
          changedBy: null,
        },
        needsInterpretation: true,
      },
      successor,
    );
    const interpretation = await make(
      {
        agency: 'demo-education',
        prefix: null,
        genre: 'other',
        category: '政策解读',
        art20Item: 'interpretation',
        subjectId: '1102',
        title: () => '《关于进一步规范中小学课后服务收费管理的通知》政策解读',
      },
      newOn,
      addDays(newOn, 4),
    );
    await documentsRepository.insertMany(trx, items);
    for (const v of versions) await documentsRepository.insertVersion(trx, v);
    await documentLinksRepository.add(trx, {
      fromId: interpretation,
      toId: successor,
      kind: 'interprets',
      createdAt: `${newOn}T01:30:00.000Z`,
      createdBy: staff.author.username,
    });
    count = items.length;
    record({
      action: 'system.seed',
      entityType: 'system',
      entityId: 'demo-documents',
      agencyId: byCode.get('demo-district')!.id,
      before: null,
      after: { documents: count },
    });
  });
  // A draft waiting for its second review step, made through the services as staff would.
  const draft = await createDocument(deps, staff.author, {
    agency: 'demo-district',
    metadata: {
      title: '示范区人民政府办公室关于印发示范区2027年政务公开工作要点的通知',
      documentNumber: `示范府办发〔${yearOf(today)}〕${(KINDS.length + 1) * 10}号`,
      writtenOn: addDays(today, -3),
      subjectId: '0201',
      genre: 'notice',
      art20Item: 'item15',
      disclosure: { attribute: 'proactive' },
      keywords: ['政务公开', '工作要点'],
    },
    body: `各街道办事处，区政府各部门：\n现将《示范区2027年政务公开工作要点》印发给你们，请认真贯彻落实。`,
  });
  await recordDocumentAction(deps, staff.author, draft.record.id, { type: 'submit' });
  await recordDocumentAction(deps, staff.reviewer1, draft.record.id, {
    type: 'review',
    step: 1,
    decision: 'approve',
    checklist: cleared,
    comment: '内容符合要求',
  });
  return count + 1;
}
