/** Terminal display width of text: CJK characters and full-width forms take two columns. */

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** The number of terminal columns the text takes. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** Pads to a display width, on the right (left-aligned text) or on the left (right-aligned numbers). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/**
 * Breaks text into lines of at most `width` display columns. CJK text breaks between any two characters,
 * other text at spaces where it can; continuation lines keep the first line's indent plus two columns.
 */
export function wrap(text: string, width: number): string[] {
  const indent = /^ */.exec(text)![0];
  const tokens = text.slice(indent.length).match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = indent;
  const continuation = `${indent}  `;
  for (const token of tokens) {
    if (line.trim() !== '' && displayWidth(line + token.trimEnd()) > width) {
      lines.push(line.trimEnd());
      line = continuation;
      if (/^\s+$/.test(token)) continue;
    }
    line += token;
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
