/**
 * A folder of report files for scan tests: good reports, one whose check finds errors, broken and hostile
 * files, a file that stalls its reader (through the worker's GONGKAI_SCAN_TEST_STALL seam), hidden files that
 * the scan skips, and a name that needs CSV quoting.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { EXPECTED } from './fixtures.js';

/** The text that makes a worker stall on a file whose path contains it. */
export const STALL_MARK = 'stall-here';

export interface ScanFolder {
  dir: string;
  /** Files the scan should report, by their name in the results. */
  files: string[];
  /** Files whose report reads and checks without error findings. */
  consistent: string[];
  /** Files read with error findings. */
  inconsistent: string[];
  /** Files that must fail (any REPORT_* code), and the one that stalls. */
  broken: string[];
  stalled: string;
}

/** Deterministic bytes that are no known format (a NUL early on). */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let seed = 7;
  for (let i = 0; i < length; i += 1) bytes[i] = (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) & 0xff;
  bytes[3] = 0;
  return bytes;
}

/** Builds the folder in a fresh temporary directory. */
export function makeScanFolder(): ScanFolder {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-'));
  const put = (file: string, content: string | Buffer) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  };
  const copy = (from: string, file: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(`${EXPECTED}${from}`, join(dir, file));
  };
  copy('huaian-city-2024.json', 'good/city-2024.json');
  copy('000_f6cea51e2393d527.json', 'good/a,"quoted" 报告.json');
  copy('huaian-hongze-2024.json', 'deep/a/b/c/d/hongze-2024.json');
  copy('huaian-hongze-2023.json', 'good/hongze-2023.json');
  const city = JSON.stringify(JSON.parse(readFileSync(`${EXPECTED}huaian-city-2024.json`, 'utf8')));
  put('broken/truncated.json', city.slice(0, city.length / 2));
  put('broken/noise.bin', noise(4096));
  put('broken/not-a-zip.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), noise(2048)]));
  put('hostile/long-line.txt', `${'一'.repeat(400_000)}\n`);
  put(
    'hostile/nested.html',
    `<html><body>${'<div>'.repeat(30_000)}x${'</div>'.repeat(30_000)}</body></html>`,
  );
  put(`hostile/${STALL_MARK}.json`, city);
  put('.hidden/skipped.json', city);
  put('.DS_Store', noise(64));
  const consistent = ['good/city-2024.json', 'good/a,"quoted" 报告.json'];
  const inconsistent = ['deep/a/b/c/d/hongze-2024.json', 'good/hongze-2023.json'];
  const broken = [
    'broken/truncated.json',
    'broken/noise.bin',
    'broken/not-a-zip.docx',
    'hostile/long-line.txt',
    'hostile/nested.html',
  ];
  const stalled = `hostile/${STALL_MARK}.json`;
  return {
    dir,
    files: [...consistent, ...inconsistent, ...broken, stalled].sort(),
    consistent,
    inconsistent,
    broken,
    stalled,
  };
}
