/** Dates, counts and days left as people read them, in the console's language. */
import { lang } from './lang';

/** "还剩 3 个工作日" / "逾期 2 个工作日" / "今天到期". */
export function daysLeftText(days: number | null): string {
  const en = lang.value === 'en';
  if (days === null) return en ? '—' : '—';
  if (days < 0) return en ? `${-days} working day(s) overdue` : `逾期 ${-days} 个工作日`;
  if (days === 0) return en ? 'due today' : '今天到期';
  return en ? `${days} working day(s) left` : `还剩 ${days} 个工作日`;
}

/** The CSS class that marks a due date: overdue, due within 3 working days, or nothing. */
export function dueClass(days: number | null): string {
  if (days === null) return '';
  if (days < 0) return 'gk-overdue';
  return days <= 3 ? 'gk-soon' : '';
}

/** 2026-03-02 → 2026年3月2日 (zh) or 2 Mar 2026 (en). */
export function dateText(date: string | null | undefined): string {
  if (!date) return '—';
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return date;
  if (lang.value === 'en') {
    const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
    return `${d} ${month} ${y}`;
  }
  return `${y}年${m}月${d}日`;
}

/** An ISO instant in Beijing time, to the minute. */
export function timeText(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(lang.value === 'en' ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(t);
  return parts;
}

/** Fen as yuan with two decimals: 10000 → "100.00 元". */
export function yuanText(fen: number): string {
  const text = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  return lang.value === 'en' ? `¥${text}` : `${text} 元`;
}
