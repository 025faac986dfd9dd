/**
 * Progress of a long command on standard error: a bar redrawn in place on a terminal, plain periodic lines
 * otherwise (logs, CI), so piped output stays readable.
 */
import type { CliIo, Lang } from './io.js';

export interface Progress {
  done: number;
  total: number | null;
  failed: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

function rate(p: Progress): number {
  return p.elapsedMs > 0 ? (p.done * 1000) / p.elapsedMs : 0;
}

/** Seconds as m:ss (or h:mm:ss). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

function eta(p: Progress, lang: Lang): string {
  if (p.total === null) return lang === 'zh' ? '计数中…' : 'counting…';
  const perSecond = rate(p);
  if (perSecond === 0) return '?';
  return formatDuration((p.total - p.done) / perSecond);
}

const n = (value: number) => value.toLocaleString('en');

/** The one-line bar drawn on a terminal. */
export function formatProgressBar(p: Progress, lang: Lang): string {
  const fraction = p.total ? Math.min(1, p.done / p.total) : 0;
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = p.total === null ? '·'.repeat(BAR_WIDTH) : '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const count = p.total === null ? n(p.done) : `${n(p.done)}/${n(p.total)} ${Math.floor(fraction * 100)}%`;
  const failed = lang === 'zh' ? `失败 ${n(p.failed)}` : `${n(p.failed)} failed`;
  return `[${bar}] ${count} · ${n(Math.round(rate(p)))}/s · ETA ${eta(p, lang)} · ${failed}`;
}

/** The plain line printed now and then when standard error is not a terminal. */
export function formatProgressLine(p: Progress, lang: Lang): string {
  const count = p.total === null ? n(p.done) : `${n(p.done)}/${n(p.total)}`;
  const percent = p.total ? ` (${Math.floor((p.done / p.total) * 100)}%)` : '';
  const failed = lang === 'zh' ? `失败 ${n(p.failed)}` : `${n(p.failed)} failed`;
  const files = lang === 'zh' ? '个文件' : 'files';
  return `scan: ${count} ${files}${percent} · ${n(Math.round(rate(p)))}/s · ETA ${eta(p, lang)} · ${failed}\n`;
}

/** Reports progress on io.stderr: redraws at most ~10 times a second on a terminal, else a line every interval. */
export function progressReporter(
  io: CliIo,
  lang: Lang,
  plainIntervalMs = 5000,
): { update: (p: Progress) => void; end: () => void } {
  const tty = io.stderrIsTTY === true;
  const interval = tty ? 100 : plainIntervalMs;
  let last = -Infinity;
  let drawn = false;
  return {
    update(p) {
      if (p.elapsedMs - last < interval) return;
      last = p.elapsedMs;
      if (tty) {
        io.stderr(`\r\x1b[K${formatProgressBar(p, lang)}`);
        drawn = true;
      } else {
        io.stderr(formatProgressLine(p, lang));
      }
    },
    end() {
      if (drawn) io.stderr('\r\x1b[K');
    },
  };
}
