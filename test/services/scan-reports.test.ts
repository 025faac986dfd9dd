import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { csvField } from '../../src/services/scan/csv.js';
import { countFiles, walkFiles } from '../../src/services/scan/walk.js';
import { scanReports, type ScanProgress } from '../../src/services/scan/scan-reports.js';
import { EXPECTED, REPORTS } from '../support/fixtures.js';

const temp = mkdtempSync(join(tmpdir(), 'gongkai-scan-service-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('scanReports', () => {
  it('gives every hostile file exactly one clear line, within the time and memory limits', async () => {
    const dir = join(temp, 'hostile');
    mkdirSync(dir);
    const seeds = readdirSync(`${REPORTS}seeds`).map((name) => readFileSync(`${REPORTS}seeds/${name}`));
    const hostile = fc.sample(
      fc.oneof(
        fc.uint8Array({ maxLength: 8192 }),
        fc
          .tuple(fc.constantFrom(...seeds), fc.nat(), fc.integer({ min: 0, max: 255 }))
          .map(([seed, at, byte]) =>
            Uint8Array.from(seed).fill(byte, at % seed.length, (at % seed.length) + 50),
          ),
        fc.constantFrom(...seeds).map((seed) => seed.subarray(0, seed.length >> 1)),
      ),
      { numRuns: 60, seed: 42 },
    );
    const extensions = ['txt', 'json', 'html', 'docx', 'pdf', 'bin'];
    hostile.forEach((bytes, i) =>
      writeFileSync(join(dir, `f${i}.${extensions[i % extensions.length]}`), bytes),
    );
    writeFileSync(join(dir, 'long.txt'), `${'9'.repeat(2_000_000)}\n`);
    writeFileSync(join(dir, 'nested.html'), `<html>${'<div>'.repeat(200_000)}</html>`);
    writeFileSync(join(dir, 'bomb.docx'), zipSync({ 'word/document.xml': new Uint8Array(128 * 1_048_576) }));
    writeFileSync(
      join(dir, 'half.docx'),
      zipSync({ 'word/document.xml': strToU8('<w:tbl>') }).subarray(0, 40),
    );
    const files = readdirSync(dir).length;

    const progress: ScanProgress[] = [];
    const summary = await scanReports({
      dir,
      out: join(temp, 'hostile.jsonl'),
      jobs: 2,
      timeoutMs: 20_000,
      workerMemoryMb: 256,
      onProgress: (p) => progress.push(p),
    });
    const lines = readFileSync(join(temp, 'hostile.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(files);
    for (const line of lines.map((text) => JSON.parse(text))) {
      if (line.error) {
        expect(line.error.code, line.file).toMatch(/^REPORT_/);
        expect(line.error.code, `${line.file}: ${line.error.messageEn}`).not.toMatch(
          /REPORT_TIMEOUT|REPORT_READER_FAILED/,
        );
      } else {
        expect(line.report.schema).toBe('gongkai.annual-report/v1');
      }
    }
    expect(summary.files).toBe(files);
    expect(summary.read + summary.failed).toBe(files);
    expect(summary.workersReplaced).toBe(0);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: files }, (_, i) => i + 1));
  });

  it('refuses a file over the size limit without reading it', async () => {
    const dir = join(temp, 'large');
    mkdirSync(dir);
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(2048, 0x31));
    const summary = await scanReports({ dir, out: join(temp, 'large.jsonl'), jobs: 1, maxFileBytes: 1024 });
    expect(summary.failuresByCode).toEqual({ REPORT_TOO_LARGE: 1 });
    const line = JSON.parse(readFileSync(join(temp, 'large.jsonl'), 'utf8'));
    expect(line.error.messageEn).toMatch(/too large/);
  });

  it("gives a file that exhausts its worker's memory REPORT_READER_FAILED, and goes on", async () => {
    const dir = join(temp, 'memory');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-huge.txt'), '一二三四五六七八九十\n'.repeat(2_000_000)); // 62 MB of text
    writeFileSync(join(dir, 'city.json'), readFileSync(`${EXPECTED}huaian-city-2024.json`));
    const summary = await scanReports({ dir, out: join(temp, 'memory.jsonl'), jobs: 1, workerMemoryMb: 128 });
    expect(summary.failuresByCode).toEqual({ REPORT_READER_FAILED: 1 });
    expect(summary.read).toBe(1);
    expect(summary.workersReplaced).toBe(1);
    const lines = readFileSync(join(temp, 'memory.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.file === 'a-huge.txt').error.messageEn).toMatch(/out of memory/);
  });

  it('never reads its own output, even inside the scanned folder', async () => {
    const dir = join(temp, 'self');
    mkdirSync(dir);
    writeFileSync(join(dir, 'city.json'), readFileSync(`${EXPECTED}huaian-city-2024.json`));
    for (let run = 0; run < 2; run += 1) {
      const summary = await scanReports({
        dir,
        out: join(dir, 'out.jsonl'),
        csv: join(dir, 'out.csv'),
        jobs: 1,
      });
      expect(summary.files).toBe(1);
    }
  });
});

describe('the folder walk', () => {
  it('streams files depth first, skipping hidden entries, and counts the same files', async () => {
    const dir = join(temp, 'walk');
    for (const path of ['a/b/c', '.git/objects', 'd']) mkdirSync(join(dir, path), { recursive: true });
    for (const file of [
      'a/1.txt',
      'a/b/2.txt',
      'a/b/c/3.txt',
      'd/4.txt',
      '.git/objects/x',
      'a/.hidden',
      '5.txt',
    ]) {
      writeFileSync(join(dir, file), 'x');
    }
    const seen: string[] = [];
    for await (const entry of walkFiles(dir)) seen.push(entry.file);
    expect(seen.sort()).toEqual(['5.txt', 'a/1.txt', 'a/b/2.txt', 'a/b/c/3.txt', 'd/4.txt']);
    expect(await countFiles(dir)).toBe(5);
  });
});

describe('CSV fields', () => {
  it.each([
    [null, ''],
    [12, '12'],
    ['天坛街道办事处', '天坛街道办事处'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@cmd', "'@cmd"],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
