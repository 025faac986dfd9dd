/**
 * A run of digits no split of which adds up (the reader's `unsplittable` doubt): whatever the cells are, the
 * published row or group does not add up, so the arithmetic error is reported although its cells stay blank.
 */
import type { Finding } from '../findings.js';
import type { AnnualReport } from '../model.js';
import { finding } from './shared.js';

export function checkUnsplittable(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  for (const doubt of report.doubts ?? []) {
    if (doubt.kind !== 'unsplittable' || doubt.path === undefined) continue;
    if (doubt.path === 'appeals') {
      findings.push(
        finding('appeal-total', 'appeals', {
          zh: () => '四、复议诉讼表的数字连在一起，无论怎样拆分，各组的总计都不等于其四项之和：表中合计有误',
          en: () =>
            'The digits of table 四 ran together and no split makes each group total the sum of its four results: the table does not add up',
        }),
      );
    } else if (doubt.path.startsWith('applications.')) {
      findings.push(
        finding('row-total', `${doubt.path}[6]`, {
          zh: (name) =>
            `${name.replace(/ · .*$/, '')} 一行的数字连在一起，无论怎样拆分，总计都不等于六列之和：此行合计有误`,
          en: (name) =>
            `The digits of ${name.replace(/ · .*$/, '')} ran together and no split makes 总计 the sum of the six columns: the row does not add up`,
        }),
      );
    }
  }
  return findings;
}
