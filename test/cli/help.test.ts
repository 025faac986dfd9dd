import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { runCli } from './run-cli.js';

describe('gongkai --help', () => {
  it('describes the program in Chinese and English', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('政府信息公开');
    expect(run.stdout).toContain('government information disclosure');
  });

  it('rejects an unknown command with exit code 2 and no stack trace', async () => {
    const run = await runCli(['no-such-command']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('runs as the installed bin from the compiled build', () => {
    const out = execFileSync('node', ['bin/gongkai.js', '--help'], { encoding: 'utf8' });
    expect(out).toContain('gongkai');
  });

  it('runs as `npx gongkai` in the checkout, right after install', () => {
    const out = execFileSync('npx', ['gongkai', 'report', '--help'], { encoding: 'utf8', timeout: 240_000 });
    expect(out).toContain('检查年度报告的表格是否一致');
    expect(out).toContain('annual reports: check, show');
  });
});
