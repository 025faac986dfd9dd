/**
 * The annual report's publication (SQLite and PostgreSQL): text written, the recorded approval step (the 负责人,
 * audited, frozen), publication dated in Beijing time against the 31 January deadline, the supervisor's list of
 * who has published, is late or missing, the published files for the public, and 上年结转 checked against last
 * year's published report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/core/errors.js';
import { readReport } from '../../src/readers/index.js';
import type { Platform } from '../../src/services/platform/platform.js';
import { seedDemo } from '../../src/services/platform/seed-demo.js';
import { approveReport } from '../../src/services/reports/approve-report.js';
import { compileAnnualReport } from '../../src/services/reports/compile-annual-report.js';
import { exportPublishedReport } from '../../src/services/reports/export-published-report.js';
import { closePdfPrinter } from '../../src/services/reports/export/pdf-printer.js';
import { getPublicationState } from '../../src/services/reports/get-publication-state.js';
import { publishReport } from '../../src/services/reports/publish-report.js';
import { setReportTexts } from '../../src/services/reports/set-report-texts.js';
import { subtreeOverview } from '../../src/services/reports/subtree-overview.js';
import { databases, freshPlatform } from '../helpers/databases.js';
import { staff } from '../support/applications.js';

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
  return 'OK';
}

describe.each(databases)('publishing the annual report on %s', (_name, fresh) => {
  let platform: Platform;
  let clock: { now: Date };
  let close: () => Promise<void>;
  let ids: Map<string, string>;
  const as = (role: 'registrar' | 'approver' | 'supervisor', code: string) =>
    staff({ role, agencyId: ids.get(code)! });

  beforeAll(async () => {
    ({ platform, clock, close } = await freshPlatform(fresh));
    await seedDemo(platform);
    const rows = await platform.db.selectFrom('agencies').select(['id', 'code']).execute();
    ids = new Map(rows.map((r) => [r.code, r.id]));
  });
  afterAll(async () => {
    await closePdfPrinter();
    await close();
  });

  it('writes the text, approves (the 负责人 only), publishes once, on time; the public gets the frozen report', async () => {
    clock.now = new Date('2027-01-20T02:00:00Z');
    const texts = await setReportTexts(
      platform,
      as('registrar', 'demo-subdistrict'),
      'demo-subdistrict',
      2026,
      {
        一: '本年度，示范街道办事处认真贯彻落实《条例》。',
        五: '答复文书说理仍需加强。',
        六: '本年度未收取信息处理费。',
      },
    );
    expect(Object.keys(texts)).toEqual(['一', '五', '六']);
    expect(
      await codeOf(publishReport(platform, as('registrar', 'demo-subdistrict'), 'demo-subdistrict', 2026)),
    ).toBe('REPORT_PUBLICATION_STEP');
    expect(
      await codeOf(approveReport(platform, as('registrar', 'demo-subdistrict'), 'demo-subdistrict', 2026)),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(approveReport(platform, as('approver', 'demo-education'), 'demo-subdistrict', 2026)),
    ).toBe('AGENCY_NOT_FOUND');
    const approved = await approveReport(
      platform,
      as('approver', 'demo-subdistrict'),
      'demo-subdistrict',
      2026,
    );
    expect(approved.step).toBe('approved');
    expect(approved.approvedBy).toBe('tester');
    expect(approved.deadline).toEqual({ status: 'due', dueDate: '2027-01-31', publishedOn: null });
    expect(await codeOf(exportPublishedReport(platform, 'demo-subdistrict', 2026, 'pdf'))).toBe(
      'REPORT_NOT_PUBLISHED',
    );

    clock.now = new Date('2027-01-30T17:00:00Z'); // 2027-01-31 01:00 in Beijing: still on time
    const published = await publishReport(
      platform,
      as('registrar', 'demo-subdistrict'),
      'demo-subdistrict',
      2026,
    );
    expect(published.step).toBe('published');
    expect(published.deadline).toEqual({
      status: 'published-on-time',
      dueDate: '2027-01-31',
      publishedOn: '2027-01-31',
    });
    expect(
      await codeOf(approveReport(platform, as('approver', 'demo-subdistrict'), 'demo-subdistrict', 2026)),
    ).toBe('REPORT_PUBLICATION_STEP');
    expect(
      await codeOf(publishReport(platform, as('registrar', 'demo-subdistrict'), 'demo-subdistrict', 2026)),
    ).toBe('REPORT_PUBLICATION_STEP');

    const docx = await exportPublishedReport(platform, 'demo-subdistrict', 2026, 'docx');
    const again = await exportPublishedReport(platform, 'demo-subdistrict', 2026, 'docx');
    expect(Buffer.from(again.bytes).equals(Buffer.from(docx.bytes))).toBe(true);
    const pdf = await exportPublishedReport(platform, 'demo-subdistrict', 2026, 'pdf');
    const compiled = await compileAnnualReport(platform, as('registrar', 'demo-subdistrict'), {
      agency: 'demo-subdistrict',
      year: 2026,
    });
    for (const file of [docx, pdf]) {
      const read = await readReport(file.bytes, file.fileName);
      expect(read.report.applications, file.format).toEqual(compiled.report.applications);
    }
    const actions = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'report')
      .where('action', '!=', 'report.figures-set') // the demo seed enters table 二
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['report.texts-set', 'report.approve', 'report.publish']);
  });

  it('lists for the supervisor who has published, who is late and who is missing', async () => {
    clock.now = new Date('2027-02-05T02:00:00Z');
    await approveReport(platform, as('approver', 'demo-district'), 'demo-district', 2026);
    await publishReport(platform, as('registrar', 'demo-district'), 'demo-district', 2026);
    const overview = await subtreeOverview(platform, as('supervisor', 'demo-district'), {
      agency: 'demo-district',
      year: 2026,
    });
    expect(overview.rows.map((r) => [r.agency.code, r.publication.status, r.errorCount])).toEqual([
      ['demo-district', 'late', 0],
      ['demo-subdistrict', 'published-on-time', 0],
      ['demo-education', 'missing', 0],
    ]);
    expect(
      await codeOf(approveReport(platform, as('approver', 'demo-education'), 'demo-education', 2026)),
    ).toBe('REPORT_NO_DATA');
    const state = await getPublicationState(
      platform,
      as('supervisor', 'demo-district'),
      'demo-education',
      2026,
    );
    expect(state.step).toBe('draft');
  });

  it('checks 上年结转 against last year’s published report', async () => {
    clock.now = new Date('2027-03-01T02:00:00Z');
    const principal = as('registrar', 'demo-subdistrict');
    const clean = await compileAnnualReport(platform, principal, { agency: 'demo-subdistrict', year: 2027 });
    expect(clean.previousPublished).toBe(true);
    expect(clean.findings.filter((f) => f.rule === 'carry-over')).toEqual([]);
    expect(clean.report.applications.carriedOver[6]).toBeGreaterThan(0);
    // A published report whose 结转下年度 differs from what the records carry over is flagged.
    const row = await platform.db
      .selectFrom('report_publications')
      .select('report_json')
      .where('agency_id', '=', ids.get('demo-subdistrict')!)
      .where('year', '=', 2026)
      .executeTakeFirstOrThrow();
    const frozen = JSON.parse(row.report_json);
    frozen.applications.carriedForward[0] += 5;
    frozen.applications.carriedForward[6] += 5;
    await platform.db
      .updateTable('report_publications')
      .set({ report_json: JSON.stringify(frozen) })
      .where('agency_id', '=', ids.get('demo-subdistrict')!)
      .where('year', '=', 2026)
      .execute();
    const flagged = await compileAnnualReport(platform, principal, {
      agency: 'demo-subdistrict',
      year: 2027,
    });
    expect(flagged.findings.filter((f) => f.rule === 'carry-over').map((f) => f.path)).toEqual([
      'applications.carriedOver[0]',
      'applications.carriedOver[6]',
    ]);
  });
});
