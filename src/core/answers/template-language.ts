/**
 * The answer-template language: plain text with `{{name}}` placeholders and `{{#if name}}…{{else}}…{{/if}}`
 * sections, nothing else. Placeholders are looked up by exact name in a map of strings the caller builds, so a
 * template cannot call functions, reach object prototypes or loop; the worst an edited template can do is say the
 * wrong thing, which validation (unknown names, unbalanced sections) and review catch.
 */

/** A problem in a template, with where it is (1-based line and column of the tag). */
export interface TemplateFinding {
  rule:
    | 'unknownPlaceholder'
    | 'missingPlaceholder'
    | 'missingRemedy'
    | 'badTag'
    | 'unclosedTag'
    | 'strayClose'
    | 'unbalancedSection'
    | 'tooLong';
  line: number;
  column: number;
  /** The tag text as written, e.g. `{{applicant.nmae}}`. */
  tag: string;
  messageZh: string;
  messageEn: string;
}

type Node =
  | { type: 'text'; value: string }
  | { type: 'placeholder'; name: string }
  | { type: 'if'; name: string; then: Node[]; otherwise: Node[] };

/** A parsed template: render it with `renderTemplate`. */
export interface ParsedTemplate {
  nodes: Node[];
  /** Every placeholder name used (in tags and sections). */
  names: string[];
}

const NAME = '[A-Za-z][A-Za-z0-9]*(?:\\.[A-Za-z][A-Za-z0-9]*)*';
const placeholderTag = new RegExp(`^(${NAME})$`);
const ifTag = new RegExp(`^#if\\s+(${NAME})$`);
/** Deep nesting is never needed in a letter and would only make templates hard to review. */
const maxDepth = 8;

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses `text`, checking every placeholder against `known`. Returns the template and the findings; a template
 * with findings must not be stored or rendered.
 */
export function parseTemplate(
  text: string,
  known: ReadonlySet<string>,
  maxLength = 20_000,
): { template: ParsedTemplate; findings: TemplateFinding[] } {
  const findings: TemplateFinding[] = [];
  const names = new Set<string>();
  const finding = (
    rule: TemplateFinding['rule'],
    offset: number,
    tag: string,
    messageZh: string,
    messageEn: string,
  ) => findings.push({ rule, ...position(text, offset), tag, messageZh, messageEn });

  if (text.length > maxLength) {
    finding(
      'tooLong',
      0,
      '',
      `模板过长（最多 ${maxLength} 字）`,
      `template too long (at most ${maxLength} characters)`,
    );
    return { template: { nodes: [], names: [] }, findings };
  }

  const root: Node[] = [];
  // Open sections: the node, which branch is being filled, and where it opened (for the error message).
  const stack: { node: Node & { type: 'if' }; inElse: boolean; offset: number; tag: string }[] = [];
  const current = (): Node[] => {
    const top = stack[stack.length - 1];
    return top ? (top.inElse ? top.node.otherwise : top.node.then) : root;
  };
  const addText = (value: string, offset: number) => {
    const stray = value.indexOf('}}');
    if (stray >= 0) {
      finding('strayClose', offset + stray, '}}', '多余的“}}”', 'stray "}}" without "{{"');
    }
    if (value !== '') current().push({ type: 'text', value });
  };
  const checkName = (name: string, offset: number, tag: string) => {
    names.add(name);
    if (!known.has(name)) {
      finding('unknownPlaceholder', offset, tag, `未知的占位符 ${tag}`, `unknown placeholder ${tag}`);
    }
  };

  let index = 0;
  while (index < text.length) {
    const open = text.indexOf('{{', index);
    if (open < 0) {
      addText(text.slice(index), index);
      break;
    }
    addText(text.slice(index, open), index);
    const close = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      const tag = text.slice(open, Math.min(open + 30, text.length));
      finding('unclosedTag', open, tag, `标记未闭合：${tag}`, `tag not closed: ${tag}`);
      index = close < 0 ? text.length : nextOpen;
      continue;
    }
    const tag = text.slice(open, close + 2);
    const inner = tag.slice(2, -2).trim();
    index = close + 2;
    let match: RegExpExecArray | null;
    if (inner !== 'else' && (match = placeholderTag.exec(inner))) {
      checkName(match[1]!, open, tag);
      current().push({ type: 'placeholder', name: match[1]! });
    } else if ((match = ifTag.exec(inner))) {
      checkName(match[1]!, open, tag);
      if (stack.length >= maxDepth) {
        finding(
          'unbalancedSection',
          open,
          tag,
          `条件嵌套过深（最多 ${maxDepth} 层）`,
          `sections nested too deep (at most ${maxDepth})`,
        );
      }
      const node: Node & { type: 'if' } = { type: 'if', name: match[1]!, then: [], otherwise: [] };
      current().push(node);
      stack.push({ node, inElse: false, offset: open, tag });
    } else if (inner === 'else') {
      const top = stack[stack.length - 1];
      if (!top || top.inElse) {
        finding(
          'unbalancedSection',
          open,
          tag,
          '{{else}} 不在 {{#if}} 之内',
          '{{else}} outside an {{#if}} section',
        );
      } else top.inElse = true;
    } else if (inner === '/if') {
      if (!stack.pop()) {
        finding('unbalancedSection', open, tag, '{{/if}} 没有对应的 {{#if}}', '{{/if}} without an {{#if}}');
      }
    } else {
      finding(
        'badTag',
        open,
        tag,
        `无法识别的标记 ${tag}（只允许 {{名称}}、{{#if 名称}}、{{else}}、{{/if}}）`,
        `unrecognised tag ${tag} (only {{name}}, {{#if name}}, {{else}} and {{/if}} are allowed)`,
      );
    }
  }
  for (const open of stack) {
    finding(
      'unbalancedSection',
      open.offset,
      open.tag,
      `${open.tag} 缺少 {{/if}}`,
      `${open.tag} has no {{/if}}`,
    );
  }
  return { template: { nodes: root, names: [...names] }, findings };
}

/**
 * Renders a parsed template. A placeholder becomes its value (missing: empty); a section is taken when its value
 * is non-blank. The result is plain text: escaping is the writer's job (DOCX, HTML).
 */
export function renderTemplate(template: ParsedTemplate, values: ReadonlyMap<string, string>): string {
  const render = (nodes: Node[]): string =>
    nodes
      .map((node) => {
        if (node.type === 'text') return node.value;
        const value = values.get(node.name) ?? '';
        if (node.type === 'placeholder') return value;
        return render(value.trim() !== '' ? node.then : node.otherwise);
      })
      .join('');
  return render(template.nodes);
}
