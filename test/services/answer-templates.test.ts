import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleGrant } from '../../src/core/roles.js';
import { getAnswerTemplate } from '../../src/services/answers/get-answer-template.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import { listAnswerTemplates } from '../../src/services/answers/list-answer-templates.js';
import { listAudit } from '../../src/services/audit/list-audit.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { previewAnswerDocument } from '../../src/services/answers/preview-answer-document.js';
import { cliOperator, type Principal } from '../../src/services/accounts/principal.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { updateAnswerTemplate } from '../../src/services/answers/update-answer-template.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { answerNumbersRepository } from '../../src/storage/answer-numbers-repository.js';
import { writeTransaction } from '../../src/storage/write-transaction.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { docxText, xmlProblems } from '../support/xml-well-formed.js';

const staff = (...grants: RoleGrant[]): Principal => ({
  kind: 'staff',
  userId: 'u',
  username: 'tester',
  grants,
  via: 'token',
  ip: '127.0.0.1',
});

const validRemedies = '可于60日内申请行政复议，或于6个月内提起行政诉讼。';
const docxBody = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']!);

describe.each(databases)('answer templates on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    ({ platform, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    ids = Object.fromEntries((await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]));
  });
  afterAll(() => close());

  it('starts from the built-in defaults for all 25 kinds', async () => {
    const { templates } = await listAnswerTemplates(platform, cliOperator, 'demo-education');
    expect(templates).toHaveLength(25);
    expect(templates.every((t) => t.source === 'default' && t.version === 0)).toBe(true);
    const secret = templates.find((t) => t.kind === 'withheld.stateSecret')!;
    expect(secret.title).toBe('政府信息不予公开告知书');
  });

  it('stores versions, keeps the history, audits each change, and sub-agencies inherit', async () => {
    const districtAdmin = staff({ role: 'admin', agencyId: ids['demo-district']! });
    const v1 = await updateAnswerTemplate(platform, districtAdmin, 'demo-district', 'documentNumber', {
      body: '示政公开〔{{year}}〕第{{number}}号',
    });
    expect(v1).toMatchObject({ version: 1, source: 'agency', updatedBy: 'tester' });
    const v2 = await updateAnswerTemplate(platform, districtAdmin, 'demo-district', 'documentNumber', {
      body: '示政依申请公开〔{{year}}〕第{{number}}号',
      expectedVersion: 1,
    });
    expect(v2.version).toBe(2);
    const detail = await getAnswerTemplate(platform, districtAdmin, 'demo-district', 'documentNumber');
    expect(detail.history.map((h) => [h.version, h.body])).toEqual([
      [2, '示政依申请公开〔{{year}}〕第{{number}}号'],
      [1, '示政公开〔{{year}}〕第{{number}}号'],
    ]);
    expect(detail.placeholders.map((p) => p.name)).toEqual(['agency.name', 'agency.code', 'year', 'number']);

    const child = await getAnswerTemplate(platform, cliOperator, 'demo-education', 'documentNumber');
    expect(child.template).toMatchObject({
      source: 'inherited',
      sourceAgencyId: ids['demo-district'],
      version: 2,
    });
    expect(child.history).toEqual([]);

    const audit = (await listAudit(platform, cliOperator, { afterSeq: 0, limit: 500 })).filter(
      (e) => e.action === 'answerTemplate.update',
    );
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      entityType: 'answerTemplate',
      entityId: `${ids['demo-district']}/documentNumber`,
      agencyId: ids['demo-district'],
      before: { version: 1, body: '示政公开〔{{year}}〕第{{number}}号' },
      after: { version: 2 },
    });
    expect((await verifyAuditChain(platform)).ok).toBe(true);
  });

  it('refuses a stale edit', async () => {
    await expect(
      updateAnswerTemplate(platform, cliOperator, 'demo-district', 'documentNumber', {
        body: '〔{{year}}〕{{number}}',
        expectedVersion: 1,
      }),
    ).rejects.toMatchObject({
      code: 'ANSWER_TEMPLATE_VERSION_CONFLICT',
      details: { current: 2, expected: 1 },
    });
  });

  it('refuses an invalid template with the line and the placeholder, and an unknown kind', async () => {
    const error = await updateAnswerTemplate(platform, cliOperator, 'demo-education', 'disclosed', {
      title: '答复书',
      body: '{{applicant.name}}：\n收到{{applicant.nmae}}的申请。{{#if answer.details}}',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ANSWER_TEMPLATE_INVALID' });
    const { messageZh, messageEn, details } = error as { messageZh: string; messageEn: string; details: any };
    expect(messageZh).toContain('正文第2行第3列：未知的占位符 {{applicant.nmae}}');
    expect(messageEn).toContain('body line 2, column 3: unknown placeholder {{applicant.nmae}}');
    expect(details.findings.map((f: any) => f.rule)).toEqual(['unknownPlaceholder', 'unbalancedSection']);
    await expect(
      updateAnswerTemplate(platform, cliOperator, 'demo-education', 'withheld.nonsense', { body: 'x' }),
    ).rejects.toMatchObject({ code: 'ANSWER_TEMPLATE_KIND_UNKNOWN' });
    await expect(
      getAnswerTemplate(platform, cliOperator, 'demo-education', 'constructor'),
    ).rejects.toMatchObject({
      code: 'ANSWER_TEMPLATE_KIND_UNKNOWN',
    });
    await expect(
      updateAnswerTemplate(platform, cliOperator, 'demo-education', 'disclosed', {
        body: 'x',
        extra: 1,
      } as any),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await getAnswerTemplate(platform, cliOperator, 'demo-education', 'disclosed')).history).toEqual(
      [],
    );
  });

  it('lets admins edit their subtree only; other roles read', async () => {
    const registrar = staff({ role: 'registrar', agencyId: ids['demo-education']! });
    const eduAdmin = staff({ role: 'admin', agencyId: ids['demo-education']! });
    expect((await listAnswerTemplates(platform, registrar, 'demo-education')).templates).toHaveLength(25);
    await expect(
      updateAnswerTemplate(platform, registrar, 'demo-education', 'remedies', { body: validRemedies }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listAnswerTemplates(platform, registrar, 'demo-subdistrict')).rejects.toMatchObject({
      code: 'AGENCY_NOT_FOUND',
    });
    await expect(
      updateAnswerTemplate(platform, eduAdmin, 'demo-district', 'remedies', { body: validRemedies }),
    ).rejects.toMatchObject({ code: 'AGENCY_NOT_FOUND' });
  });

  it('previews an agency edit and an unsaved draft as DOCX, without taking a number', async () => {
    await updateAnswerTemplate(platform, cliOperator, 'demo-education', 'withheld.stateSecret', {
      title: '不予公开告知书（教育局）',
      body: '{{applicant.name}}：\n经审查，所申请信息属于国家秘密。依据{{outcome.legalGround}}。',
    });
    const saved = await previewAnswerDocument(
      platform,
      cliOperator,
      'demo-education',
      'withheld.stateSecret',
    );
    const xml = docxBody(saved.docx);
    expect(xmlProblems(xml)).toEqual([]);
    const text = docxText(xml);
    expect(text).toContain('不予公开告知书（教育局）');
    expect(text).toContain('示政依申请公开〔2026〕第××号'); // the district's numbering, inherited
    expect(text).toContain('依据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项。');
    expect(text).toContain('60日内，依照《中华人民共和国行政复议法》向示范区人民政府申请行政复议');

    const draft = await previewAnswerDocument(platform, cliOperator, 'demo-education', 'remedies', {
      body: '如不服，可于60日内向示范区人民政府申请行政复议，或于6个月内提起行政诉讼。<&>',
    });
    expect(docxText(docxBody(draft.docx))).toContain('或于6个月内提起行政诉讼。<&>');
    await expect(
      previewAnswerDocument(platform, cliOperator, 'demo-education', 'remedies', { body: '{{x}}' }),
    ).rejects.toMatchObject({ code: 'ANSWER_TEMPLATE_INVALID' });
    expect(await answerNumbersRepository.last(platform.db, ids['demo-education']!, 2026)).toBe(0);
  });

  it('numbers documents per agency and year without gaps or duplicates under concurrency', async () => {
    const agency = ids['demo-subdistrict']!;
    const take = (year: number) =>
      writeTransaction(platform.db, (trx) => answerNumbersRepository.next(trx, agency, year));
    const numbers = await Promise.all(Array.from({ length: 40 }, () => take(2026)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await take(2027)).toBe(1);
    // A transaction that fails after taking a number gives it back.
    await expect(
      writeTransaction(platform.db, async (trx) => {
        await answerNumbersRepository.next(trx, agency, 2026);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await take(2026)).toBe(41);
    expect(await take(2026)).toBe(42);
  });
});
