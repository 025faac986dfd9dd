/** Reads the JSON contract itself (and the `{"report": …}` object that `report check --json` prints). */
import { DomainError } from '../core/errors.js';
import { parseReport, type AnnualReport } from '../core/report/model.js';
import type { ReadResult } from './types.js';

/** The most problems named in one error message; the rest are counted. */
const MAX_ISSUES_SHOWN = 3;

function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses JSON text as a report (also the `{"report": …}` object that `report check --json` prints). */
export function reportFromJson(text: string, source: string): AnnualReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new DomainError(
      'REPORT_UNREADABLE',
      `${source} 不是有效的 JSON：${detail}`,
      `${source} is not valid JSON: ${detail}`,
    );
  }
  if (data !== null && typeof data === 'object' && 'report' in data && !('schema' in data)) {
    data = (data as { report: unknown }).report;
  }
  const result = parseReport(data);
  if (result.ok) return result.report;
  const shown = result.issues.slice(0, MAX_ISSUES_SHOWN);
  const more = result.issues.length - shown.length;
  const zh = shown.map((issue) => `${issue.path}：${issue.message}`).join('；');
  const en = shown.map((issue) => `${issue.path}: ${issue.messageEn}`).join('; ');
  throw new DomainError(
    'REPORT_INVALID',
    `${source} 不是符合 gongkai.annual-report/v1 的年度报告：${zh}${more > 0 ? `（另有 ${more} 处）` : ''}`,
    `${source} is not a gongkai.annual-report/v1 report: ${en}${more > 0 ? ` (and ${more} more)` : ''}`,
    { issues: result.issues },
  );
}

/** The reader for JSON files. */
export async function readJson(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const report = reportFromJson(decodeText(bytes), name);
  return { report, format: 'json', doubts: report.doubts ?? [] };
}
