/**
 * HTML built from tagged templates that escape every interpolated value, so text read from an upload can never
 * become markup. Only values already of type `Html` (built by `html` itself) pass through unescaped.
 */

/** A fragment of HTML that has been escaped or built from escaped parts. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const SPECIAL = /[&<>"']/;

/** Escapes text for use in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  // Most values (numbers, ids, Chinese labels) have nothing to escape: no copy then.
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] as string);
}

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (typeof part === 'number') return String(part);
  if (Array.isArray(part)) {
    let out = '';
    for (const p of part as readonly Part[]) out += render(p);
    return out;
  }
  return escapeHtml(String(part));
}

/** The tagged template: `html\`<td>${value}</td>\`` escapes `value` unless it is already `Html`. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i += 1) out += render(values[i]) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Joins fragments (escaping plain strings). */
export function join(parts: readonly Part[]): Html {
  return new Html(parts.map(render).join(''));
}
