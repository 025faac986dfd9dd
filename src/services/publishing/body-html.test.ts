import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../core/errors.js';
import { sanitizeBodyHtml } from './body-html.js';

const clean = (html: string) => sanitizeBodyHtml(html).html;

describe('a notice body made safe', () => {
  it('keeps what a notice needs: headings, paragraphs with alignment and indent, lists, merged table cells, links, own images', () => {
    const html =
      '<h2 style="text-align:center">关于开展2024年度补贴申报的通知</h2>' +
      '<p style="text-indent:2em">各街道：现将有关事项通知如下。</p>' +
      '<ol start="2"><li>申报时间</li><li>申报材料</li></ol>' +
      '<table><thead><tr><th colspan="2" scope="col">项目</th></tr></thead>' +
      '<tbody><tr><td rowspan="2">补贴</td><td>500元</td></tr><tr><td>300元</td></tr></tbody></table>' +
      '<p><a href="https://www.gov.cn/zhengce/">政策文件库</a> <a href="mailto:xxgk@example.gov.cn">邮箱</a></p>' +
      '<p><img src="/attachments/att-123" alt="流程图" width="600"></p>';
    expect(clean(html)).toBe(
      '<h2 style="text-align:center">关于开展2024年度补贴申报的通知</h2>' +
        '<p style="text-indent:2em">各街道：现将有关事项通知如下。</p>' +
        '<ol start="2"><li>申报时间</li><li>申报材料</li></ol>' +
        '<table><thead><tr><th colspan="2" scope="col">项目</th></tr></thead>' +
        '<tbody><tr><td rowspan="2">补贴</td><td>500元</td></tr><tr><td>300元</td></tr></tbody></table>' +
        '<p><a href="https://www.gov.cn/zhengce/" rel="noopener noreferrer">政策文件库</a> <a href="mailto:xxgk@example.gov.cn" rel="noopener noreferrer">邮箱</a></p>' +
        '<p><img src="/attachments/att-123" alt="流程图" width="600" /></p>',
    );
  });

  it('gives the text a reader sees, for search and the personal-data check', () => {
    const { text } = sanitizeBodyHtml(
      '<h2>通知</h2><p>第一段&nbsp;&amp;  内容</p><script>alert(1)</script><table><tr><td>姓名</td><td>金额</td></tr><tr><td>张三</td><td>500</td></tr></table>',
    );
    expect(text).toBe('通知\n\n第一段 & 内容\n\n姓名\t金额\n张三\t500');
  });

  it.each([
    ['a script', '<p>正文</p><script>document.cookie</script>', '<p>正文</p>'],
    [
      'a script hidden in case and attributes',
      '<SCRIPT src="//evil.example/x.js"></SCRIPT><p>正文</p>',
      '<p>正文</p>',
    ],
    [
      'event handlers',
      '<p onclick="steal()" onmouseover="x()">正文</p><img src="/attachments/a1" onerror="steal()">',
      '<p>正文</p><img src="/attachments/a1" />',
    ],
    ['a javascript: link', '<a href="javascript:alert(1)">点我</a>', '<a rel="noopener noreferrer">点我</a>'],
    [
      'a javascript: link with entities and spaces',
      '<a href="jav&#x09;ascript:alert(1)">点我</a><a href=" JaVaScRiPt:alert(1)">再点</a>',
      '<a rel="noopener noreferrer">点我</a><a rel="noopener noreferrer">再点</a>',
    ],
    [
      'a data: link',
      '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      '<a rel="noopener noreferrer">x</a>',
    ],
    ['a vbscript: link', '<a href="vbscript:msgbox(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['a protocol-relative link', '<a href="//evil.example/">x</a>', '<a rel="noopener noreferrer">x</a>'],
    [
      'a CSS expression',
      '<p style="width: expression(alert(1)); text-align: center">x</p>',
      '<p style="text-align:center">x</p>',
    ],
    [
      'a CSS url()',
      '<p style="background:url(javascript:alert(1))">x</p><div style="text-indent: url(x)">y</div>',
      '<p>x</p><div>y</div>',
    ],
    [
      'a style sheet',
      '<style>@import "//evil.example/x.css"; body{background:url(javascript:x)}</style><p>x</p>',
      '<p>x</p>',
    ],
    [
      'an SVG with a script and an onload',
      '<svg onload="alert(1)"><script>alert(2)</script><a xlink:href="javascript:alert(3)"><text>点</text></a></svg><p>x</p>',
      '<p>x</p>',
    ],
    [
      'an SVG image with script inside',
      '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
      '',
    ],
    [
      'MathML with a link',
      '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math><p>y</p>',
      '<p>y</p>',
    ],
    [
      'frames, objects and embeds',
      '<iframe src="https://evil.example"></iframe><object data="x.swf"></object><embed src="x.swf"><p>y</p>',
      '<p>y</p>',
    ],
    [
      'forms and inputs',
      '<form action="https://evil.example"><input name="password"><button>提交</button></form>',
      '提交',
    ],
    [
      'a base and a meta refresh',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example"><p>y</p>',
      '<p>y</p>',
    ],
    [
      'an image from elsewhere',
      '<img src="https://evil.example/track.gif"><img src="/attachments/../../admin"><img src="/attachments/a1?x=1">',
      '',
    ],
    [
      'class and id attributes (no styling or anchors from outside)',
      '<p class="hidden" id="login">x</p>',
      '<p>x</p>',
    ],
    [
      'a non-number colspan',
      '<table><tr><td colspan="2;x" rowspan="9999">x</td></tr></table>',
      '<table><tr><td>x</td></tr></table>',
    ],
    [
      'a comment hiding markup',
      '<p>x</p><!--<script>alert(1)</script>--><!-- [if IE]><script>x</script><![endif]-->',
      '<p>x</p>',
    ],
    ['an unclosed tag trick', '<p>x<img src=x onerror=alert(1)//', '<p>x</p>'],
  ])('removes %s', (_what, html, expected) => {
    expect(clean(html)).toBe(expected);
  });

  it('refuses a body over the size limit with a clear message', () => {
    try {
      sanitizeBodyHtml('<p>' + '字'.repeat(1000) + '</p>', { maxBytes: 1000 });
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'BODY_TOO_LARGE')).toBe(true);
      expect((error as Error).message).toContain('正文过长');
    }
  });

  it("takes the agency's own rule for its attachment addresses", () => {
    const html = '<img src="/files/42.png"><img src="/attachments/a1">';
    expect(sanitizeBodyHtml(html, { isOwnAttachment: (src) => src.startsWith('/files/') }).html).toBe(
      '<img src="/files/42.png" />',
    );
  });
});
