import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPECTED, REPORTS } from '../support/fixtures.js';
import { runCli } from './run-cli.js';

const city2024 = `${EXPECTED}huaian-city-2024.json`;
const hongze2023 = `${EXPECTED}huaian-hongze-2023.json`;

describe('gongkai report parse', () => {
  it('prints the contract object for one file', async () => {
    const run = await runCli(['report', 'parse', city2024]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(city2024, 'utf8')));
    expect(run.stderr).toBe('');
  });

  it('reads standard input for -', async () => {
    const run = await runCli(['report', 'parse', '-'], { stdin: readFileSync(hongze2023) });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).agency).toMatch(/洪泽区/);
  });

  it('prints one JSON line per file, with its name, for several files', async () => {
    const broken = join(tmpdir(), `gongkai-parse-${process.pid}.json`);
    writeFileSync(broken, '{"schema": "gongkai.annual-report/v1"');
    const run = await runCli(['report', 'parse', city2024, '/no/such/file.json', broken, hongze2023]);
    rmSync(broken);
    expect(run.code).toBe(2);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines.map((l) => l.file)).toEqual([city2024, '/no/such/file.json', broken, hongze2023]);
    expect(lines[0]).toEqual({
      file: city2024,
      format: 'json',
      report: JSON.parse(readFileSync(city2024, 'utf8')),
    });
    expect(lines[1].error).toMatchObject({ code: 'REPORT_NOT_FOUND' });
    expect(lines[2].error.code).toBe('REPORT_UNREADABLE');
    expect(lines[2].error.message).toMatch(/不是有效的 JSON/);
    expect(lines[2].error.messageEn).toMatch(/is not valid JSON/);
    expect(lines[3].report.year).toBe(2023);
  });

  it('exits 0 when several files all read', async () => {
    const run = await runCli(['report', 'parse', city2024, hongze2023]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
  });

  it('exits 2 with one line, no stack trace, when the only file cannot be read', async () => {
    for (const [args, stdin, message] of [
      [['report', 'parse', '/no/such/file.json'], undefined, /找不到文件/],
      [['report', 'parse', '-'], '\u0000\u0001binary', /不是可识别的年度报告文件/],
      [['report', 'parse', '-', '--lang', 'en'], '{"schema": 1}', /is not a gongkai/],
    ] as const) {
      const run = await runCli([...args], stdin === undefined ? {} : { stdin });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('reads every supported format through the registry, as check does', async () => {
    const seed = `${REPORTS}seeds/003_c20991ba26628a0e.txt`;
    const pdf = `${REPORTS}pdf/huaian-city-2024.pdf`;
    const run = await runCli(['report', 'parse', seed, pdf, city2024]);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.format)).toEqual(['text', 'pdf', 'json']);
    expect(lines[0].report.agency).toBe('天坛街道办事处');
    expect(lines[1].report.year).toBe(2024);
    for (const file of [seed, pdf]) {
      const check = await runCli(['report', 'check', file, '--json']);
      expect([0, 1], file).toContain(check.code);
      expect(JSON.parse(check.stdout).report.schema).toBe('gongkai.annual-report/v1');
    }
  });
});
