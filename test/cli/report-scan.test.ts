import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeScanFolder, STALL_MARK, type ScanFolder } from '../support/scan-folder.js';
import { runCli } from './run-cli.js';

interface Line {
  file: string;
  format: string | null;
  report?: { agency: string; year: number };
  findings?: { rule: string; severity: string }[];
  doubts?: unknown[];
  error?: { code: string; message: string; messageEn: string };
}

const readLines = (path: string): Line[] =>
  readFileSync(path, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);

/** Parses CSV text (RFC 4180 quoting, CRLF rows) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('gongkai report scan', () => {
  let folder: ScanFolder;
  let out: string;
  const env = { GONGKAI_SCAN_TEST_STALL: STALL_MARK };
  // The per-file limit of the scans that meet the stalled file: each of those scans waits this long for it, and
  // every other file here reads in a fraction of it even on a loaded machine (reader speed is in bench/).
  const limit = '10';

  beforeAll(() => {
    folder = makeScanFolder();
    out = `${folder.dir}-out`;
  });
  afterAll(() => {
    rmSync(folder.dir, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('writes one line per file, a CSV and a summary; a stalled file times out alone', async () => {
    const results = join(out, 'new/sub/results.jsonl');
    const csv = join(out, 'new/summary.csv');
    const run = await runCli(
      ['report', 'scan', folder.dir, '--out', results, '--csv', csv, '--jobs', '2', '--timeout', limit],
      { env },
    );
    expect(run.stdout).toBe('');
    expect(run.code).toBe(1);
    const lines = readLines(results);
    expect(lines.map((l) => l.file).sort()).toEqual(folder.files);
    const byFile = new Map(lines.map((l) => [l.file, l]));
    for (const file of folder.consistent) {
      const line = byFile.get(file)!;
      expect(line.format).toBe('json');
      expect(line.findings!.filter((f) => f.severity === 'error')).toEqual([]);
      expect(Array.isArray(line.doubts)).toBe(true);
    }
    for (const file of folder.inconsistent) {
      expect(byFile.get(file)!.findings!.some((f) => f.severity === 'error')).toBe(true);
    }
    for (const file of folder.broken) {
      const { error } = byFile.get(file)!;
      expect(error?.code, file).toMatch(/^REPORT_/);
      expect(error?.code, file).not.toMatch(/REPORT_TIMEOUT|REPORT_READER_FAILED/);
      expect(error?.message).toBeTruthy();
      expect(error?.messageEn).toBeTruthy();
    }
    expect(byFile.get(folder.stalled)!.error).toMatchObject({ code: 'REPORT_TIMEOUT' });
    expect(byFile.get(folder.stalled)!.error!.messageEn).toMatch(/10 s limit/);

    const csvText = readFileSync(csv, 'utf8');
    expect(csvText.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(csvText.slice(1));
    expect(rows[0]).toEqual([
      'file',
      'format',
      'agency',
      'year',
      'template',
      'errors',
      'warnings',
      'failure',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(lines.map((l) => l.file));
    const quoted = rows.find((r) => r[0] === 'good/a,"quoted" 报告.json')!;
    expect(quoted).toEqual([
      'good/a,"quoted" 报告.json',
      'json',
      '鼓楼街道办事处',
      '2023',
      '2021',
      '0',
      '0',
      '',
    ]);
    expect(rows.find((r) => r[0] === folder.stalled)!.slice(5)).toEqual(['', '', 'REPORT_TIMEOUT']);
    expect(rows.find((r) => r[0] === 'good/hongze-2023.json')!.slice(5, 7)).toEqual(['3', '0']);

    expect(run.stderr).toContain(`文件 ${folder.files.length} 个：读取 4，失败 6；有错误的报告 2 份`);
    expect(run.stderr).toMatch(/appeal-total（复议诉讼合计）：\d+ 项，涉及 \d+ 份报告/);
    expect(run.stderr).toContain('REPORT_TIMEOUT: 1');
    expect(run.stderr).toContain('超时或崩溃后替换的工作线程：1');
    expect(run.stderr).toMatch(/^scan: \d+/m); // plain progress lines when stderr is not a terminal
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(`${results}.partial`)).toBe(false);
  });

  it('gives the same lines with --jobs 1 and --jobs 2', async () => {
    const outputs: string[] = [];
    for (const jobs of ['1', '2']) {
      const results = join(out, `jobs-${jobs}.jsonl`);
      const csv = join(out, `jobs-${jobs}.csv`);
      const run = await runCli(
        [
          'report',
          'scan',
          folder.dir,
          '--out',
          results,
          '--csv',
          csv,
          '--jobs',
          jobs,
          '--timeout',
          limit,
          '--lang',
          'en',
        ],
        { env },
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${folder.files.length} files: 4 read, 6 failed; 2 reports with errors`);
      outputs.push(readFileSync(results, 'utf8') + readFileSync(csv, 'utf8'));
    }
    expect(outputs[1]).toBe(outputs[0]);
  });

  it('exits 0 for a folder of consistent reports, and 2 for what cannot be scanned', async () => {
    const good = join(out, 'only-good');
    mkdirSync(good, { recursive: true });
    writeFileSync(join(good, 'city.json'), readFileSync(join(folder.dir, 'good/city-2024.json')));
    const ok = await runCli(['report', 'scan', good, '--out', join(out, 'good.jsonl')]);
    expect(ok.code).toBe(0);
    expect(readLines(join(out, 'good.jsonl'))).toHaveLength(1);

    for (const [args, message] of [
      [['report', 'scan', join(out, 'missing'), '--out', join(out, 'x.jsonl')], /找不到目录/],
      [['report', 'scan', join(good, 'city.json'), '--out', join(out, 'x.jsonl')], /不是目录/],
      [['report', 'scan', good, '--out', out], /输出路径是目录/],
      [['report', 'scan', good, '--out', join(out, 'x.jsonl'), '--jobs', '0'], /--jobs/],
      [['report', 'scan', good, '--out', join(out, 'x.jsonl'), '--timeout', 'soon'], /--timeout/],
      [['report', 'scan', good], /--out/],
    ] as const) {
      const run = await runCli([...args]);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('runs from the compiled CLI; an interrupted scan leaves only <out>.partial, and a rerun completes', async () => {
    const results = join(out, 'interrupted/results.jsonl');
    const scan = (timeout: string) =>
      new Promise<{ code: number | null; stderr: string; child: ReturnType<typeof spawn> }>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            'bin/gongkai.js',
            'report',
            'scan',
            folder.dir,
            '--out',
            results,
            '--jobs',
            '1',
            '--timeout',
            timeout,
          ],
          { env: { PATH: process.env.PATH ?? '', ...env } },
        );
        let stderr = '';
        let killed = false;
        child.stderr.on('data', (chunk) => {
          stderr += String(chunk);
          // Interrupt once the scan is under way (the first progress line), while it waits on the stalled file.
          if (timeout === '60' && !killed && /^scan: /m.test(stderr)) killed = child.kill('SIGINT');
        });
        child.on('exit', (code) => resolve({ code, stderr, child }));
      });
    const interrupted = await scan('60');
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('扫描已中断。');
    expect(interrupted.stderr).toContain(`${results}.partial`);
    expect(existsSync(results)).toBe(false);
    expect(existsSync(`${results}.partial`)).toBe(true);

    const rerun = await scan(limit);
    expect(rerun.code).toBe(1);
    expect(existsSync(`${results}.partial`)).toBe(false);
    const lines = readLines(results);
    expect(lines.map((l) => l.file).sort()).toEqual(folder.files);
    expect(lines.find((l) => l.file === folder.stalled)!.error!.code).toBe('REPORT_TIMEOUT');
  });
});
