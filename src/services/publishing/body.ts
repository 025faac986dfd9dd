/**
 * The body of a version as stored: sanitised HTML for the page and plain text for search and the personal-data
 * check. An author gives either rich text (`bodyHtml`, sanitised by body-html.ts) or plain text (`body`: each line
 * becomes an escaped paragraph, so nothing typed can become markup).
 */
import { maskPersonalDataInHtml, type FindOptions } from '../../core/publishing/personal-data/index.js';
import { bodyText, sanitizeBodyHtml } from './body-html.js';

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

/** The stored body from what the author gave: rich text sanitised, else plain text escaped. */
export function storedBody(input: { body?: string; bodyHtml?: string }): StoredBody {
  if (input.bodyHtml !== undefined) return sanitizeBodyHtml(input.bodyHtml);
  return bodyFromText(input.body ?? '');
}

/** The body with its personal data masked in one step (the markup around it unchanged), and how many were masked. */
export function maskedBody(body: StoredBody, options: FindOptions): { body: StoredBody; masked: number } {
  const result = maskPersonalDataInHtml(body.html, options);
  const masked = result.findings.length + result.attributes.length;
  return { body: masked === 0 ? body : { html: result.html, text: bodyText(result.html) }, masked };
}
