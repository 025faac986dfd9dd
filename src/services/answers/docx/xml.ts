/**
 * Characters XML 1.0 cannot hold at all (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF; lone surrogates).
 * They are dropped, not escaped: no escape makes them legal.
 */
const forbidden =
  // eslint-disable-next-line no-control-regex -- removing forbidden control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an element or a double-quoted attribute: the five specials escaped, forbidden characters gone. */
export function escapeXml(text: string): string {
  return text
    .replace(forbidden, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
