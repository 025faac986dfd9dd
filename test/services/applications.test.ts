import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getApplication } from '../../src/services/applications/get-application.js';
import { listAgencies } from '../../src/services/agencies/list-agencies.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { cliOperator } from '../../src/services/accounts/principal.js';
import { recordApplicationEvent } from '../../src/services/applications/record-application-event.js';
import { registerApplication } from '../../src/services/applications/register-application.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { sql } from 'kysely';
import { compileAnnualReport } from '../../src/services/reports/compile-annual-report.js';
import { getPublicStatus } from '../../src/services/applications/get-public-status.js';
import { listApplications } from '../../src/services/applications/list-applications.js';
import { decideAppeal, recordAppeal } from '../../src/services/applications/record-appeal.js';
import { setReportFigures } from '../../src/services/reports/set-report-figures.js';
import { submitPublicApplication } from '../../src/services/applications/submit-public-application.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { applicationInput, ids, staff } from '../support/applications.js';

describe.each(databases)('application intake and history on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let clock: { now: Date };
  let agency: Record<string, string>;

  beforeAll(async () => {
    ({ platform, close, clock } = await freshPlatform(fresh));
    await seedDemo(platform);
    agency = Object.fromEntries((await listAgencies(platform, cliOperator)).map((a) => [a.code, a.id]));
    clock.now = new Date('2026-03-02T02:00:00Z'); // Monday 10:00 in Beijing
  });
  afterAll(() => close());

  it('the demo seed holds applications of the current year in several outcomes, with histories', async () => {
    const compiled = await compileAnnualReport(platform, cliOperator, {
      agency: 'demo-district',
      year: 2026,
      subtree: true,
    });
    const a = compiled.report.applications;
    expect(a.newReceived[6]).toBe(10);
    const outcomes = [
      a.disclosed,
      a.partiallyDisclosed,
      a.withheld.thirdPartyRights,
      a.unableToProvide.notHeld,
    ];
    expect(outcomes.map((row) => row[6])).toEqual([1, 1, 1, 1]);
    expect([
      a.notProcessed.duplicate[6],
      a.otherProcessing.correctionOverdue?.[6],
      a.carriedForward[6],
    ]).toEqual([1, 1, 4]);
    expect(compiled.report.appeals.reconsideration.total).toBe(1);
    expect(compiled.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const open = await listApplications(platform, cliOperator, {
      agency: 'demo-district',
      subtree: true,
      filter: 'open',
    });
    expect(new Set(open.map((i) => i.record.status))).toEqual(
      new Set(['inConsultation', 'processing', 'awaitingReceipt', 'awaitingFee']),
    );
  });

  it('registers with a tracking number and query code, and replays the clock', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    const result = await registerApplication(platform, registrar, applicationInput('demo-education'));
    expect(result.record.trackingNumber).toBe('DEMO-EDUCATION-2026-00001');
    expect(result.queryCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(result.record.status).toBe('processing');
    expect(result.record.receivedOn).toBe('2026-03-02');
    expect(result.record.dueOn).toBe('2026-03-30');
    const view = await getApplication(platform, registrar, result.record.trackingNumber);
    expect(view.clock.due).toBe('2026-03-30');
    expect(view.daysLeft).toBe(20);
    expect(view.events.map((e) => e.event.type)).toEqual(['registered']);

    const answered = await recordApplicationEvent(platform, registrar, result.record.id, {
      type: 'answered',
      date: '2026-03-02',
      outcome: 'disclosed',
      legalGround: '条例第三十六条第二项',
    });
    expect(answered.state.status).toBe('answered');
    expect(answered.record.outcome).toBe('disclosed');
    await expect(
      recordApplicationEvent(platform, registrar, result.record.id, {
        type: 'correctionReceived',
        date: '2026-03-02',
      }),
    ).rejects.toMatchObject({ code: 'TRANSITION_NOT_ALLOWED' });
    expect((await verifyAuditChain(platform)).ok).toBe(true);
  });

  it('hides cases outside the caller scope and checks identity numbers', async () => {
    const other = staff({ role: 'registrar', agencyId: agency['demo-subdistrict']! });
    await expect(getApplication(platform, other, 'DEMO-EDUCATION-2026-00001')).rejects.toMatchObject({
      code: 'APPLICATION_NOT_FOUND',
    });
    const bad = applicationInput('demo-education');
    bad.applicant = { ...bad.applicant, identityNumber: ids.person.replace('X', '1') };
    await expect(registerApplication(platform, cliOperator, bad)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('flags a likely duplicate of the same applicant with a link to the earlier case, and counts the month', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    const first = await registerApplication(platform, registrar, applicationInput('demo-education'));
    expect(first.record.duplicateOf).toBeNull();
    const again = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-education', {
        request: { description: '请公开示范区教育局2025年部门预算、“三公”经费支出情况。' },
      }),
    );
    expect(again.replayed).toBe(false);
    expect(again.record.duplicateOf).toMatchObject({
      id: first.record.id,
      trackingNumber: first.record.trackingNumber,
    });
    expect(again.record.duplicateOf!.similarityPercent).toBeGreaterThanOrEqual(60);
    expect(again.applicantMonthCount).toBe(first.applicantMonthCount + 1);
    const otherPerson = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-education', {
        applicant: {
          type: 'naturalPerson',
          name: '李四',
          identityKind: 'residentId',
          identityNumber: ids.person2,
          phone: '1',
        },
      }),
    );
    expect(otherPerson.record.duplicateOf).toBeNull();
    expect(otherPerson.applicantMonthCount).toBe(1);
    const view = await getApplication(platform, registrar, again.record.id);
    expect(view.applicantMonthCount).toBe(again.applicantMonthCount);
  });

  it('the same form twice is one case (form key, or same content the same day)', async () => {
    const input = applicationInput('demo-education', {
      request: { description: '申请公开示范区第一中学2025年招生计划' },
      idempotencyKey: 'staff-form-key-000000001',
    });
    const a = await registerApplication(platform, cliOperator, input);
    const b = await registerApplication(platform, cliOperator, input);
    expect([a.replayed, b.replayed]).toEqual([false, true]);
    expect(b.record.id).toBe(a.record.id);
    expect(b.queryCode).toBe(a.queryCode);
    const noKey = applicationInput('demo-education', { request: { description: '申请公开学区划分方案' } });
    const c = await registerApplication(platform, cliOperator, noKey);
    const d = await registerApplication(platform, cliOperator, noKey);
    expect(d.record.id).toBe(c.record.id);
    expect(d.replayed).toBe(true);
  });

  it('lists due-soon and overdue cases per agency with working days left', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-subdistrict']! });
    clock.now = new Date('2026-03-02T02:00:00Z');
    const early = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-subdistrict', { request: { description: '申请公开街道2025年预算' } }),
    );
    clock.now = new Date('2026-03-16T02:00:00Z');
    const later = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-subdistrict', {
        applicant: {
          type: 'naturalPerson',
          name: '李四',
          identityKind: 'residentId',
          identityNumber: ids.person2,
          email: 'a@b.cn',
        },
        request: { description: '申请公开和平街改造方案' },
      }),
    );
    clock.now = new Date('2026-03-25T02:00:00Z'); // early is due 2026-03-30 (3 working days left)
    const soon = await listApplications(platform, registrar, {
      agency: 'demo-subdistrict',
      filter: 'dueSoon',
    });
    expect(soon.map((i) => [i.record.trackingNumber, i.daysLeft])).toEqual([
      [early.record.trackingNumber, 3],
    ]);
    expect(
      await listApplications(platform, registrar, { agency: 'demo-subdistrict', filter: 'overdue' }),
    ).toEqual([]);
    clock.now = new Date('2026-04-01T02:00:00Z');
    const overdue = await listApplications(platform, registrar, {
      agency: 'demo-subdistrict',
      filter: 'overdue',
    });
    expect(overdue.map((i) => [i.record.trackingNumber, i.daysLeft])).toEqual([
      [early.record.trackingNumber, -2],
    ]);
    const open = await listApplications(platform, registrar, { agency: 'demo-subdistrict', filter: 'open' });
    expect(open.map((i) => i.record.trackingNumber)).toContain(later.record.trackingNumber);
    await expect(listApplications(platform, registrar, { agency: 'demo-education' })).rejects.toMatchObject({
      code: 'AGENCY_NOT_FOUND',
    });
    const supervisor = staff({ role: 'supervisor', agencyId: agency['demo-district']! });
    const all = await listApplications(platform, supervisor, {
      agency: 'demo-district',
      subtree: true,
      filter: 'overdue',
    });
    expect(all.map((i) => i.record.trackingNumber)).toContain(early.record.trackingNumber);
    clock.now = new Date('2026-03-02T02:00:00Z');
  });

  it('extension needs a 负责人; future dates and withdrawals; events are append-only', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    const approver = staff({ role: 'approver', agencyId: agency['demo-district']! });
    const auditor = staff({ role: 'auditor', agencyId: agency['demo-district']! });
    const c = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-education', { request: { description: '申请公开教师招聘面试成绩' } }),
    );
    const ext = { type: 'extensionApproved', date: '2026-03-02', workingDays: 20 } as const;
    await expect(recordApplicationEvent(platform, registrar, c.record.id, ext)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(recordApplicationEvent(platform, auditor, c.record.id, ext)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await getApplication(platform, auditor, c.record.id)).record.id).toBe(c.record.id);
    const extended = await recordApplicationEvent(platform, approver, c.record.id, ext);
    expect(extended.clock.due).toBe('2026-04-28');
    await expect(
      recordApplicationEvent(platform, registrar, c.record.id, {
        type: 'withdrawn',
        date: '2026-03-03',
        reason: 'x',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const withdrawn = await recordApplicationEvent(platform, registrar, c.record.id, {
      type: 'withdrawn',
      date: '2026-03-02',
      reason: '申请人撤回申请',
    });
    expect([withdrawn.record.status, withdrawn.record.outcome, withdrawn.daysLeft]).toEqual([
      'withdrawn',
      'otherProcessing.other',
      null,
    ]);
    await expect(
      sql`update application_events set type = 'answered' where application_id = ${c.record.id}`.execute(
        platform.db,
      ),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`delete from application_events where application_id = ${c.record.id}`.execute(platform.db),
    ).rejects.toThrow(/append-only/);
  });

  it('appeals are counted in table 四 as DOMAIN.md §2.5 says, by the year filed and the result at year end', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-subdistrict']! });
    clock.now = new Date('2026-05-06T02:00:00Z');
    const c = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-subdistrict', { request: { description: '申请公开某企业的环评报告全文' } }),
    );
    await recordApplicationEvent(platform, registrar, c.record.id, {
      type: 'answered',
      date: '2026-05-06',
      outcome: 'withheld.thirdPartyRights',
      legalGround: '条例第十五条',
    });
    const base = (await compileAnnualReport(platform, registrar, { agency: 'demo-subdistrict', year: 2026 }))
      .report.appeals;
    const first = await recordAppeal(platform, registrar, c.record.id, {
      kind: 'reconsideration',
      filedOn: '2026-05-06',
    });
    await recordAppeal(platform, registrar, c.record.id, {
      kind: 'litigationAfterReconsideration',
      filedOn: '2026-05-06',
      result: 'corrected',
      decidedOn: '2026-05-06',
    });
    await expect(
      recordAppeal(platform, registrar, c.record.id, {
        kind: 'litigationDirect',
        filedOn: '2026-05-06',
        result: 'upheld',
      }),
    ).rejects.toMatchObject({ code: 'APPEAL_INVALID' });
    const other = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    await expect(
      decideAppeal(platform, other, first.id, { result: 'upheld', decidedOn: '2026-05-06' }),
    ).rejects.toMatchObject({ code: 'APPEAL_NOT_FOUND' });
    let report = await compileAnnualReport(platform, registrar, { agency: 'demo-subdistrict', year: 2026 });
    const r = base.reconsideration;
    const l = base.litigationAfterReconsideration;
    expect(report.report.appeals.reconsideration).toMatchObject({
      pending: r.pending! + 1,
      total: r.total! + 1,
    });
    expect(report.report.appeals.litigationAfterReconsideration).toMatchObject({
      corrected: l.corrected! + 1,
      total: l.total! + 1,
    });
    await decideAppeal(platform, registrar, first.id, { result: 'upheld', decidedOn: '2026-05-06' });
    report = await compileAnnualReport(platform, registrar, { agency: 'demo-subdistrict', year: 2026 });
    expect(report.report.appeals.reconsideration).toMatchObject({
      upheld: r.upheld! + 1,
      pending: r.pending,
      total: r.total! + 1,
    });
    expect(report.explain['appeals.reconsideration.upheld']).toEqual([
      `${c.record.trackingNumber}/${first.id}`,
    ]);
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Another year's report does not count them.
    const before = await compileAnnualReport(platform, registrar, { agency: 'demo-subdistrict', year: 2025 });
    expect(before.report.appeals.reconsideration.total).toBe(0);
    clock.now = new Date('2026-03-02T02:00:00Z');
  });

  it('public submission waits for confirmation; the status shows the process only', async () => {
    clock.now = new Date('2026-03-02T02:00:00Z');
    const result = await submitPublicApplication(
      platform,
      'demo-education',
      {
        applicant: {
          type: 'commercialEnterprise',
          name: '示范建设有限公司',
          identityKind: 'creditCode',
          identityNumber: ids.company,
          email: 'x@example.com',
        },
        request: { description: '申请公开某项目的施工许可证' },
        form: { medium: 'electronic', delivery: 'online' },
      },
      '203.0.113.9',
    );
    expect(result.record.status).toBe('awaitingReceipt');
    expect(result.record.dueOn).toBeNull();
    const status = await getPublicStatus(
      platform,
      result.record.trackingNumber.toLowerCase(),
      result.queryCode!.toLowerCase(),
    );
    expect(status).toMatchObject({
      status: 'awaitingReceipt',
      history: [{ type: 'registered', date: '2026-03-02' }],
    });
    expect(JSON.stringify(status)).not.toMatch(new RegExp(`${ids.company}|示范建设|施工许可`));
    await expect(getPublicStatus(platform, result.record.trackingNumber, 'AAAAAAAAAA')).rejects.toMatchObject(
      {
        code: 'APPLICATION_NOT_FOUND',
      },
    );
  });

  it('table 二 figures: only handling staff enter them', async () => {
    const figures = {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 1, repealed: 0, inForce: 9 },
      licensing: 10,
      penalty: 2,
      enforcement: 0,
      feesTenThousandYuan: '0.1',
    };
    const auditor = staff({ role: 'auditor', agencyId: agency['demo-education']! });
    await expect(setReportFigures(platform, auditor, 'demo-education', 2026, figures)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    await setReportFigures(platform, registrar, 'demo-education', 2026, figures);
    const compiled = await compileAnnualReport(platform, auditor, { agency: 'demo-education', year: 2026 });
    expect(compiled.proactiveEntered).toBe(true);
    expect(compiled.report.proactive.licensing).toBe(10);
    await expect(
      setReportFigures(platform, registrar, 'demo-education', 2026, {
        ...figures,
        feesTenThousandYuan: '1.23456',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('a case across the year end and the New Year holiday: 补正 restarts the clock; both years count it', async () => {
    const registrar = staff({ role: 'registrar', agencyId: agency['demo-education']! });
    clock.now = new Date('2025-12-30T02:00:00Z');
    const c = await registerApplication(
      platform,
      registrar,
      applicationInput('demo-education', {
        applicant: {
          type: 'researchInstitution',
          name: '示范研究院',
          identityKind: 'creditCode',
          identityNumber: ids.company2,
          email: 'r@x.cn',
        },
        request: { description: '申请公开2025年度科研经费分配结果' },
      }),
    );
    expect(c.record.trackingNumber).toMatch(/^DEMO-EDUCATION-2025-\d{5}$/);
    expect(c.record.dueOn).toBe('2026-01-28');
    clock.now = new Date('2025-12-31T02:00:00Z');
    const asked = await recordApplicationEvent(platform, registrar, c.record.id, {
      type: 'correctionRequested',
      date: '2025-12-31',
      items: '请说明所需经费分配结果的范围',
      deadline: '2026-01-15',
    });
    expect([asked.record.status, asked.record.dueOn, asked.clock.correctionNoticeDue]).toEqual([
      'awaitingCorrection',
      null,
      '2026-01-09',
    ]);
    clock.now = new Date('2026-01-06T02:00:00Z');
    const corrected = await recordApplicationEvent(platform, registrar, c.record.id, {
      type: 'correctionReceived',
      date: '2026-01-06',
    });
    expect([corrected.clock.clockStart, corrected.clock.due, corrected.daysLeft]).toEqual([
      '2026-01-06',
      '2026-02-03',
      20,
    ]);
    const y2025 = await compileAnnualReport(platform, registrar, { agency: 'demo-education', year: 2025 });
    expect(y2025.explain['applications.carriedForward[2]']).toEqual([c.record.trackingNumber]);
    clock.now = new Date('2026-01-20T02:00:00Z');
    await recordApplicationEvent(platform, registrar, c.record.id, {
      type: 'answered',
      date: '2026-01-20',
      outcome: 'disclosed',
      legalGround: '条例第三十六条第二项',
    });
    const y2026 = await compileAnnualReport(platform, registrar, { agency: 'demo-education', year: 2026 });
    expect(y2026.explain['applications.carriedOver[2]']).toEqual([c.record.trackingNumber]);
    expect(y2026.explain['applications.disclosed[2]']).toEqual([c.record.trackingNumber]);
    clock.now = new Date('2026-03-02T02:00:00Z');
  });
});
