/** Rules across two years of the same agency (§7 rules 9–10); warnings, since agencies re-base after reorganisations. */
import type { Finding } from '../findings.js';
import type { AnnualReport } from '../model.js';
import { APPLICANT_COLUMNS } from '../template.js';
import { finding } from './shared.js';

/** Checks a report against the previous year's report of the same agency. */
export function checkAgainstPrevious(report: AnnualReport, previous: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const year = report.year;
  if (year !== null && previous.year !== null && previous.year !== year - 1) {
    findings.push(
      finding('carry-over', 'year', {
        zh: () => `对照的上年报告是 ${previous.year} 年度，不是 ${year - 1} 年度`,
        en: () => `The previous report given is for ${previous.year}, not ${year - 1}`,
      }),
    );
    return findings;
  }
  if (report.agency !== null && previous.agency !== null && report.agency !== previous.agency) {
    findings.push(
      finding('carry-over', 'agency', {
        zh: () => `对照的上年报告发布机关为“${previous.agency}”，与本报告“${report.agency}”不同`,
        en: () => `The previous report is by "${previous.agency}", not "${report.agency}"`,
      }),
    );
  }
  for (const column of APPLICANT_COLUMNS) {
    const now = report.applications.carriedOver[column.index] ?? null;
    const before = previous.applications.carriedForward[column.index] ?? null;
    if (now === null || before === null || now === before) continue;
    findings.push(
      finding(
        'carry-over',
        `applications.carriedOver[${column.index}]`,
        {
          zh: (name) => `${name} 为 ${now}，上年报告“四、结转下年度继续办理”为 ${before}`,
          en: (name) => `${name} is ${now}; last year's report carried forward ${before}`,
        },
        { expected: before, actual: now },
      ),
    );
  }
  if (report.template === '2021' && previous.template === '2021') {
    for (const key of ['regulations', 'normativeDocuments'] as const) {
      const { issued, repealed, inForce } = report.proactive[key];
      const before = previous.proactive[key].inForce;
      if (issued === null || repealed === null || inForce === null || before === null) continue;
      const expected = before + issued - repealed;
      if (expected === inForce) continue;
      findings.push(
        finding(
          'stock-continuity',
          `proactive.${key}.inForce`,
          {
            zh: (name) =>
              `${name} 应为上年 ${before} + 本年制发 ${issued} − 本年废止 ${repealed} = ${expected}，实为 ${inForce}`,
            en: (name) =>
              `${name} should be last year's ${before} + ${issued} issued − ${repealed} repealed = ${expected}; it is ${inForce}`,
          },
          { expected, actual: inForce },
        ),
      );
    }
  }
  return findings;
}
