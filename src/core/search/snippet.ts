import type { Snippet } from './model.js';

/**
 * Marks the search terms in a text and cuts the stretch around the first of them. `folded` is the text as the index
 * compares it (full-width folded, simplified, lower case); when it has the text's length, positions found in it
 * mark the original characters, so a traditional or full-width document is shown as written with its words marked.
 */
export function makeSnippet(
  text: string,
  folded: string,
  terms: readonly string[],
  width: number,
): Snippet | null {
  const source = folded.length === text.length ? folded : text;
  const marks: { start: number; end: number }[] = [];
  // Longest terms first, so 最低生活保障 is marked whole rather than as 最低 then 生活保障.
  const ordered = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  for (const term of ordered) {
    for (let at = source.indexOf(term); at >= 0; at = source.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (!marks.some((m) => at < m.end && end > m.start)) marks.push({ start: at, end });
      if (marks.length > 200) break;
    }
  }
  if (marks.length === 0) return null;
  marks.sort((a, b) => a.start - b.start);
  const first = marks[0]!;
  const start = Math.max(0, Math.min(first.start - Math.floor(width / 4), text.length - width));
  const end = Math.min(text.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const shift = prefix.length - start;
  return {
    text: prefix + text.slice(start, end) + suffix,
    marks: marks
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => ({ start: m.start + shift, end: m.end + shift })),
  };
}

/** The whole of a short text (a title) with its terms marked; unmarked when none occur. */
export function markAll(text: string, folded: string, terms: readonly string[]): Snippet {
  return makeSnippet(text, folded, terms, Math.max(text.length, 1)) ?? { text, marks: [] };
}
