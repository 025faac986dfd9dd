/**
 * A strict well-formedness check for the XML we write (no DTDs, no CDATA, no comments): every tag closed in order,
 * attributes quoted, `&` only in the five predefined or numeric entities, no `<` in text, no forbidden characters.
 * Returns the problems found (empty when well formed).
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- finding forbidden control characters is the point
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(xml)) problems.push('forbidden control character');
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  const token =
    /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/g;
  let match: RegExpExecArray | null;
  let roots = 0;
  while ((match = token.exec(body)) !== null) {
    if (match[0] === '<') {
      problems.push(`stray "<" at ${match.index}`);
      continue;
    }
    if (match[0] === '&') {
      problems.push(`bare "&" at ${match.index}`);
      continue;
    }
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

/** The text content of a WordprocessingML document (`<w:t>` runs, paragraphs as lines), entities decoded. */
export function docxText(documentXml: string): string {
  return documentXml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .join('\n');
}
