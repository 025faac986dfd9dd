import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-calendar-'));
  env = { GONGKAI_CALENDAR_DIR: dir };
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const FIXTURE = 'test/fixtures/calendar-2027-example.json';

describe('gongkai deadline', () => {
  it('prints the due date and the trace in Chinese', async () => {
    const run = await runCli(['deadline', '--from', '2024-09-27', '--working-days', '5'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('期限届满日：2024-10-10（星期四）');
    expect(run.stdout).toContain('2024-10-01 至 2024-10-07 国庆节放假，不计入');
    expect(run.stdout).toContain('2024-09-29 星期日 调休上班（国庆节），计入');
  });

  it('prints JSON with due, provisional and trace, in English on request', async () => {
    const run = await runCli(
      ['deadline', '--from', '2025-09-22', '--working-days', '20', '--json', '--lang', 'en'],
      { env },
    );
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.due).toBe('2025-10-24');
    expect(json.provisional).toBe(false);
    expect(json.trace.map((t: { text: string }) => t.text)).toContain(
      '2025-10-01 to 2025-10-08 National Day and Mid-Autumn Festival holiday, not counted',
    );
  });

  it('does not count the working days of a --pause range', async () => {
    const run = await runCli(
      [
        'deadline',
        '--from',
        '2024-09-27',
        '--working-days',
        '5',
        '--pause',
        '2024-09-30..2024-10-08',
        '--json',
      ],
      { env },
    );
    expect(JSON.parse(run.stdout).due).toBe('2024-10-12');
  });

  it('counts the start day when asked (--start-day-counts or GONGKAI_START_DAY_COUNTS)', async () => {
    const args = ['deadline', '--from', '2025-09-22', '--working-days', '20', '--json'];
    expect(JSON.parse((await runCli([...args, '--start-day-counts'], { env })).stdout).due).toBe(
      '2025-10-23',
    );
    const viaEnv = await runCli(args, { env: { ...env, GONGKAI_START_DAY_COUNTS: 'true' } });
    expect(JSON.parse(viaEnv.stdout).due).toBe('2025-10-23');
  });

  it('marks a deadline reaching into 2027 provisional until 2027 is added, then recomputes it', async () => {
    const args = ['deadline', '--from', '2026-12-10', '--working-days', '20', '--json'];
    const before = JSON.parse((await runCli(args, { env })).stdout);
    expect(before).toMatchObject({ due: '2027-01-07', provisional: true, missingYears: [2027] });
    expect(before.warnings[0].message).toContain('2027');

    const add = await runCli(['calendar', 'add', FIXTURE], { env });
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('已添加 2027 年放假安排');

    const after = JSON.parse((await runCli(args, { env })).stdout);
    expect(after).toMatchObject({ due: '2027-01-08', provisional: false, warnings: [] });
  });

  it.each([
    [['deadline', '--from', '2023-02-30', '--working-days', '3'], 'INVALID_DATE'],
    [['deadline', '--from', '2024-01-05', '--working-days', '-3'], 'INVALID_NUMBER'],
    [['deadline', '--from', '2024-01-05', '--working-days', '0'], 'INVALID_NUMBER'],
    [['deadline', '--from', '2024-01-05', '--working-days', 'ten'], 'INVALID_NUMBER'],
    [['deadline', '--from', '2024-01-05', '--working-days', '3', '--pause', '2024-01-10'], 'INVALID_RANGE'],
    [
      ['deadline', '--from', '2024-01-05', '--working-days', '3', '--pause', '2024-01-10..2024-01-08'],
      'INVALID_RANGE',
    ],
    [
      ['deadline', '--from', '2024-01-05', '--working-days', '3', '--pause', '2024-01-10..2024-02-31'],
      'INVALID_DATE',
    ],
    [['deadline', '--from', '2024-01-05', '--working-days', '3', '--lang', 'fr'], '--lang'],
  ])('rejects %j with one bilingual line and exit 2', async (args, code) => {
    const run = await runCli(args, { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(code);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('gongkai fee', () => {
  it.each([
    [['--pages', '30'], 0],
    [['--pages', '31'], 10],
    [['--pages', '100'], 700],
    [['--pages', '101'], 720],
    [['--pages', '200'], 2_700],
    [['--pages', '201'], 2_740],
    [['--nth', '10'], 0],
    [['--nth', '11'], 100],
    [['--nth', '30'], 100],
    [['--nth', '31'], 200],
    [['--nth', '40'], 200],
    [['--nth', '41'], 300],
  ])('%j costs %i yuan', async (args, yuan) => {
    const run = await runCli(['fee', ...args, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).yuan).toBe(yuan);
  });

  it('explains the fee in words', async () => {
    const run = await runCli(['fee', '--nth', '41']);
    expect(run.stdout).toContain('第 41 件申请：300 元');
    expect(run.stdout).toContain('合计 4300 元');
  });

  it.each([
    [['fee', '--pages', '-5'], 'INVALID_NUMBER'],
    [['fee', '--nth', '0'], 'INVALID_NUMBER'],
    [['fee', '--nth', '3', '--pages', '40'], 'FEE_METHOD_CONFLICT'],
    [['fee'], 'INVALID_NUMBER'],
  ])('rejects %j with exit 2', async (args, code) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(code);
  });
});

describe('gongkai calendar', () => {
  it('shows a year with its notice, holidays and make-up days', async () => {
    const run = await runCli(['calendar', 'show', '2024'], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('国办发明电〔2023〕7号');
    expect(run.stdout).toContain('国庆节: 2024-10-01（星期二） 至 2024-10-07（星期一），共 7 天');
    expect(run.stdout).toContain('2024-09-29（星期日） 国庆节');
  });

  it('shows the 2019 amendment of 劳动节', async () => {
    const run = await runCli(['calendar', 'show', '2019', '--json'], { env });
    const json = JSON.parse(run.stdout);
    expect(json.notices[1].docNumber).toBe('国办发明电〔2019〕2号');
    expect(json.holidays).toContainEqual(
      expect.objectContaining({ name: '劳动节', from: '2019-05-01', to: '2019-05-04' }),
    );
  });

  it('gives a clear error for a year without data', async () => {
    const run = await runCli(['calendar', 'show', '2027'], { env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('CALENDAR_YEAR_MISSING');
    expect(run.stderr).toContain('2027');
  });

  it('adds a year into GONGKAI_CALENDAR_DIR and shows it', async () => {
    expect((await runCli(['calendar', 'add', FIXTURE], { env })).code).toBe(0);
    const stored = JSON.parse(await readFile(join(dir, '2027.json'), 'utf8'));
    expect(stored.year).toBe(2027);
    const show = await runCli(['calendar', 'show', '2027', '--lang', 'en'], { env });
    expect(show.stdout).toContain("New Year's Day: 2027-01-01 (Friday) to 2027-01-03 (Sunday), 3 day(s)");
  });

  it('refuses to add a year twice, or a built-in year', async () => {
    await runCli(['calendar', 'add', FIXTURE], { env });
    const again = await runCli(['calendar', 'add', FIXTURE], { env });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('CALENDAR_YEAR_EXISTS');
    const file = join(dir, 'x.json');
    await writeFile(
      file,
      JSON.stringify({ ...JSON.parse(await readFile(FIXTURE, 'utf8')), year: 2025, holidays: [] }),
    );
    expect(
      (await runCli(['calendar', 'add', file], { env: { GONGKAI_CALENDAR_DIR: join(dir, 'sub') } })).stderr,
    ).toContain('CALENDAR_YEAR_EXISTS');
  });

  it.each([
    ['{ not json', '不是有效的 JSON'],
    [
      JSON.stringify({
        year: 2028,
        notices: [{ docNumber: null, title: 't', date: '2027-11-01' }],
        holidays: [{ name: '春节', from: '2028-02-30', to: '2028-03-02' }],
      }),
      '2028-02-30',
    ],
    [
      JSON.stringify({
        year: 2028,
        notices: [{ docNumber: null, title: 't', date: '2027-11-01' }],
        holidays: [{ name: '春节', from: '2028-01-26', to: '2028-02-01' }],
        makeUpWorkdays: [{ name: '春节', date: '2028-01-29' }],
      }),
      '既是放假日又是调休上班日',
    ],
  ])('rejects an invalid file with one bilingual line', async (content, needle) => {
    const file = join(dir, 'in.json');
    await writeFile(file, content);
    const run = await runCli(['calendar', 'add', file], {
      env: { GONGKAI_CALENDAR_DIR: join(dir, 'store') },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(needle);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
