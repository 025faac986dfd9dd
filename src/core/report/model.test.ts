import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { expectedFixtures, readExpected } from '../../../test/support/fixtures.js';
import { annualReportJsonSchema } from './json-schema.js';
import { parseReport } from './model.js';

const committedSchema = JSON.parse(
  readFileSync(new URL('../../../docs/annual-report.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('the report model gongkai.annual-report/v1', () => {
  it.each(expectedFixtures())('accepts the fixture %s', (name) => {
    expect(parseReport(readExpected(name)).ok).toBe(true);
  });

  it('keeps unknown optional keys (the contract grows by adding keys)', () => {
    const report = { ...(readExpected('huaian-city-2024.json') as object), narrative: { one: '总体情况' } };
    const result = parseReport(report);
    expect(result.ok && (result.report as Record<string, unknown>).narrative).toEqual({ one: '总体情况' });
  });

  it('rejects malformed input with a message naming the path', () => {
    const report = structuredClone(readExpected('huaian-city-2024.json')) as Record<string, any>;
    report.applications.withheld.stateSecret = [1, 2, 3];
    report.appeals.reconsideration.total = '351';
    report.template = '2020';
    const result = parseReport(report);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'template',
        'applications.withheld.stateSecret',
        'appeals.reconsideration.total',
      ]),
    );
    const total = result.issues.find((issue) => issue.path === 'appeals.reconsideration.total')!;
    expect(total.message).toContain('应为 number');
    expect(total.messageEn).toContain('expected number');
  });

  it('rejects what is not a report at all', () => {
    for (const input of [null, 42, 'text', [], {}, { schema: 'gongkai.annual-report/v2' }]) {
      expect(parseReport(input).ok).toBe(false);
    }
  });
});

describe('the committed JSON Schema (docs/annual-report.schema.json)', () => {
  it('is what the runtime schema generates (run `npm run schema` after changing the model)', () => {
    expect(committedSchema).toEqual(annualReportJsonSchema());
  });

  it('lets another tool (Ajv) validate reports without our code', () => {
    const validate = new Ajv2020({ strict: false }).compile(committedSchema);
    for (const name of expectedFixtures()) {
      expect(validate(readExpected(name)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    const broken = structuredClone(readExpected('huaian-city-2024.json')) as Record<string, any>;
    broken.applications.totalProcessed = [1, 2];
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/applications/totalProcessed');
  });
});
