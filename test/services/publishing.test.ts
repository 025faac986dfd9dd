import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.js';
import { cliOperator, type Principal } from '../../src/services/accounts/principal.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { createDocument } from '../../src/services/publishing/create-document.js';
import { publishDueDocuments, recordDocumentAction } from '../../src/services/publishing/document-actions.js';
import { addAttachment, getAttachmentContent } from '../../src/services/publishing/document-attachments.js';
import { addChannel, linkDocuments } from '../../src/services/publishing/document-links.js';
import type { DocumentView } from '../../src/services/publishing/document-view.js';
import { getDocument } from '../../src/services/publishing/get-document.js';
import { listDocumentDeadlines, listDocuments } from '../../src/services/publishing/list-documents.js';
import { setPublishingSettings } from '../../src/services/publishing/publishing-settings.js';
import { updateDocument } from '../../src/services/publishing/update-document.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { cleared, documentInput, normativeInput, person } from '../support/publishing.js';

async function refusal(promise: Promise<unknown>): Promise<{ code: string; zh: string }> {
  try {
    await promise;
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, zh: error.messageZh };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(databases)('主动公开 documents and their workflow on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let clock: { now: Date };
  let edu: string;
  let author: Principal;
  let rev1: Principal;
  let rev2: Principal;
  let boss: Principal;
  let supervisor: Principal;
  let admin: Principal;

  const allAudit = async () => {
    const out: Awaited<ReturnType<typeof listAudit>> = [];
    for (let page = await listAudit(platform, cliOperator, { limit: 500 }); page.length > 0;) {
      out.push(...page);
      page = await listAudit(platform, cliOperator, { afterSeq: page.at(-1)!.seq, limit: 500 });
    }
    return out;
  };
  const tick = () => {
    clock.now = new Date(clock.now.getTime() + 60_000);
  };
  const act = async (
    who: Principal,
    doc: DocumentView,
    action: Parameters<typeof recordDocumentAction>[3],
  ) => {
    tick();
    return recordDocumentAction(platform, who, doc.record.id, action);
  };
  /** Submits and takes a draft through the default three steps. */
  const approveAll = async (doc: DocumentView, checklist = cleared) => {
    let view = await act(author, doc, { type: 'submit' });
    view = await act(rev1, view, {
      type: 'review',
      step: 1,
      decision: 'approve',
      checklist,
      comment: '同意',
    });
    view = await act(rev2, view, {
      type: 'review',
      step: 2,
      decision: 'approve',
      checklist,
      comment: '无涉密内容',
    });
    return act(boss, view, { type: 'review', step: 3, decision: 'approve', checklist, comment: '同意发布' });
  };

  beforeAll(async () => {
    ({ platform, close, clock } = await freshPlatform(fresh));
    await seedDemo(platform);
    const agencies = Object.fromEntries(
      (await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]),
    );
    edu = agencies['demo-education']!;
    author = person('author', { role: 'registrar', agencyId: edu });
    rev1 = person('rev1', { role: 'reviewer', agencyId: edu });
    rev2 = person('rev2', { role: 'reviewer', agencyId: edu });
    boss = person('boss', { role: 'approver', agencyId: agencies['demo-district']! });
    supervisor = person('sup', { role: 'supervisor', agencyId: agencies['demo-district']! });
    admin = person('adm', { role: 'admin', agencyId: agencies['demo-district']! });
    clock.now = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Beijing
  });
  afterAll(() => close());

  it('registers a draft with a 索引号 from the agency counter and the Art 26 deadline shown', async () => {
    const doc = await createDocument(platform, author, documentInput('demo-education'));
    expect(doc.record.indexNumber).toMatch(/^DEMO-EDUCATION\/2026-\d{5}$/);
    expect(doc.record.status).toBe('draft');
    expect(doc.record.metadata.issuer).toBe('示范区教育局');
    expect(doc.record.metadata.formedOn).toBe('2026-02-27');
    // 20 working days from Friday 2026-02-27: day 1 is Saturday 2026-02-28, a 春节 make-up working day.
    expect(doc.deadline?.due).toBe('2026-03-26');
    expect(doc.deadline?.daysLeft).toBe(18);
    expect(doc.version.bodyHtml).toBe('<p>各学校：</p>\n<p>现将春季学期开学工作有关事项通知如下。</p>');
    const next = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: null }),
    );
    expect(Number(next.record.indexNumber.slice(-5))).toBe(Number(doc.record.indexNumber.slice(-5)) + 1);
  });

  it('refuses bad metadata with a clear error and stores nothing', async () => {
    const before = await listDocuments(platform, author, { agency: 'demo-education', limit: 200 });
    const cases: [Parameters<typeof documentInput>[1], string][] = [
      [{ writtenOn: '2026-02-30' }, '成文日期不是真实存在的日期'],
      [{ subjectId: '9999' }, '未知的主题分类'],
      [{ subjectId: '11' }, '请选到二级类目'],
      [{ documentNumber: '示教发〔2026〕第3号' }, '不加“第”字'],
      [{ documentNumber: '示教发〔2026〕03号' }, '不编虚位'],
      [{ disclosure: { attribute: 'withheld' } }, '须说明理由'],
      [{ art20Item: 'normativeDocument' }, '须标明有效性'],
    ];
    for (const [overrides, words] of cases) {
      const error = await refusal(
        createDocument(platform, author, documentInput('demo-education', overrides)),
      );
      expect(error.code).toBe('DOCUMENT_INVALID');
      expect(error.zh).toContain(words);
    }
    const after = await listDocuments(platform, author, { agency: 'demo-education', limit: 200 });
    expect(after.items.length).toBe(before.items.length);
  });

  it('warns about a duplicate 文号 in the agency and year, and accepts the record', async () => {
    const doc = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: '示教发[2026]3号', title: '另一份文件' }),
    );
    expect(doc.record.metadata.documentNumber).toBe('示教发〔2026〕3号');
    expect(doc.warnings.map((w) => w.zh).join()).toContain('已有相同发文字号');
  });

  it('goes through 三级审核 and publishes; the published version is frozen', async () => {
    let doc = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: '示教发〔2026〕10号' }),
    );
    doc = await approveAll(doc);
    expect(doc.record.status).toBe('approved');
    expect(doc.events.filter((e) => e.event.type === 'reviewed').map((e) => e.actor)).toEqual([
      'rev1',
      'rev2',
      'boss',
    ]);
    doc = await act(author, doc, { type: 'publish' });
    expect(doc.record.status).toBe('published');
    expect(doc.record.publishedOn).toBe('2026-03-02');
    expect(doc.record.publishedVersion).toBe(1);
    expect(doc.deadline).toBeNull();
    // Not even a direct write can change a published version.
    await expect(
      sql`update document_versions set body_text = 'changed' where document_id = ${doc.record.id}`.execute(
        platform.db,
      ),
    ).rejects.toThrow(/frozen/);
    await expect(
      sql`update document_events set type = 'x' where document_id = ${doc.record.id}`.execute(platform.db),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses self-approval, skipping a step, one person for two steps, and the wrong role', async () => {
    const self = person('rev1', { role: 'reviewer', agencyId: edu });
    let doc = await createDocument(platform, self, documentInput('demo-education', { documentNumber: null }));
    doc = await act(self, doc, { type: 'submit' });
    const own = await refusal(
      act(self, doc, { type: 'review', step: 1, decision: 'approve', checklist: cleared }),
    );
    expect([own.code, own.zh]).toEqual([
      'TRANSITION_NOT_ALLOWED',
      expect.stringContaining('起草人不能审核自己的文件'),
    ]);
    const skip = await refusal(
      act(rev2, doc, { type: 'review', step: 2, decision: 'approve', checklist: cleared }),
    );
    expect(skip.zh).toContain('不能跳过');
    doc = await act(rev2, doc, { type: 'review', step: 1, decision: 'approve', checklist: cleared });
    const twice = await refusal(
      act(rev2, doc, { type: 'review', step: 2, decision: 'approve', checklist: cleared }),
    );
    expect(twice.zh).toContain('同一人不能审核两个步骤');
    doc = await act(author, doc, { type: 'review', step: 2, decision: 'approve', checklist: cleared }).catch(
      async (e: unknown) => {
        // A registrar holds no reviewer role: the step refuses them.
        expect(isDomainError(e, 'FORBIDDEN')).toBe(true);
        return act(person('rev3', { role: 'reviewer', agencyId: edu }), doc, {
          type: 'review',
          step: 2,
          decision: 'approve',
          checklist: cleared,
        });
      },
    );
    const wrongRole = await refusal(
      act(person('rev4', { role: 'reviewer', agencyId: edu }), doc, {
        type: 'review',
        step: 3,
        decision: 'approve',
        checklist: cleared,
      }),
    );
    expect(wrongRole.code).toBe('FORBIDDEN');
    expect(wrongRole.zh).toContain('领导签发');
  });

  it('allows self-approval only once an administrator turns it on, and records the warning', async () => {
    const denied = await refusal(
      setPublishingSettings(platform, author, 'demo-education', { allowSelfApproval: true }),
    );
    expect(denied.code).toBe('FORBIDDEN');
    const set = await setPublishingSettings(platform, admin, 'demo-education', {
      allowSelfApproval: true,
      reviewChain: [{ name: '审核签发', roles: ['reviewer', 'approver'] }],
    });
    expect(set.warnings.join()).toContain('已允许自我审核');
    const solo = person('solo', { role: 'reviewer', agencyId: edu });
    let doc = await createDocument(platform, solo, documentInput('demo-education', { documentNumber: null }));
    doc = await act(solo, doc, { type: 'submit' });
    doc = await act(solo, doc, { type: 'review', step: 1, decision: 'approve', checklist: cleared });
    expect(doc.record.status).toBe('approved');
    const reviewed = doc.events.find((e) => e.event.type === 'reviewed')!.event;
    expect(reviewed).toMatchObject({ selfApproval: true, warnings: [expect.stringContaining('自我审核')] });
    const audit = await allAudit();
    expect(
      audit.some((e) => e.entityId === doc.record.id && JSON.stringify(e.after).includes('自我审核')),
    ).toBe(true);
    await setPublishingSettings(platform, admin, 'demo-education', {});
  });

  it('never publishes an unreviewed version and never edits a published one in place', async () => {
    let doc = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: null }),
    );
    const unreviewed = await refusal(act(author, doc, { type: 'publish' }));
    expect([unreviewed.code, unreviewed.zh]).toEqual([
      'TRANSITION_NOT_ALLOWED',
      expect.stringContaining('先审查、后公开'),
    ]);
    doc = await act(author, doc, { type: 'submit' });
    const inReview = await refusal(act(author, doc, { type: 'publish' }));
    expect(inReview.code).toBe('TRANSITION_NOT_ALLOWED');
    const editInReview = await refusal(
      updateDocument(platform, author, doc.record.id, { version: 1, body: '改' }),
    );
    expect(editInReview.code).toBe('DOCUMENT_NOT_EDITABLE');
    doc = await act(rev1, doc, { type: 'review', step: 1, decision: 'approve', checklist: cleared });
    doc = await act(rev2, doc, { type: 'review', step: 2, decision: 'approve', checklist: cleared });
    doc = await act(boss, doc, { type: 'review', step: 3, decision: 'approve', checklist: cleared });
    doc = await act(author, doc, { type: 'publish' });
    const edit = await refusal(
      updateDocument(platform, author, doc.record.id, { version: 1, metadata: { title: '改标题' } }),
    );
    expect([edit.code, edit.zh]).toEqual([
      'DOCUMENT_NOT_EDITABLE',
      expect.stringContaining('已发布的版本不能直接修改'),
    ]);
    const attach = await refusal(
      addAttachment(platform, author, doc.record.id, { name: 'a.pdf', bytes: new Uint8Array([1]) }),
    );
    expect(attach.code).toBe('DOCUMENT_NOT_EDITABLE');
  });

  it('returns a draft with a reason, takes edits, and reviews the edited draft again', async () => {
    let doc = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: null }),
    );
    doc = await act(author, doc, { type: 'submit' });
    const noReason = await refusal(
      act(rev1, doc, { type: 'review', step: 1, decision: 'return', checklist: cleared }),
    );
    expect(noReason.zh).toContain('退回须写明理由');
    doc = await act(rev1, doc, {
      type: 'review',
      step: 1,
      decision: 'return',
      checklist: cleared,
      comment: '标题有误',
    });
    expect(doc.record.status).toBe('draft');
    tick();
    doc = await updateDocument(platform, author, doc.record.id, {
      version: 1,
      metadata: { title: '修改后的标题' },
    });
    expect(doc.record.metadata.title).toBe('修改后的标题');
    expect(doc.events.at(-1)!.event).toMatchObject({ type: 'edited', fields: ['title'] });
    doc = await approveAll(doc);
    expect(doc.record.status).toBe('approved');
  });

  it('stops an approval on a concern, sends an unsure item to the secrecy office and waits for its answer', async () => {
    let doc = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: null }),
    );
    doc = await act(author, doc, { type: 'submit' });
    const concern = await refusal(
      act(rev1, doc, {
        type: 'review',
        step: 1,
        decision: 'approve',
        checklist: { ...cleared, personalPrivacy: 'concern' },
      }),
    );
    expect(concern.zh).toContain('发现「个人隐私」');
    const unsure = await refusal(
      act(rev1, doc, {
        type: 'review',
        step: 1,
        decision: 'approve',
        checklist: { ...cleared, stateSecret: 'unsure' },
      }),
    );
    expect(unsure.zh).toContain('保密行政管理部门');
    doc = await act(rev1, doc, {
      type: 'refer',
      step: 1,
      authority: 'secrecyAdministration',
      authorityName: '示范区国家保密局',
      question: '第三部分所列项目名称是否属于国家秘密',
    });
    expect(doc.record.status).toBe('referred');
    const waiting = await refusal(
      act(rev1, doc, { type: 'review', step: 1, decision: 'approve', checklist: cleared }),
    );
    expect(waiting.zh).toContain('正在等待');
    doc = await act(rev1, doc, {
      type: 'answerReferral',
      decision: 'mayPublish',
      reference: '示保函〔2026〕2号',
      note: '不属于国家秘密',
    });
    expect(doc.record.status).toBe('inReview');
    doc = await act(rev1, doc, {
      type: 'review',
      step: 1,
      decision: 'approve',
      checklist: cleared,
      comment: '经保密局确定可公开',
    });
    expect(doc.pendingStep).toMatchObject({ step: 2, name: '保密审查' });
  });

  it('publishes at the scheduled time through the timer', async () => {
    let doc = await approveAll(
      await createDocument(platform, author, documentInput('demo-education', { documentNumber: null })),
    );
    doc = await act(author, doc, { type: 'schedule', publishAt: '2026-03-03T01:00:00Z' });
    expect(doc.record.status).toBe('scheduled');
    expect(await publishDueDocuments(platform, cliOperator)).toEqual([]);
    clock.now = new Date('2026-03-03T01:00:30Z');
    const done = await publishDueDocuments(platform, cliOperator);
    expect(done).toEqual([{ id: doc.record.id, published: true, error: null }]);
    doc = await getDocument(platform, author, doc.record.id);
    expect([doc.record.status, doc.record.publishedOn]).toEqual(['published', '2026-03-03']);
  });

  it('revises a published document as a new version with a 修订记录, the public version unchanged until published', async () => {
    let doc = await approveAll(await createDocument(platform, author, normativeInput('demo-education')));
    doc = await act(author, doc, { type: 'publish' });
    await addChannel(platform, author, doc.record.id, {
      channel: 'wechat',
      name: '示范区教育发布',
      publishedOn: doc.record.publishedOn!,
      url: 'https://mp.weixin.qq.com/s/example',
    });
    doc = await act(author, doc, { type: 'startRevision', reason: '调整收费标准' });
    expect([doc.record.status, doc.record.currentVersion, doc.record.publishedVersion]).toEqual([
      'draft',
      2,
      1,
    ]);
    expect(doc.deadline?.formedOn).toBe(doc.record.publishedOn);
    tick();
    doc = await updateDocument(platform, author, doc.record.id, { version: 2, body: '修订后的正文' });
    expect(doc.publishedVersion?.bodyText).toContain('现将春季学期开学工作');
    doc = await approveAll(doc);
    doc = await act(author, doc, { type: 'publish' });
    expect([doc.record.publishedVersion, doc.version.bodyText]).toEqual([2, '修订后的正文']);
    expect(doc.revisions).toMatchObject([
      { version: 2, reason: '调整收费标准', publishedAt: expect.any(String) },
    ]);
    expect(doc.channels.map((c) => c.channel)).toEqual(['wechat']);
  });

  it('withdraws with a reason, by an approver only', async () => {
    let doc = await approveAll(
      await createDocument(platform, author, documentInput('demo-education', { documentNumber: null })),
    );
    doc = await act(author, doc, { type: 'publish' });
    expect((await refusal(act(author, doc, { type: 'withdraw', reason: '内容有误' }))).code).toBe(
      'FORBIDDEN',
    );
    doc = await act(boss, doc, { type: 'withdraw', reason: '内容有误' });
    expect(doc.record.status).toBe('withdrawn');
    expect((await refusal(act(author, doc, { type: 'startRevision', reason: 'x' }))).zh).toContain('已撤回');
  });

  it('publishes a policy that needs a 解读 only together with it (三同步), linked both ways', async () => {
    let policy = await createDocument(
      platform,
      author,
      normativeInput('demo-education', { documentNumber: '示教规〔2026〕2号', needsInterpretation: true }),
    );
    policy = await approveAll(policy);
    const blocked = await refusal(act(author, policy, { type: 'publish' }));
    expect([blocked.code, blocked.zh]).toEqual(['DOCUMENT_BLOCKED', expect.stringContaining('三同步')]);
    let reading = await createDocument(
      platform,
      author,
      documentInput('demo-education', {
        title: '《关于规范校外培训机构收费管理的通知》政策解读',
        documentNumber: null,
        genre: 'other',
        category: '政策解读',
        art20Item: 'interpretation',
      }),
    );
    reading = await linkDocuments(platform, author, reading.record.id, {
      target: policy.record.indexNumber,
      kind: 'interprets',
    });
    reading = await approveAll(reading);
    const alone = await refusal(act(author, reading, { type: 'publish' }));
    expect(alone.zh).toContain('与政策文件同步发布');
    policy = await act(author, policy, { type: 'publish' });
    expect(policy.record.status).toBe('published');
    expect(policy.links).toMatchObject([
      { kind: 'interprets', direction: 'to', document: { id: reading.record.id, status: 'published' } },
    ]);
    reading = await getDocument(platform, author, reading.record.id);
    expect(reading.record.publishedAt).toBe(policy.record.publishedAt);
    expect(reading.links[0]).toMatchObject({ direction: 'from', document: { id: policy.record.id } });
  });

  it('keeps attachments per version and serves their bytes', async () => {
    const doc = await createDocument(
      platform,
      author,
      documentInput('demo-education', { documentNumber: null }),
    );
    const bytes = new TextEncoder().encode('%PDF-1.4 test');
    const attachment = await addAttachment(platform, author, doc.record.id, { name: '../附件1.pdf', bytes });
    expect([attachment.name, attachment.mediaType, attachment.sizeBytes]).toEqual([
      '附件1.pdf',
      'application/pdf',
      bytes.length,
    ]);
    const read = await getAttachmentContent(platform, supervisor, doc.record.id, attachment.id);
    expect(Buffer.from(read.bytes).toString()).toBe('%PDF-1.4 test');
  });

  it('gives supervisors read-only access over their subtree', async () => {
    const page = await listDocuments(platform, supervisor, {
      agency: 'demo-district',
      subtree: true,
      limit: 5,
    });
    expect(page.items.length).toBe(5);
    expect((await refusal(createDocument(platform, supervisor, documentInput('demo-education')))).code).toBe(
      'FORBIDDEN',
    );
    const outsider = person('x', { role: 'registrar', agencyId: 'nowhere' });
    expect((await refusal(getDocument(platform, outsider, page.items[0]!.record.id))).code).toBe(
      'DOCUMENT_NOT_FOUND',
    );
  });

  it('lists by keyset pages with filters, and the due-soon and overdue lists', async () => {
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDocuments(platform, author, { agency: 'demo-education', limit: 3, cursor });
      all.push(...page.items.map((i) => i.record.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(all).size).toBe(all.length);
    const whole = await listDocuments(platform, author, { agency: 'demo-education', limit: 200 });
    expect(all).toEqual(whole.items.map((i) => i.record.id));
    const norms = await listDocuments(platform, author, {
      agency: 'demo-education',
      art20Item: 'normativeDocument',
      limit: 200,
    });
    expect(norms.items.every((i) => i.record.metadata.art20Item === 'normativeDocument')).toBe(true);
    expect(norms.items.length).toBeGreaterThan(0);
    const published = await listDocuments(platform, supervisor, {
      agency: 'demo-district',
      subtree: true,
      status: 'published',
      limit: 200,
    });
    expect(published.items.every((i) => i.record.status === 'published')).toBe(true);
    const bad = await refusal(listDocuments(platform, author, { agency: 'demo-education', cursor: 'nope' }));
    expect(bad.code).toBe('CURSOR_INVALID');

    clock.now = new Date('2026-03-24T02:00:00Z');
    const soon = await listDocumentDeadlines(platform, author, {
      agency: 'demo-education',
      filter: 'dueSoon',
    });
    expect(soon.length).toBeGreaterThan(0);
    expect(soon.every((i) => i.deadline!.daysLeft! <= 5 && i.record.status !== 'published')).toBe(true);
    clock.now = new Date('2026-04-01T02:00:00Z');
    const overdue = await listDocumentDeadlines(platform, author, {
      agency: 'demo-education',
      filter: 'overdue',
    });
    expect(overdue.length).toBeGreaterThan(0);
    expect(overdue.every((i) => i.deadline!.overdue)).toBe(true);
  });

  it('numbers documents without gaps or repeats when many are created at once', async () => {
    const agencies = Object.fromEntries(
      (await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]),
    );
    const clerk = person('clerk', { role: 'registrar', agencyId: agencies['demo-subdistrict']! });
    const made = await Promise.all(
      Array.from({ length: 12 }, () =>
        createDocument(platform, clerk, documentInput('demo-subdistrict', { documentNumber: null })),
      ),
    );
    const seqs = made.map((d) => Number(d.record.indexNumber.slice(-5))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => seqs[0]! + i));
    expect(new Set(made.map((d) => d.record.indexNumber)).size).toBe(12);
  });

  it('audits every step in an unbroken chain', async () => {
    const actions = new Set((await allAudit()).map((e) => e.action));
    for (const a of [
      'document.create',
      'document.update',
      'document.event',
      'document.link',
      'document.channel-add',
    ]) {
      expect(actions.has(a)).toBe(true);
    }
    expect((await verifyAuditChain(platform)).ok).toBe(true);
  });
});
