/**
 * Bringing an existing catalogue in (issue 13 item 6) and table 二 counted from it (item 5): a CSV with good and
 * bad rows, attachments from a folder and from a ZIP, a dry run that lists every refusal and stores nothing, an
 * import where each bad row is refused alone; then the annual report counts the imported 规范性文件 and explains
 * each cell with their 索引号.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOperator } from '../../../src/services/accounts/principal.js';
import { listAgencies } from '../../../src/services/agencies/list-agencies.js';
import type { Platform } from '../../../src/services/platform/platform.js';
import { seedDemo } from '../../../src/services/platform/seed-demo.js';
import { AttachmentExtractor } from '../../../src/services/publishing/attachments/pool.js';
import { importCatalogue } from '../../../src/services/publishing/import/import-catalogue.js';
import { indexCodeOf, settingsOf } from '../../../src/services/publishing/publishing-settings.js';
import { compileAnnualReport, explainCell } from '../../../src/services/reports/compile-annual-report.js';
import { setReportSection } from '../../../src/services/reports/set-report-section.js';
import { documentAttachmentsRepository } from '../../../src/storage/publishing/document-attachments-repository.js';
import { documentsRepository } from '../../../src/storage/publishing/documents-repository.js';
import { databases, freshPlatform, type TestDatabase } from '../../helpers/databases.js';
import { runCli } from '../../cli/run-cli.js';
import { buildPdf, textPage } from '../../support/minimal-pdf.js';

const extractor = new AttachmentExtractor({ workers: 1 });
afterAll(() => extractor.close());

const HEADER =
  '索引号,标题,文号,成文日期,发布日期,主题分类,体裁,公开事项,有效性,施行日期,废止日期,废止或修改依据,关键词,正文,附件';
const pdf = buildPdf([textPage([{ text: 'Subsidy list: Li Si, mobile 13912345678', x: 50, y: 700 }])]);

describe.each(databases)('a catalogue imported on %s', (_name, fresh) => {
  let platform: Platform;
  let close: () => Promise<void>;
  let database: TestDatabase;
  let folder: string;
  let code: string;
  let csv: string;

  beforeAll(async () => {
    ({ platform, close, database } = await freshPlatform(fresh));
    await seedDemo(platform);
    const education = (await listAgencies(platform, cliOperator)).find((a) => a.code === 'demo-education')!;
    code = indexCodeOf(education, await settingsOf(platform.db, education));
    folder = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    writeFileSync(join(folder, '名单.pdf'), pdf);
    writeFileSync(join(folder, 'setup.pdf'), new Uint8Array([0x4d, 0x5a, 0x90, 0, ...strToU8('%PDF-1.4')]));
    csv = [
      HEADER,
      // 2: a normative document made in 2023, still in force, with an attachment holding personal data.
      `${code}/2023-00777,示范区教育局关于规范校外培训收费的通知,示教规〔2023〕1号,2023-03-01,2023-03-05,1102,通知,行政规范性文件,有效,2023-04-01,,,培训;收费,"各学校：\n现将有关事项通知如下。",名单.pdf`,
      // 3: an old CMS 索引号, a normative document repealed in 2024 by the one above.
      'JY-2019-0001,示范区教育局关于校外培训管理的通知,示教规〔2019〕2号,2019/5/6,2019年5月8日,科技、教育\\教育,通知,行政规范性文件,废止,2019-06-01,2024-06-30,示教规〔2023〕1号,,<p>旧文件<script>x()</script></p>,',
      // 4: no 索引号 (one is assigned), a plain notice.
      ',示范区教育局2024年招生工作安排,,2024-02-01,2024-02-03,教育,通知,（十一）教育,,,,,,招生安排,',
      // 5: refused: the attachment is not in the folder.
      'JY-2020-0009,缺附件的通知,,2020-01-01,2020-01-02,1102,通知,（十一）教育,,,,,,,不存在.pdf',
      // 6: refused: an executable named .pdf.
      'JY-2020-0010,带可执行文件的通知,,2020-01-01,2020-01-02,1102,通知,（十一）教育,,,,,,,setup.pdf',
      // 7: refused: an impossible date, an unknown category, an unknown genre.
      'JY-2020-0011,坏行,,2020-02-30,2020-03-01,不存在的分类,便条,（十一）教育,,,,,,,',
      // 8: refused: the same 索引号 as line 3.
      'JY-2019-0001,重复的索引号,,2019-01-01,2019-01-02,1102,通知,（十一）教育,,,,,,,',
      // 9: refused: 成文日期 after 发布日期.
      'JY-2021-0001,日期颠倒,,2021-05-01,2021-04-01,1102,通知,（十一）教育,,,,,,,',
    ].join('\n');
  }, 120_000);
  afterAll(() => close());

  const run = (dryRun: boolean, attachments: Parameters<typeof importCatalogue>[2]['attachments']) =>
    importCatalogue(
      platform,
      cliOperator,
      { table: { name: '目录.csv', bytes: strToU8(csv) }, agency: 'demo-education', attachments, dryRun },
      { extractor },
    );

  it('lists in a dry run every row it would refuse, and why, and stores nothing', async () => {
    const result = await run(true, { kind: 'folder', path: folder });
    // Lines as a person finds them in the file: row 2's body spans two lines.
    expect(result.accepted.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(result.accepted[0]).toMatchObject({ attachments: 1, personalData: 1 });
    const refused = new Map(
      result.refused.map((r) => [r.line, r.reasons.map((reason) => reason.zh).join(' | ')]),
    );
    expect([...refused.keys()]).toEqual([6, 7, 8, 9, 10]);
    expect(refused.get(6)).toContain('找不到附件“不存在.pdf”');
    expect(refused.get(7)).toContain('可执行程序');
    expect(refused.get(8)).toContain('成文日期不是有效日期');
    expect(refused.get(8)).toContain('主题分类无法识别');
    expect(refused.get(8)).toContain('体裁无法识别');
    expect(refused.get(9)).toContain('索引号与第 4 行重复');
    expect(refused.get(10)).toMatch(/成文日期|发布日期/);
    expect(await documentsRepository.findByIndexNumber(platform.db, 'JY-2019-0001')).toBeUndefined();
  });

  it('imports the good rows whole, as published documents with an `imported` event, and refuses the bad ones alone', async () => {
    const zip = zipSync({ 'files/名单.pdf': pdf });
    const result = await run(false, { kind: 'zip', name: 'attachments.zip', bytes: zip });
    expect(result.accepted.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(result.refused.map((r) => r.line)).toEqual([6, 7, 8, 9, 10]);
    const policy = await documentsRepository.findByIndexNumber(platform.db, `${code}/2023-00777`);
    expect(policy?.record).toMatchObject({
      status: 'published',
      publishedOn: '2023-03-05',
      publishedVersion: 1,
    });
    const attachments = await documentAttachmentsRepository.list(platform.db, policy!.record.id, 1);
    expect(attachments.map((a) => [a.name, a.mediaType])).toEqual([['名单.pdf', 'application/pdf']]);
    expect(attachments[0]!.textContent).toContain('13912345678');
    const events = await documentsRepository.listEvents(platform.db, policy!.record.id);
    expect(events.map((e) => e.event.type)).toEqual(['imported']);
    const old = await documentsRepository.findByIndexNumber(platform.db, 'JY-2019-0001');
    expect(old?.record.metadata.validity).toMatchObject({ status: 'repealed', repealedOn: '2024-06-30' });
    const version = await documentsRepository.getVersion(platform.db, old!.record.id, 1);
    expect(version?.bodyHtml).toBe('<p>旧文件</p>');
    const assigned = result.accepted.find((r) => r.line === 5)!.indexNumber!;
    expect(assigned.startsWith(`${code}/2024-`)).toBe(true);
    // The agency's counter for 2023 was raised past the imported number: it is never handed out again.
    const counter = await platform.db
      .selectFrom('document_index_counters')
      .select('last_seq')
      .where('scope', '=', code)
      .where('year', '=', 2023)
      .executeTakeFirst();
    expect(Number(counter?.last_seq)).toBeGreaterThanOrEqual(777);
    // Importing the same file again refuses the rows already there.
    const again = await run(true, { kind: 'zip', name: 'attachments.zip', bytes: zip });
    expect(again.refused.find((r) => r.line === 2)?.reasons[0]?.zh).toContain('已有文件');
  });

  it("counts the imported rules in table 二 and explains each cell with the documents' 索引号", async () => {
    const compiled = await compileAnnualReport(platform, cliOperator, {
      agency: 'demo-education',
      year: 2024,
    });
    const inForce = explainCell(compiled, 'proactive.normativeDocuments.inForce');
    expect(inForce.cases).toContain(`${code}/2023-00777`);
    expect(inForce.cases).not.toContain('JY-2019-0001');
    const repealed = explainCell(compiled, 'proactive.normativeDocuments.repealed');
    expect(repealed.cases).toContain('JY-2019-0001');
    expect(repealed.value).toBe(repealed.cases.length);
    expect(compiled.report.proactive.normativeDocuments.inForce).toBe(inForce.cases.length);
    const sections = compiled.report.sections!;
    expect(sections.map((s) => s.number)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(sections[0]!.text).toContain(
      `行政规范性文件${compiled.report.proactive.normativeDocuments.repealed}件`,
    );
    expect(compiled.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Staff write section 六 and replace the draft of 一; the report carries their text.
    await setReportSection(platform, cliOperator, 'demo-education', 2024, '六', '无其他需要报告的事项。');
    await setReportSection(platform, cliOperator, 'demo-education', 2024, '一', '（一）经修改的总体情况。');
    const again = await compileAnnualReport(platform, cliOperator, { agency: 'demo-education', year: 2024 });
    expect(again.report.sections!.map((s) => s.text ?? null)).toEqual([
      '（一）经修改的总体情况。',
      null,
      null,
      null,
      null,
      '无其他需要报告的事项。',
    ]);
  });

  it('runs from the command line with a folder of attachments', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-cli-'));
    const table = join(dir, '目录.csv');
    writeFileSync(
      table,
      `${HEADER}\nCLI-2024-1,命令行导入的通知,,2024-03-01,2024-03-02,1102,通知,（十一）,,,,,,,名单.pdf\nCLI-2024-2,坏日期,,2024-13-01,2024-03-02,1102,通知,（十一）,,,,,,,\n`,
    );
    const env = { DATABASE_URL: database.url };
    const out = await runCli(
      ['publishing', 'import', table, '--agency', 'demo-education', '--attachments', folder],
      { env },
    );
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('第 3 行拒绝：成文日期：成文日期不是有效日期：“2024-13-01”');
    expect(out.stdout).toContain('第 2 行（CLI-2024-1）的附件含 1 处个人信息，请复核');
    expect(out.stdout).toContain('已导入 1 行，拒绝 1 行。');
    expect(await documentsRepository.findByIndexNumber(platform.db, 'CLI-2024-1')).toBeDefined();
  });
});
