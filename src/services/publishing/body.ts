/**
 * The body of a version as stored: sanitised HTML for the page and plain text for search and the personal-data
 * check. Until the rich-text sanitiser lands (services/publishing/body-html.ts), a body is plain text: each line
 * becomes an escaped paragraph, so nothing the author types can become markup.
 */
export interface StoredBody {
  html: string;
  text: string;
}

/** The longest body accepted (characters). */
export const BODY_MAX_CHARS = 500_000;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A plain-text body: normalised line ends, each non-empty line a `<p>` of escaped text. */
export function bodyFromText(text: string): StoredBody {
  const normal = text.replace(/\r\n?/g, '\n');
  const html = normal
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('\n');
  return { html, text: normal };
}
