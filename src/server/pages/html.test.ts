import { describe, expect, it } from 'vitest';
import { html, join } from './html.js';

describe('html: every interpolated value is escaped unless it is already Html', () => {
  it('escapes text in content and attributes', () => {
    const hostile = `<script>alert("x")</script>' onerror='a`;
    expect(html`<td title="${hostile}">${hostile}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onerror=&#39;a">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39; onerror=&#39;a</td>',
    );
  });
  it('passes Html through, joins arrays, drops null, undefined and false', () => {
    const inner = html`<b>${'&'}</b>`;
    expect(html`${inner}${[1, '<', null, undefined, false]}`.value).toBe('<b>&amp;</b>1&lt;');
    expect(join(['<', inner]).value).toBe('&lt;<b>&amp;</b>');
  });
});
