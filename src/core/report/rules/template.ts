/** Rules on the report's shape: the right template for its year, and its six sections (§7 rules 6–7). */
import type { Finding } from '../findings.js';
import type { AnnualReport } from '../model.js';
import { FIRST_YEAR_OF_2021_FORMAT, FORMAT_2019_MARKERS, PROACTIVE_CELLS, SECTIONS } from '../template.js';
import { getAt } from '../cells.js';
import { finding } from './shared.js';

const OTHER_PROCESSING = 'applications.otherProcessing';
/** Section-二 cells both formats print (the 2019 format's 处理决定数量 column). */
const IN_2019_FORMAT = new Set(['proactive.licensing', 'proactive.penalty', 'proactive.enforcement']);

/** §7 rule 6: a 2021-format report carries no 2019-format rows or columns; a report for 2021+ uses the 2021 format. */
export function checkTemplate(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const other = report.applications.otherProcessing;
  const splitRows = [other.correctionOverdue, other.feeUnpaid];
  if (report.template === '2021') {
    if (splitRows.every((row) => row === null)) {
      findings.push(
        finding('template', OTHER_PROCESSING, {
          zh: () =>
            '2021 年格式的“（六）其他处理”应分为三行（逾期不补正、逾期未缴费、其他），此表仍为 2019 年试行格式的单行',
          en: () =>
            '(6) Other handling must have three rows in the 2021 format (no correction, fee unpaid, other); this table keeps the single row of the 2019 format',
        }),
      );
    } else if (splitRows.some((row) => row === null)) {
      findings.push(
        finding('template', OTHER_PROCESSING, {
          zh: () => '“（六）其他处理”缺少一行：2021 年格式应有三行',
          en: () => '(6) Other handling lacks a row: the 2021 format has three',
        }),
      );
    }
    for (const marker of new Set(report.formatMarkers ?? [])) {
      if (!(FORMAT_2019_MARKERS as readonly string[]).includes(marker)) continue;
      findings.push(
        finding('template', 'proactive', {
          zh: () => `2021 年格式的报告中出现 2019 年试行格式的栏目“${marker}”`,
          en: () => `A 2021-format report carries the 2019 试行 label "${marker}"`,
        }),
      );
    }
    return findings;
  }
  // A 2019 试行 format report.
  if (report.year !== null && report.year >= FIRST_YEAR_OF_2021_FORMAT) {
    findings.push(
      finding('template', 'template', {
        zh: () => `${report.year} 年度报告应使用国办公开办函〔2021〕30号印发的格式，却使用了 2019 年试行格式`,
        en: () =>
          `A report for ${report.year} must use the format of 国办公开办函〔2021〕30号, not the 2019 试行 format`,
      }),
    );
  }
  if (splitRows.some((row) => row !== null)) {
    findings.push(
      finding(
        'template',
        OTHER_PROCESSING,
        {
          zh: () => '2019 年试行格式的“（六）其他处理”只有一行，此表却有 2021 年格式的分行',
          en: () =>
            '(6) Other handling is a single row in the 2019 format, but this table has 2021-format rows',
        },
        { severity: 'warning' },
      ),
    );
  }
  for (const cell of PROACTIVE_CELLS) {
    // The 2019 format prints 处理决定数量 for 行政许可, 行政处罚 and 行政强制 too: those cells are its own.
    if (IN_2019_FORMAT.has(cell.path) || getAt(report, cell.path) === null) continue;
    findings.push(
      finding(
        'template',
        cell.path,
        {
          zh: (name) => `${name} 是 2021 年格式的栏目，2019 年试行格式没有`,
          en: (name) => `${name} belongs to the 2021 format; the 2019 format has no such cell`,
        },
        { severity: 'warning' },
      ),
    );
  }
  return findings;
}

/** §7 rule 7: when the reader recorded the headings, all six sections are present and in order. */
export function checkSections(report: AnnualReport): Finding[] {
  if (report.sections === undefined) return [];
  const found = report.sections.map((section) => section.number);
  const findings: Finding[] = [];
  let last = -1;
  SECTIONS.forEach((section, index) => {
    const at = found.indexOf(section.number);
    if (at === -1) {
      findings.push(
        finding('sections', 'sections', {
          zh: () => `缺少第${section.number}部分“${section.number}、${section.title}”`,
          en: () =>
            `Section ${index + 1} "${section.titleEn}" (${section.number}、${section.title}) is missing`,
        }),
      );
    } else if (at < last) {
      findings.push(
        finding('sections', 'sections', {
          zh: () => `第${section.number}部分“${section.title}”顺序不对`,
          en: () => `Section ${index + 1} "${section.titleEn}" is out of order`,
        }),
      );
    } else {
      last = at;
    }
  });
  return findings;
}
