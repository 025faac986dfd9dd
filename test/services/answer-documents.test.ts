import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAnswerDocument, getAnswerDocx } from '../../src/services/answers/get-answer-document.js';
import { issueAnswerDocument } from '../../src/services/answers/issue-answer-document.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { cliOperator, type Principal } from '../../src/services/accounts/principal.js';
import { recordApplicationEvent } from '../../src/services/applications/record-application-event.js';
import { registerApplication } from '../../src/services/applications/register-application.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { updateAnswerTemplate } from '../../src/services/answers/update-answer-template.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { answerDocumentsRepository } from '../../src/storage/answer-documents-repository.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { applicationInput, staff } from '../support/applications.js';
import { docxText, xmlProblems } from '../support/xml-well-formed.js';

const textOf = (docx: Uint8Array) => {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  expect(xmlProblems(xml)).toEqual([]);
  return docxText(xml);
};

describe.each(databases)('answer documents of cases on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let clock: { now: Date };
  let agency: Record<string, string>;
  let registrar: Principal;

  // Cases are registered on Monday 2026-03-02 and handled as of 2026-03-20.
  const register = async (overrides = {}) => {
    clock.now = new Date('2026-03-02T02:00:00Z');
    const record = (
      await registerApplication(platform, registrar, applicationInput('demo-education', overrides))
    ).record;
    clock.now = new Date('2026-03-20T02:00:00Z');
    return record;
  };
  const answer = (id: string, outcome: string, legalGround = '条例') =>
    recordApplicationEvent(platform, registrar, id, {
      type: 'answered',
      date: '2026-03-10',
      outcome,
      legalGround,
    } as any);

  beforeAll(async () => {
    ({ platform, close, clock } = await freshPlatform(fresh));
    await seedDemo(platform);
    agency = Object.fromEntries((await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]));
    clock.now = new Date('2026-03-02T02:00:00Z');
    registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    await updateAnswerTemplate(platform, cliOperator, 'demo-education', 'documentNumber', {
      body: '示教公开〔{{year}}〕第{{number}}号',
    });
  });
  afterAll(() => close());

  it('refuses a case without an outcome, then issues once with the next 文号', async () => {
    // Control characters are refused where text enters (issue 17 item 5); markup must be escaped in the letter.
    await expect(
      register({ applicant: { ...applicationInput('x').applicant, name: '王五 \u0007' } }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const hostile = '<script>alert(1)</script> & "王五" ';
    const record = await register({
      applicant: { ...applicationInput('x').applicant, name: hostile },
      request: { description: '关于<w:p>与&amp;的文件' },
    });
    await expect(issueAnswerDocument(platform, registrar, record.id)).rejects.toMatchObject({
      code: 'ANSWER_NOT_AVAILABLE',
    });
    await expect(getAnswerDocument(platform, registrar, record.id)).rejects.toMatchObject({
      code: 'ANSWER_NOT_ISSUED',
    });
    await answer(record.id, 'withheld.stateSecret', '条例第十四条');
    const first = await issueAnswerDocument(platform, registrar, record.trackingNumber, {
      details: '该文件已被依法定为秘密级国家秘密。',
    });
    expect(first.created).toBe(true);
    expect(first.document).toMatchObject({
      documentNumber: '示教公开〔2026〕第1号',
      number: 1,
      year: 2026,
      outcome: 'withheld.stateSecret',
      datedOn: '2026-03-10',
      issuedBy: 'tester',
    });
    const again = await issueAnswerDocument(platform, registrar, record.id, { details: 'ignored' });
    expect(again.created).toBe(false);
    expect(again.document.documentNumber).toBe('示教公开〔2026〕第1号');

    const { docx } = await getAnswerDocx(platform, registrar, record.id);
    const text = textOf(docx);
    expect(text.split('\n').slice(0, 4)).toEqual([
      '示范区教育局',
      '政府信息不予公开告知书',
      '示教公开〔2026〕第1号',
      `${hostile.trim()}：`,
    ]);
    expect(text).toContain(
      '本机关于2026年3月2日收到你（单位）提出的政府信息公开申请（申请编号：DEMO-EDUCATION-2026-00001）',
    );
    expect(text).toContain('申请获取“关于<w:p>与&amp;的文件”');
    expect(text).toContain('《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项');
    expect(text).toContain('该文件已被依法定为秘密级国家秘密。');
    expect(text).toContain('60日内，依照《中华人民共和国行政复议法》向示范区人民政府申请行政复议');
    expect(text).toContain('6个月内，依照《中华人民共和国行政诉讼法》');
    expect(text).toContain('2026年3月10日');

    // The issued text is frozen: a later template edit changes later documents only.
    await updateAnswerTemplate(platform, cliOperator, 'demo-education', 'withheld.stateSecret', {
      title: '新标题',
      body: '{{applicant.name}}：\n新正文。',
    });
    expect(
      Buffer.from((await getAnswerDocx(platform, registrar, record.id)).docx).equals(Buffer.from(docx)),
    ).toBe(true);

    const audit = (await listAudit(platform, cliOperator, { afterSeq: 0, limit: 500 })).filter(
      (e) => e.action === 'answer.issue',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'application', entityId: record.id });
    expect(JSON.stringify(audit[0]!.after)).not.toContain('script');
    // Each read of the issued document (it names the applicant) is in the audit trail (issue 17 item 8).
    const reads = (await listAudit(platform, cliOperator, { afterSeq: 0, limit: 500 })).filter(
      (e) => e.action === 'personal-data.read' && e.entityId === record.id,
    );
    expect(reads).toHaveLength(2);
    expect(reads.every((e) => (e.after as { kind: string }).kind === 'answer-document')).toBe(true);
    expect((await verifyAuditChain(platform)).ok).toBe(true);
  });

  it('uses the edited template for documents issued after the edit', async () => {
    const record = await register({
      request: { title: '某文件', documentNumber: '示教〔2025〕3号', description: 'x' },
    });
    await answer(record.id, 'withheld.stateSecret');
    const { document } = await issueAnswerDocument(platform, registrar, record.id);
    expect(document.content.title).toBe('新标题');
    expect(document.content.paragraphs).toEqual(['新正文。']);
    expect(document.documentNumber).toBe('示教公开〔2026〕第2号');
  });

  it('writes the 终止处理告知书 of a lapsed correction with 第三十条', async () => {
    const record = await register({ request: { description: '内容不明确的申请' } });
    await recordApplicationEvent(platform, registrar, record.id, {
      type: 'correctionRequested',
      date: '2026-03-03',
      items: '请写明文件名称',
      deadline: '2026-03-13',
    });
    await recordApplicationEvent(platform, registrar, record.id, {
      type: 'correctionLapsed',
      date: '2026-03-16',
    });
    const { document } = await issueAnswerDocument(platform, registrar, record.id);
    expect(document).toMatchObject({ outcome: 'otherProcessing.correctionOverdue', datedOn: '2026-03-16' });
    const text = textOf((await getAnswerDocx(platform, registrar, record.id)).docx);
    expect(text).toContain('政府信息公开申请终止处理告知书');
    expect(text).toContain('《中华人民共和国政府信息公开条例》第三十条');
    expect(text).toContain('申请行政复议');
  });

  it('numbers concurrent issues without gaps or duplicates, one number per case', async () => {
    const cases = [];
    for (let i = 0; i < 8; i++) {
      const record = await register({ request: { description: `并发申请 ${i}` } });
      await answer(record.id, 'disclosed');
      cases.push(record.id);
    }
    // Every case twice, all at once.
    const results = await Promise.all(
      [...cases, ...cases].map((id) => issueAnswerDocument(platform, registrar, id)),
    );
    expect(results.filter((r) => r.created)).toHaveLength(8);
    for (const id of cases) {
      expect(
        new Set(results.filter((r) => r.document.applicationId === id).map((r) => r.document.number)).size,
      ).toBe(1);
    }
    const numbers = await answerDocumentsRepository.numbersOf(platform.db, agency['demo-education']!, 2026);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(numbers).toHaveLength(11);
  });

  it('is scoped: other agencies see nothing, readers may read but not issue', async () => {
    const record = await register({ request: { description: '范围测试' } });
    await answer(record.id, 'disclosed');
    const outsider = staff({ role: 'registrar', agencyId: agency['demo-subdistrict']! });
    await expect(issueAnswerDocument(platform, outsider, record.id)).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    const auditor = staff({ role: 'auditor', agencyId: agency['demo-district']! });
    await expect(issueAnswerDocument(platform, auditor, record.id)).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    await issueAnswerDocument(platform, registrar, record.id);
    expect((await getAnswerDocument(platform, auditor, record.id)).number).toBe(12);
    await expect(getAnswerDocument(platform, outsider, record.id)).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    await expect(
      issueAnswerDocument(platform, registrar, record.id, { details: 'x'.repeat(5000) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
