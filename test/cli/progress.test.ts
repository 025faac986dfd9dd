import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import {
  formatDuration,
  formatProgressBar,
  formatProgressLine,
  progressReporter,
} from '../../src/cli/progress.js';

const io = (tty: boolean) => {
  let err = '';
  const value: CliIo = {
    stdout: () => undefined,
    stderr: (text) => void (err += text),
    readInput: async () => Buffer.alloc(0),
    env: {},
    setExitCode: () => undefined,
    stderrIsTTY: tty,
  };
  return { io: value, err: () => err };
};

describe('scan progress', () => {
  it('draws a bar with count, percent, rate, ETA and failures', () => {
    const p = { done: 2500, total: 10_000, failed: 12, elapsedMs: 5000 };
    expect(formatProgressBar(p, 'zh')).toBe(
      '[██████░░░░░░░░░░░░░░░░░░] 2,500/10,000 25% · 500/s · ETA 0:15 · 失败 12',
    );
    expect(formatProgressLine(p, 'en')).toBe(
      'scan: 2,500/10,000 files (25%) · 500/s · ETA 0:15 · 12 failed\n',
    );
  });

  it('says the total is still being counted', () => {
    const p = { done: 40, total: null, failed: 0, elapsedMs: 1000 };
    expect(formatProgressBar(p, 'en')).toContain('ETA counting…');
    expect(formatProgressLine(p, 'zh')).toBe('scan: 40 个文件 · 40/s · ETA 计数中… · 失败 0\n');
  });

  it('formats durations as m:ss and h:mm:ss', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3 * 3600 + 61)).toBe('3:01:01');
  });

  it('redraws in place on a terminal and prints plain lines at intervals otherwise', () => {
    const tty = io(true);
    const bar = progressReporter(tty.io, 'en');
    for (let ms = 0; ms <= 1000; ms += 10) bar.update({ done: ms, total: 1000, failed: 0, elapsedMs: ms });
    bar.end();
    expect(tty.err().split('\r\x1b[K').length - 1).toBe(12); // 11 redraws (every 100 ms) and the final clear
    expect(tty.err()).not.toContain('\n');

    const plain = io(false);
    const lines = progressReporter(plain.io, 'en', 500);
    for (let ms = 0; ms <= 1000; ms += 10) lines.update({ done: ms, total: 1000, failed: 0, elapsedMs: ms });
    lines.end();
    expect(plain.err().trimEnd().split('\n')).toHaveLength(3);
    expect(plain.err()).not.toContain('\r');
  });
});
