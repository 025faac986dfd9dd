/** The narrative and the tables agree: each figure sections 一 and 二 state equals its cells (warning). */
import { cellName, getAt } from '../cells.js';
import type { Finding } from '../findings.js';
import type { AnnualReport } from '../model.js';
import { figureAgrees, statedFigures } from '../prose.js';
import { finding } from './shared.js';

/** The sections whose narrative states figures of the tables. */
const NARRATIVE_SECTIONS = new Set(['一', '二', '三', '四']);

/** A sentence shortened for a message, around the figure it states. */
function quote(sentence: string, value: number): string {
  if (sentence.length <= 60) return sentence;
  const at = Math.max(0, sentence.indexOf(String(value)) - 30);
  return `${at > 0 ? '…' : ''}${sentence.slice(at, at + 60)}…`;
}

function cellValue(report: AnnualReport, path: string): number | null {
  const value = getAt(report, path);
  return typeof value === 'number' ? value : null;
}

/** Warns for each stated figure that disagrees with its cells (figures whose cells are blank are not decided). */
export function checkProse(report: AnnualReport): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const section of report.sections ?? []) {
    if (!NARRATIVE_SECTIONS.has(section.number) || typeof section.text !== 'string') continue;
    for (const figure of statedFigures(section.text)) {
      if (figureAgrees(figure, (path) => cellValue(report, path)) !== false) continue;
      const key = `${figure.cells.join('+')}=${figure.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let actual = 0;
      for (const path of figure.cells) actual += cellValue(report, path)!;
      const path = figure.cells[0]!;
      const sentence = quote(figure.sentence, figure.value);
      const names = (lang: 'zh' | 'en') =>
        figure.cells.map((cell) => cellName(cell, lang)).join(lang === 'zh' ? ' + ' : ' + ');
      findings.push(
        finding(
          'prose',
          path,
          {
            zh: () =>
              `第${section.number}部分写道“${sentence}”（${figure.value}），而表中 ${names('zh')} 为 ${actual}`,
            en: () =>
              `Section ${section.number} states "${sentence}" (${figure.value}), but the table has ${names('en')} = ${actual}`,
          },
          { expected: figure.value, actual, cells: [...figure.cells] },
        ),
      );
    }
  }
  return findings;
}
