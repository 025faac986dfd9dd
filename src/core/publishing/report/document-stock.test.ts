import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../errors.js';
import { compileDocumentStock, type DocumentStockFacts } from './document-stock.js';

const doc = (
  id: string,
  madeOn: string,
  endedOn: string | null = null,
  category: DocumentStockFacts['category'] = 'normativeDocuments',
): DocumentStockFacts => ({
  id,
  category,
  madeOn,
  endedOn,
});

describe("table 二's 规章 and 行政规范性文件 rows from the documents", () => {
  const documents = [
    doc('A/2023-00001', '2023-05-01'), // made last year, in force
    doc('A/2023-00002', '2023-06-01', '2024-03-01'), // repealed this year
    doc('A/2024-00003', '2024-01-10'), // made this year
    doc('A/2024-00004', '2024-02-01', '2024-12-31'), // made and ended this year (on the last day)
    doc('A/2024-00005', '2024-12-31', null, 'regulations'), // a 规章 made on the last day
    doc('A/2025-00001', '2025-01-02'), // next year: not counted
    doc('A/2022-00001', '2022-01-01', '2023-12-31', 'regulations'), // ended before the year
    doc('A/2024-00006', '2024-07-01', '2025-06-30'), // ends next year: in force at year end
  ];
  const compiled = compileDocumentStock(documents, { year: 2024 });

  it('counts made, ended and in force at year end', () => {
    expect(compiled.normativeDocuments).toEqual({ issued: 3, repealed: 2, inForce: 3 });
    expect(compiled.regulations).toEqual({ issued: 1, repealed: 0, inForce: 1 });
  });

  it('names the documents behind every cell', () => {
    expect(compiled.explain['proactive.normativeDocuments.issued']).toEqual([
      'A/2024-00003',
      'A/2024-00004',
      'A/2024-00006',
    ]);
    expect(compiled.explain['proactive.normativeDocuments.repealed']).toEqual([
      'A/2023-00002',
      'A/2024-00004',
    ]);
    expect(compiled.explain['proactive.normativeDocuments.inForce']).toEqual([
      'A/2023-00001',
      'A/2024-00003',
      'A/2024-00006',
    ]);
    expect(compiled.explain['proactive.regulations.repealed']).toBeUndefined();
  });

  it('keeps the stock continuous: in force = last year in force + made − ended', () => {
    const date = fc
      .integer({ min: 0, max: 3 * 366 })
      .map((d) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(date, fc.option(date), fc.boolean()), { maxLength: 60 }), (rows) => {
        const docs = rows.map(([a, b, reg], i) => {
          const [madeOn, endedOn] = b !== null && b < a ? [b, a] : [a, b];
          return doc(String(i), madeOn, endedOn, reg ? 'regulations' : 'normativeDocuments');
        });
        const last = compileDocumentStock(docs, { year: 2023, explain: false });
        const now = compileDocumentStock(docs, { year: 2024, explain: false });
        for (const key of ['regulations', 'normativeDocuments'] as const) {
          expect(now[key].inForce).toBe(last[key].inForce + now[key].issued - now[key].repealed);
        }
      }),
    );
  });

  it('refuses impossible facts with the document named', () => {
    for (const bad of [doc('X/1', '2024-13-40x'), doc('X/2', '2024-05-01', '2024-04-01')]) {
      try {
        compileDocumentStock([bad], { year: 2024 });
        expect.unreachable();
      } catch (error) {
        expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
        expect((error as Error).message).toContain(bad.id);
      }
    }
  });
});
