import { describe, expect, it } from 'vitest';
import { readTextCapture } from '../../lib/extract/text-capture.ts';

const bodyOf = (html: string) => readTextCapture(html).blocks.map((b) => b.text);

describe('readTextCapture on pasted HTML', () => {
  it('decodes every HTML entity, named and numeric', () => {
    const lines = bodyOf(
      [
        '<p>&emsp;&emsp;会议指出&ensp;要坚持&ldquo;稳中求进&rdquo;，&lsquo;以进促稳&rsquo;。</p>',
        '<p>数字：&#20013;&#x56FD;&#X4e2d;，符号：&copy; &sect; &times; &yen;&nbsp;5&middot;6</p>',
        '<p>&amp;lt; stays text: 5 &lt; 6 &gt; 4 &quot;ok&quot; &apos;ok&apos;</p>',
      ].join('\n'),
    );
    expect(lines).toEqual([
      '会议指出 要坚持“稳中求进”，‘以进促稳’。',
      '数字：中国中，符号：© § × ¥ 5·6',
      '&lt; stays text: 5 < 6 > 4 "ok" \'ok\'',
    ]);
  });

  it('keeps headings and bold paragraphs as headings, and drops scripts, styles and tags', () => {
    const capture = readTextCapture(
      '<h2>第一部分</h2><p><strong>加强组织领导</strong></p><script>var a = "<p>x</p>";</script>' +
        '<style>p { color: red }</style><p>各地要<b>抓紧</b>落实。<br>第二行</p><p>a << b</p>',
    );
    expect(capture.blocks).toEqual([
      { kind: 'h', text: '第一部分' },
      { kind: 'h', text: '加强组织领导' },
      { kind: 'p', text: '各地要抓紧落实。' },
      { kind: 'p', text: '第二行' },
      { kind: 'p', text: 'a << b' },
    ]);
  });
});
