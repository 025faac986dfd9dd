import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SHARED } from '../../../test/support/fixtures.js';
import {
  APPEAL_GROUPS,
  APPEAL_RESULTS,
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  FORMAT_2019_MARKERS,
  OUTCOME_ROWS,
  PROACTIVE_CELLS,
  PROACTIVE_TABLES,
  SECTIONS,
} from './template.js';

const domain = readFileSync(`${SHARED}docs/DOMAIN.md`, 'utf8');

describe('the 2021 template as data', () => {
  it('has the 25 data rows and 7 columns of table 三 (175 cells), and 15 columns in table 四', () => {
    expect(APPLICATION_ROWS).toHaveLength(25);
    expect(OUTCOME_ROWS).toHaveLength(21);
    expect(APPLICANT_COLUMNS.map((c) => c.label)).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
      '总计',
    ]);
    expect(APPEAL_GROUPS.length * APPEAL_RESULTS.length).toBe(15);
    expect(new Set(APPLICATION_ROWS.map((r) => r.path)).size).toBe(25);
  });

  it('has every label verbatim as DOMAIN.md §2 quotes it', () => {
    for (const row of APPLICATION_ROWS) {
      expect(domain, row.label).toContain(row.label);
      if (row.group) expect(domain, row.group).toContain(row.group);
    }
    for (const table of PROACTIVE_TABLES) {
      expect(domain).toContain(table.caption);
      for (const column of table.columns) expect(domain, column.label).toContain(column.label);
      for (const row of table.rows) expect(domain, row.label).toContain(`| ${row.label} |`);
    }
    for (const section of SECTIONS) expect(domain).toContain(`${section.number}、${section.title}`);
    for (const result of APPEAL_RESULTS) expect(domain).toContain(result.label);
    for (const marker of FORMAT_2019_MARKERS) expect(domain).toContain(marker);
  });

  it('names the JSON contract key of each of the nine section-二 cells', () => {
    expect(PROACTIVE_CELLS.map((c) => c.path)).toEqual([
      'proactive.regulations.issued',
      'proactive.regulations.repealed',
      'proactive.regulations.inForce',
      'proactive.normativeDocuments.issued',
      'proactive.normativeDocuments.repealed',
      'proactive.normativeDocuments.inForce',
      'proactive.licensing',
      'proactive.penalty',
      'proactive.enforcement',
      'proactive.feesTenThousandYuan',
    ]);
  });
});
