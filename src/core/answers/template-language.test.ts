import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate } from './template-language.js';

const known = new Set(['applicant.name', 'answer.details', 'a', 'b']);
const render = (text: string, values: Record<string, string>) => {
  const { template, findings } = parseTemplate(text, known);
  expect(findings).toEqual([]);
  return renderTemplate(template, new Map(Object.entries(values)));
};
const rules = (text: string) => parseTemplate(text, known).findings.map((f) => [f.rule, f.line, f.column]);

describe('answer template language', () => {
  it('substitutes placeholders and takes sections on non-blank values', () => {
    expect(render('{{applicant.name}}：你好', { 'applicant.name': '张三' })).toBe('张三：你好');
    expect(render('{{ applicant.name }}', { 'applicant.name': '李四' })).toBe('李四');
    const t = '{{#if answer.details}}说明：{{answer.details}}{{else}}无{{/if}}';
    expect(render(t, { 'answer.details': '见附件' })).toBe('说明：见附件');
    expect(render(t, { 'answer.details': '  ' })).toBe('无');
    expect(render(t, {})).toBe('无');
    expect(render('{{#if a}}A{{#if b}}B{{/if}}{{/if}}', { a: '1', b: '' })).toBe('A');
  });

  it('never interprets values: a value that looks like a tag stays text', () => {
    expect(render('{{a}}', { a: '{{b}} <script>&' })).toBe('{{b}} <script>&');
  });

  it('reports unknown placeholders with their line and column', () => {
    const { findings } = parseTemplate('第一行\n你好{{applicant.nmae}}', known);
    expect(findings).toMatchObject([
      { rule: 'unknownPlaceholder', line: 2, column: 3, tag: '{{applicant.nmae}}' },
    ]);
    expect(findings[0]!.messageZh).toContain('未知的占位符');
  });

  it('refuses anything that is not a plain name, so nothing can run', () => {
    expect(rules('{{constructor.constructor("x")()}}')).toEqual([['badTag', 1, 1]]);
    expect(rules('{{a + b}}')).toEqual([['badTag', 1, 1]]);
    expect(rules('{{{a}}}')).toEqual([['badTag', 1, 1]]);
    expect(rules('{{__proto__}}')).toEqual([['badTag', 1, 1]]);
    expect(rules('{{toString}}')).toEqual([['unknownPlaceholder', 1, 1]]);
    expect(rules('{{#each a}}{{/each}}')).toEqual([
      ['badTag', 1, 1],
      ['badTag', 1, 12],
    ]);
  });

  it('reports unclosed tags and unbalanced sections', () => {
    expect(rules('x {{a')).toEqual([['unclosedTag', 1, 3]]);
    expect(rules('{{a {{b}}')).toEqual([['unclosedTag', 1, 1]]);
    expect(rules('\n{{#if a}}x')).toEqual([['unbalancedSection', 2, 1]]);
    expect(rules('{{/if}}')).toEqual([['unbalancedSection', 1, 1]]);
    expect(rules('{{else}}')).toEqual([['unbalancedSection', 1, 1]]);
    expect(rules('{{#if a}}{{else}}{{else}}{{/if}}')).toEqual([['unbalancedSection', 1, 18]]);
    expect(rules('a }} b')).toEqual([['strayClose', 1, 3]]);
  });

  it('refuses over-long templates and deep nesting', () => {
    expect(parseTemplate('x'.repeat(101), known, 100).findings[0]?.rule).toBe('tooLong');
    const deep = '{{#if a}}'.repeat(9) + '{{/if}}'.repeat(9);
    expect(parseTemplate(deep, known).findings.map((f) => f.rule)).toEqual(['unbalancedSection']);
  });
});
