import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPECTED } from '../support/fixtures.js';
import { runCli } from './run-cli.js';

const hongze2023 = `${EXPECTED}huaian-hongze-2023.json`;
const city2024 = `${EXPECTED}huaian-city-2024.json`;

describe('gongkai report check', () => {
  it('exits 0 and says so for a consistent report', async () => {
    const run = await runCli(['report', 'check', city2024]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('淮安市人民政府');
    expect(run.stdout).toContain('错误 0 项，警告 0 项');
    expect(run.stdout).toContain('结论：表格数据一致，未发现错误。');
  });

  it('exits 1 and names each failing cell as a person reads it', async () => {
    const run = await runCli(['report', 'check', hongze2023]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('错误 3 项');
    expect(run.stdout).toContain('✗ 错误 [appeal-total] 行政复议 · 总计');
    expect(run.stdout).toContain('应为 11，实为 0');
    expect(run.stdout).toContain('✗ 错误 [template] 三（六）其他处理');
  });

  it('names a table-三 cell as 三（七）总计 · 自然人', async () => {
    const report = JSON.parse(readFileSync(city2024, 'utf8'));
    report.applications.totalProcessed[0] = 2933;
    report.applications.totalProcessed[6] = 3051;
    const run = await runCli(['report', 'check', '-'], { stdin: JSON.stringify(report) });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('[outcome-total] 三（七）总计 · 自然人');
    expect(run.stdout).toContain('[balance] 三（七）总计 · 总计');
  });

  it('prints English with --lang en', async () => {
    const run = await runCli(['report', 'check', hongze2023, '--lang', 'en']);
    expect(run.stdout).toContain('3 error(s), 0 warning(s)');
    expect(run.stdout).toContain('Administrative reconsideration · Total');
  });

  it('prints {"report", "findings"} with --json, and reads it back as a report', async () => {
    const run = await runCli(['report', 'check', hongze2023, '--json']);
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.report).toEqual(JSON.parse(readFileSync(hongze2023, 'utf8')));
    expect(out.findings.map((f: { rule: string }) => f.rule)).toEqual([
      'template',
      'appeal-total',
      'appeal-total',
    ]);
    expect(out.findings[1]).toMatchObject({
      rule: 'appeal-total',
      severity: 'error',
      path: 'appeals.reconsideration.total',
      expected: 11,
      actual: 0,
    });
    const again = await runCli(['report', 'check', '-'], { stdin: run.stdout });
    expect(again.code).toBe(1);
  });

  it('checks carry-over against --previous', async () => {
    const report = JSON.parse(readFileSync(`${EXPECTED}huaian-hongze-2024.json`, 'utf8'));
    report.applications.carriedOver = [2, 0, 0, 0, 0, 0, 2];
    report.applications.newReceived = report.applications.newReceived.map((v: number, i: number) =>
      i === 0 || i === 6 ? v - 2 : v,
    );
    const run = await runCli(['report', 'check', '-', '--previous', hongze2023, '--json'], {
      stdin: JSON.stringify(report),
    });
    const rules = JSON.parse(run.stdout).findings.map(
      (f: { rule: string; path: string }) => `${f.rule} ${f.path}`,
    );
    expect(rules).toContain('carry-over applications.carriedOver[0]');
    expect(rules).toContain('carry-over applications.carriedOver[6]');
  });

  it('exits 2 with one line for input that cannot be read or is not a report', async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [['report', 'check', '/no/such/file.json'], undefined, /找不到文件/],
      [['report', 'check', '-'], '{"schema": "gongkai.annual-report/v1"', /不是有效的 JSON/],
      [
        ['report', 'check', '-'],
        '{"schema": "other"}',
        /不是符合 gongkai\.annual-report\/v1 的年度报告：schema/,
      ],
      [['report', 'check', '-'], '\u0000\u0001binary', /不是可识别的年度报告文件/],
      [['report', 'check', city2024, '--lang', 'fr'], undefined, /--lang/],
    ];
    for (const [args, stdin, message] of cases) {
      const run = await runCli(args, stdin === undefined ? {} : { stdin });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stdout).toBe('');
    }
  });

  it('gives the English one-liner with --lang en', async () => {
    const run = await runCli(['report', 'check', '-', '--lang', 'en'], { stdin: '{"schema":1}' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is not a gongkai\.annual-report\/v1 report: schema/);
  });

  it('works as the installed command, reading standard input', () => {
    const result = spawnSync('node', ['bin/gongkai.js', 'report', 'check', '-', '--json'], {
      input: readFileSync(hongze2023),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).findings).toHaveLength(3);
    const bad = spawnSync('node', ['bin/gongkai.js', 'report', 'check', 'package.json'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gongkai report show', () => {
  it('renders the tables with labels aligned', async () => {
    const run = await runCli(['report', 'show', city2024]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    const received = lines.find((l) => l.startsWith('一、本年新收政府信息公开申请数量'))!;
    const forward = lines.find((l) => l.startsWith('四、结转下年度继续办理'))!;
    expect(received).toMatch(/3001\s+53\s+0\s+0\s+61\s+4\s+3119$/);
    expect(forward).toMatch(/103\s+0\s+0\s+0\s+0\s+0\s+103$/);
    // Right-aligned numbers end in the same display column.
    const width = (s: string) =>
      [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);
    expect(width(received)).toBe(width(forward));
    expect(run.stdout).toContain('第二十条第（八）项');
    expect(run.stdout).toMatch(/行政复议\s+72\s+64\s+178\s+37\s+351/);
  });

  it('shows blanks as - and the English labels with --lang en', async () => {
    const report = JSON.parse(readFileSync(city2024, 'utf8'));
    report.proactive.licensing = null;
    const zh = await runCli(['report', 'show', '-'], { stdin: JSON.stringify(report) });
    expect(zh.stdout).toMatch(/行政许可\s+-/);
    const en = await runCli(['report', 'show', city2024, '--lang', 'en']);
    expect(en.stdout).toContain('I. New applications received this year');
  });

  it('prints the JSON Schema', () => {
    const out = execFileSync('node', ['bin/gongkai.js', 'report', 'schema'], { encoding: 'utf8' });
    expect(JSON.parse(out).title).toBe('gongkai.annual-report/v1');
  });
});
