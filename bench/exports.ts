// Benchmark: report exports (`npm run bench:exports`). Prints figures; not a test.
//   DOCX of a full report (target < 200 ms), PDF by the warm Chromium (target < 2 s), the supervisor XLSX of a
//   500-agency subtree (target < 2 s). Each beside a baseline measured in the same run (the machine is shared
//   and noisy): a one-page answer letter through the same docx pipeline, the report's HTML, and a CSV of the
//   same 500 rows.
import { performance } from 'node:perf_hooks';
import { composeAnswerDocument } from '../src/core/answers/compose.js';
import { defaultTemplate } from '../src/core/answers/templates.js';
import { checkReport } from '../src/core/report/check.js';
import { listCells } from '../src/core/report/cells.js';
import { publicationState } from '../src/core/report/deadline.js';
import type { AnnualReport } from '../src/core/report/model.js';
import { renderReportHtml } from '../src/core/report/render-html.js';
import { answerDocx } from '../src/services/answers/docx/answer-docx.js';
import { closePdfPrinter, printPdf } from '../src/services/reports/export/pdf-printer.js';
import { reportDocx } from '../src/services/reports/export/report-docx.js';
import { subtreeXlsx } from '../src/services/reports/export/report-xlsx.js';
import type { SubtreeOverview } from '../src/services/reports/subtree-overview.js';
import { everyCellNonZeroReport } from '../test/support/full-report.js';

const created = new Date('2027-01-20T02:00:00Z');

async function measure(label: string, runs: number, work: () => Promise<unknown> | unknown) {
  await work(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`  ${label}: median ${median.toFixed(1)} ms, best ${times[0]!.toFixed(1)} ms (${runs} runs)`);
  return median;
}

const report = everyCellNonZeroReport();
const letter = composeAnswerDocument(defaultTemplate, {
  agency: { name: '示范区教育局', code: 'demo-education', officeName: null, address: null, phone: null },
  reconsiderationBody: '示范区人民政府',
  applicantName: '张三',
  trackingNumber: null,
  request: '学校建设项目清单',
  receivedDate: '2026-11-02',
  outcome: 'disclosed',
  details: null,
  referralAgency: null,
  legalGround: null,
  answerDate: '2026-11-30',
  documentNumber: '〔2026〕第7号',
});

console.log('DOCX (target < 200 ms):');
const answer = await measure('answer letter (baseline)', 10, () => answerDocx(letter, created));
const docx = await measure('annual report', 10, () => reportDocx(report, created));
console.log(`  ratio report / letter: ${(docx / answer).toFixed(2)}`);

console.log('PDF by the warm Chromium (target < 2 s):');
const coldStart = performance.now();
await printPdf(renderReportHtml(report));
console.log(`  first print including the browser start: ${(performance.now() - coldStart).toFixed(0)} ms`);
const html = await measure('HTML rendering (baseline)', 10, () => renderReportHtml(report));
const pdf = await measure('annual report', 5, () => printPdf(renderReportHtml(report)));
console.log(`  ratio PDF / HTML: ${(pdf / html).toFixed(0)}`);
await closePdfPrinter();

console.log('XLSX of a 500-agency subtree (target < 2 s):');
const rows: SubtreeOverview['rows'] = Array.from({ length: 500 }, (_, i) => {
  const one: AnnualReport = { ...everyCellNonZeroReport(`示范区第${i + 1}局`), agency: `示范区第${i + 1}局` };
  if (i % 7 === 0) one.applications.totalProcessed[6] = (one.applications.totalProcessed[6] ?? 0) + 1;
  const findings = checkReport(one);
  return {
    agency: {
      id: `a${i}`,
      code: `a${i}`,
      name: `示范区第${i + 1}局`,
      parentId: 'root',
      parentName: '示范区人民政府',
    },
    report: one,
    findings,
    errorCount: findings.filter((f) => f.severity === 'error').length,
    warningCount: findings.filter((f) => f.severity === 'warning').length,
    caseCount: 700,
    proactiveEntered: true,
    publication: publicationState(2026, i % 3 === 0 ? '2027-01-20' : null, '2027-02-03'),
  };
});
const overview: SubtreeOverview = {
  root: { id: 'root', code: 'root', name: '示范区人民政府' },
  year: 2026,
  rows,
};
const csv = await measure('CSV of the same rows (baseline)', 3, () =>
  rows
    .map((row) =>
      [row.agency.name, row.publication.status, ...listCells(row.report).map((c) => c.value ?? '')].join(','),
    )
    .join('\n'),
);
const xlsx = await measure('supervisor workbook', 3, () => subtreeXlsx(overview, created));
console.log(
  `  ratio XLSX / CSV: ${(xlsx / csv).toFixed(0)}; ${rows.length} rows × ${listCells(report).length + 11} columns`,
);
