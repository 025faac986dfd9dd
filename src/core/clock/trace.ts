import { weekdayName, type IsoDate } from '../calendar/date.js';

/** A warning attached to a result: a stable code and a Chinese and English message. */
export interface ClockWarning {
  code: string;
  zh: string;
  en: string;
}

/** A bilingual label, e.g. the reason for a pause. */
export interface Label {
  zh: string;
  en: string;
}

/** One step of a deadline computation, in the order it happened; rendered for people by `renderTrace`. */
export type TraceEntry =
  | { kind: 'start'; date: IsoDate; workingDays: number; startDayCounts: boolean; label?: Label }
  | { kind: 'counted'; from: IsoDate; to: IsoDate; firstDay: number; lastDay: number; guessedYear?: number }
  | { kind: 'makeUpWorkday'; date: IsoDate; name: string; nameEn?: string; day: number }
  | { kind: 'weekend'; from: IsoDate; to: IsoDate; guessedYear?: number }
  | { kind: 'holiday'; from: IsoDate; to: IsoDate; name: string; nameEn?: string; authority?: string }
  | { kind: 'pause'; from: IsoDate; to: IsoDate | null; label: Label }
  | { kind: 'due'; date: IsoDate; workingDays: number }
  | { kind: 'note'; date?: IsoDate; label: Label };

/** A trace entry with its sentence in the requested language (the shape `--json` prints). */
export interface RenderedTraceEntry {
  kind: TraceEntry['kind'];
  from?: IsoDate;
  to?: IsoDate | null;
  text: string;
}

function span(from: IsoDate, to: IsoDate | null, lang: 'zh' | 'en'): string {
  if (to === null) return lang === 'zh' ? `${from} 起` : `from ${from}`;
  if (from === to)
    return lang === 'zh' ? `${from}（${weekdayName(from, 'zh')}）` : `${from} (${weekdayName(from, 'en')})`;
  return lang === 'zh' ? `${from} 至 ${to}` : `${from} to ${to}`;
}

function guessed(year: number | undefined, lang: 'zh' | 'en'): string {
  if (year === undefined) return '';
  return lang === 'zh'
    ? `（${year} 年放假安排未录入，按周一至周五推算）`
    : ` (no calendar for ${year}: assumed Monday–Friday)`;
}

/** One sentence for a trace entry, in words a reviewing body can follow. */
export function renderTraceEntry(entry: TraceEntry, lang: 'zh' | 'en'): string {
  const zh = lang === 'zh';
  switch (entry.kind) {
    case 'start': {
      const what = entry.label ? (zh ? entry.label.zh : entry.label.en) : '';
      const day = `${entry.date}（${weekdayName(entry.date, 'zh')}）`;
      if (zh) {
        const rule = entry.startDayCounts
          ? '当日计为第 1 个工作日（本部署设定）'
          : '开始的当日不计入，自次日起计算（民法典第二百零一条）';
        return `${what}${what ? '：' : ''}起算日 ${day}：${rule}，共 ${entry.workingDays} 个工作日`;
      }
      const rule = entry.startDayCounts
        ? 'that day counts as working day 1 (deployment setting)'
        : 'the start day is not counted, counting begins the next day (Civil Code Art. 201)';
      return `${what}${what ? ': ' : ''}start ${entry.date} (${weekdayName(entry.date, 'en')}); ${rule}; ${entry.workingDays} working days`;
    }
    case 'counted': {
      const days =
        entry.firstDay === entry.lastDay ? `${entry.firstDay}` : `${entry.firstDay}–${entry.lastDay}`;
      return zh
        ? `${span(entry.from, entry.to, lang)} 工作日，计入，第 ${days} 个工作日${guessed(entry.guessedYear, lang)}`
        : `${span(entry.from, entry.to, lang)} working day(s), counted: day ${days}${guessed(entry.guessedYear, lang)}`;
    }
    case 'makeUpWorkday':
      return zh
        ? `${entry.date} ${weekdayName(entry.date, 'zh')} 调休上班（${entry.name}），计入，第 ${entry.day} 个工作日`
        : `${entry.date} ${weekdayName(entry.date, 'en')} is a make-up working day (${entry.nameEn ?? entry.name}), counted: day ${entry.day}`;
    case 'weekend':
      return zh
        ? `${span(entry.from, entry.to, lang)} 周末，不计入${guessed(entry.guessedYear, lang)}`
        : `${span(entry.from, entry.to, lang)} weekend, not counted${guessed(entry.guessedYear, lang)}`;
    case 'holiday': {
      const by = entry.authority ? (zh ? `（${entry.authority}规定）` : ` (set by ${entry.authority})`) : '';
      return zh
        ? `${span(entry.from, entry.to, lang)} ${entry.name}放假${by}，不计入`
        : `${span(entry.from, entry.to, lang)} ${entry.nameEn ?? entry.name} holiday${by}, not counted`;
    }
    case 'pause':
      return zh
        ? `${span(entry.from, entry.to, lang)} ${entry.label.zh}，期间不计入`
        : `${span(entry.from, entry.to, lang)} ${entry.label.en}, not counted`;
    case 'due':
      return zh
        ? `第 ${entry.workingDays} 个工作日为 ${entry.date}（${weekdayName(entry.date, 'zh')}），期限届满`
        : `working day ${entry.workingDays} is ${entry.date} (${weekdayName(entry.date, 'en')}): the deadline`;
    case 'note':
      return (entry.date ? `${entry.date} ` : '') + (zh ? entry.label.zh : entry.label.en);
  }
}

/** The whole trace as sentences with their dates. */
export function renderTrace(trace: readonly TraceEntry[], lang: 'zh' | 'en'): RenderedTraceEntry[] {
  return trace.map((entry) => {
    const from = 'from' in entry ? entry.from : 'date' in entry ? entry.date : undefined;
    const to = 'to' in entry ? entry.to : 'date' in entry ? entry.date : undefined;
    return { kind: entry.kind, from, to, text: renderTraceEntry(entry, lang) };
  });
}
