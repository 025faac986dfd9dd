/** Comparing a report read back with the one it was built from: the contract's keys only, cell by cell. */
import type { AnnualReport } from '../../../src/core/report/model.js';

/** The report without the optional keys a reader adds (provenance, doubts, sections, format markers). */
export function contractOf(report: AnnualReport): Record<string, unknown> {
  const { provenance: _p, doubts: _d, sections: _s, formatMarkers: _f, ...contract } = report;
  return contract;
}

/** Every leaf where `actual` differs from `expected`, as `path: actual ≠ expected`. */
export function cellDifferences(actual: unknown, expected: unknown, path = ''): string[] {
  if (typeof expected === 'object' && expected !== null) {
    const keys = new Set([...Object.keys(expected), ...Object.keys((actual as object | null) ?? {})]);
    return [...keys].flatMap((key) =>
      cellDifferences(
        (actual as Record<string, unknown> | null)?.[key],
        (expected as Record<string, unknown>)[key],
        Array.isArray(expected) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`,
      ),
    );
  }
  return Object.is(actual, expected)
    ? []
    : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}
