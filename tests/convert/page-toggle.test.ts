import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { createPageToggle, type Direction, type PageState } from '../../lib/convert/page-toggle';

// Invented text, modelled on a news page's markup.
const PAGE = `<!doctype html><html lang="zh-CN"><head><title>国务院发布关于优化营商环境的意见</title>
<style>.x{content:"发展"}</style><script>var s = "发展";</script></head>
<body>
<header><nav aria-label="主导航"><a href="/" title="返回首页">首页</a> <input placeholder="搜索新闻" value="输入的内容"></nav></header>
<article>
  <h1>着力推进高质量发展</h1>
  <p id="lead">记者从会议上获悉，著名专家表示将着力提升软件与数据库的质量。</p>
  <img src="a.jpg" alt="会议现场图片">
  <p><code>var 软件 = 1;</code> 代码之外的软件</p>
  <textarea>用户输入的文本</textarea>
  <div contenteditable="true">可编辑的区域</div>
  <p translate="no">不要翻译的段落</p>
  <p class="ignore-opencc">忽略转换的段落</p>
  <select><option>选项一</option><option value="v2">选项二</option></select>
  <div id="own">扩展自己的工具栏</div>
</article>
</body></html>`;

let cnToTwp: ConvertFn;
let twToCn: ConvertFn;

beforeAll(async () => {
  const factory = createConverterFactory(createNodeDictLoader());
  cnToTwp = await factory.get('cn', 'twp');
  twToCn = await factory.get('tw', 'cn');
});

function setup(html = PAGE, extra: { sliceMs?: number } = {}) {
  const dom = new JSDOM(html, { url: 'https://www.people.com.cn/n1/2024/0101/c1-1.html' });
  const doc = dom.window.document;
  const calls: Direction[] = [];
  const states: PageState[] = [];
  let converted = 0;
  const toggle = createPageToggle({
    doc,
    getConverter: async (direction) => {
      calls.push(direction);
      const fn = direction === 'to-hant' ? cnToTwp : twToCn;
      return (text) => {
        converted++;
        return fn(text);
      };
    },
    isOwnNode: (node) => (node as Element).id === 'own',
    onChange: (state) => states.push(state),
    ...extra,
  });
  const tick = () => new Promise((resolve) => dom.window.setTimeout(resolve, 0));
  return { dom, doc, toggle, calls, states, tick, convertedCount: () => converted };
}

describe('createPageToggle', () => {
  it('converts text, the title and the four attributes, and updates lang', async () => {
    const { doc, toggle, calls, states } = setup();
    expect(toggle.direction).toBe('to-hant');
    await toggle.toggle();
    expect(calls).toEqual(['to-hant']);
    expect(states).toEqual(['to-hant']);
    expect(toggle.state).toBe('to-hant');
    expect(doc.title).toBe(cnToTwp('国务院发布关于优化营商环境的意见'));
    expect(doc.querySelector('h1')?.textContent).toBe('著力推進高質量發展');
    expect(doc.querySelector('#lead')?.textContent).toBe(
      cnToTwp('记者从会议上获悉，著名专家表示将着力提升软件与数据库的质量。'),
    );
    expect(doc.querySelector('nav')?.getAttribute('aria-label')).toBe('主導航');
    expect(doc.querySelector('a')?.getAttribute('title')).toBe('返回首頁');
    expect(doc.querySelector('input')?.getAttribute('placeholder')).toBe('搜尋新聞');
    expect(doc.querySelector('img')?.getAttribute('alt')).toBe('會議現場圖片');
    expect(doc.documentElement.lang).toBe('zh-Hant');
  });

  it('leaves code, scripts, styles, form values, editable and opted-out text alone', async () => {
    const { doc, toggle } = setup();
    await toggle.toggle();
    expect(doc.querySelector('script')?.textContent).toBe('var s = "发展";');
    expect(doc.querySelector('style')?.textContent).toBe('.x{content:"发展"}');
    expect(doc.querySelector('code')?.textContent).toBe('var 软件 = 1;');
    expect(doc.querySelector('code')?.nextSibling?.textContent).toBe(cnToTwp(' 代码之外的软件'));
    expect(doc.querySelector('textarea')?.value).toBe('用户输入的文本');
    expect(doc.querySelector('input')?.value).toBe('输入的内容');
    expect(doc.querySelector('[contenteditable]')?.textContent).toBe('可编辑的区域');
    expect(doc.querySelector('[translate=no]')?.textContent).toBe('不要翻译的段落');
    expect(doc.querySelector('.ignore-opencc')?.textContent).toBe('忽略转换的段落');
    expect(doc.querySelector('#own')?.textContent).toBe('扩展自己的工具栏');
    const options = doc.querySelectorAll('option');
    expect(options[0]?.textContent).toBe('选项一');
    expect(options[1]?.textContent).toBe('選項二');
  });

  it('restores the exact original on the way back instead of converting back', async () => {
    const { dom, doc, toggle, calls } = setup();
    const before = dom.serialize();
    await toggle.toggle();
    expect(dom.serialize()).not.toBe(before);
    await toggle.toggle();
    expect(toggle.state).toBe('original');
    expect(dom.serialize()).toBe(before);
    // A conversion back would have turned 着力 into 著力 and lost the distinction.
    expect(doc.querySelector('h1')?.textContent).toBe('着力推进高质量发展');
    expect(calls).toEqual(['to-hant']);
  });

  it('converts content the page adds later, in batches, without reacting to its own writes', async () => {
    const { doc, toggle, tick, convertedCount } = setup();
    await toggle.toggle();
    const afterFirst = convertedCount();
    const p = doc.createElement('p');
    p.textContent = '后来加载的评论区内容';
    p.title = '用户评论';
    doc.body.append(p);
    await tick();
    await tick();
    expect(p.textContent).toBe('後來載入的評論區內容');
    expect(p.title).toBe('使用者評論');
    const settled = convertedCount();
    expect(settled).toBeGreaterThan(afterFirst);
    await tick();
    await tick();
    expect(convertedCount()).toBe(settled);
  });

  it('takes text the page rewrites while converted as the new original', async () => {
    const { dom, doc, toggle, tick } = setup();
    await toggle.toggle();
    const lead = doc.querySelector('#lead');
    const text = lead?.firstChild as Text;
    text.data = '页面自己更新了这段文字';
    await tick();
    await tick();
    expect(text.data).toBe('頁面自己更新了這段文字');
    const title = doc.querySelector('a');
    title?.setAttribute('title', '新的链接说明');
    await tick();
    expect(title?.getAttribute('title')).toBe('新的連結說明');
    toggle.restore();
    expect(text.data).toBe('页面自己更新了这段文字');
    expect(title?.getAttribute('title')).toBe('新的链接说明');
    expect(dom.serialize()).toContain('着力推进高质量发展');
  });

  it('judges the direction from the page text and converts traditional pages to simplified', async () => {
    const { doc, toggle } = setup(
      '<html><head><title>新聞</title></head><body><p>國務院辦公廳發佈通知，這是關於軟體的說明。</p></body></html>',
    );
    expect(toggle.direction).toBe('to-hans');
    await toggle.toggle();
    expect(doc.querySelector('p')?.textContent).toBe(twToCn('國務院辦公廳發佈通知，這是關於軟體的說明。'));
    expect(doc.documentElement.lang).toBe('zh-Hans');
    toggle.restore();
    expect(doc.documentElement.hasAttribute('lang')).toBe(false);
  });

  it('switching direction restores first, then converts the original', async () => {
    const { doc, toggle } = setup();
    await toggle.convert('to-hant');
    await toggle.convert('to-hans');
    expect(toggle.state).toBe('to-hans');
    // Converted from the simplified original, not from the traditional rendering.
    expect(doc.querySelector('h1')?.textContent).toBe(twToCn('着力推进高质量发展'));
  });

  it('works through large pages in slices, yielding between them', async () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `<p>第${i}段：经济发展与环境保护并重。</p>`,
    ).join('');
    const { doc, toggle, tick } = setup(`<html><body>${paragraphs}</body></html>`, { sliceMs: 1 });
    const done = toggle.toggle();
    await tick();
    const ps = [...doc.querySelectorAll('p')];
    const convertedSoFar = ps.filter((p) => p.textContent?.includes('經濟')).length;
    expect(convertedSoFar).toBeGreaterThan(0);
    expect(convertedSoFar).toBeLessThan(ps.length);
    await done;
    expect(ps.every((p) => p.textContent?.endsWith('經濟發展與環境保護並重。'))).toBe(true);
  });

  it('converts the rest of the page before writing any of it, so frames meanwhile lay out nothing', async () => {
    const paragraphs = Array.from(
      { length: 3000 },
      (_, i) => `<p>第${i}段：经济发展与环境保护并重。</p>`,
    ).join('');
    const dom = new JSDOM(`<html><body>${paragraphs}</body></html>`);
    const ps = [...dom.window.document.querySelectorAll('p')];
    const convertedNow = () => ps.filter((p) => p.textContent?.includes('經濟')).length;
    // Converted paragraphs on the page at each converter call.
    const seen: number[] = [];
    const toggle = createPageToggle({
      doc: dom.window.document,
      getConverter: async () => (text) => {
        seen.push(convertedNow());
        return cnToTwp(text);
      },
      sliceMs: 1,
    });
    await toggle.toggle();
    expect(convertedNow()).toBe(ps.length);
    // The viewport's call saw nothing written; every later call saw the viewport's text alone.
    const [first, ...later] = seen;
    expect(first).toBe(0);
    expect(later.length).toBeGreaterThan(2);
    expect(new Set(later).size).toBe(1);
    expect(later[0]).toBeGreaterThan(0);
    expect(later[0]).toBeLessThan(ps.length);
  });

  it('writes the conversion of what the page changed while the rest was being converted', async () => {
    const paragraphs = Array.from({ length: 3000 }, (_, i) => `<p>第${i}段：经济发展。</p>`).join('');
    const { doc, toggle, tick } = setup(`<html><body>${paragraphs}</body></html>`, { sliceMs: 1 });
    const last = doc.querySelectorAll('p')[2999]?.firstChild as Text;
    const done = toggle.toggle();
    await tick();
    await tick();
    last.data = '页面后来写的软件';
    await done;
    await tick();
    expect(last.data).toBe(cnToTwp('页面后来写的软件'));
    await toggle.restore();
    expect(last.data).toBe('页面后来写的软件');
  });

  it('stops cleanly when restored in the middle of a large conversion', async () => {
    const paragraphs = Array.from(
      { length: 2000 },
      (_, i) => `<p title="段落${i}">第${i}段：经济发展。</p>`,
    ).join('');
    const { dom, toggle, tick } = setup(`<html><body>${paragraphs}</body></html>`, { sliceMs: 1 });
    const before = dom.serialize();
    const done = toggle.toggle();
    await tick();
    // Restoring is sliced too: it resolves once everything is back.
    await toggle.restore();
    await done;
    await tick();
    expect(dom.serialize()).toBe(before);
  });

  it('follows same-origin frames', async () => {
    const { doc, toggle, tick } = setup('<html><body><p>主页面</p><iframe></iframe></body></html>');
    const frame = doc.querySelector('iframe') as HTMLIFrameElement;
    const inner = frame.contentDocument as Document;
    const p = inner.createElement('p');
    p.textContent = '框架里的内容';
    inner.body.append(p);
    await toggle.toggle();
    expect(p.textContent).toBe('框架裡的內容');
    const later = inner.createElement('p');
    later.textContent = '框架后来的内容';
    inner.body.append(later);
    await tick();
    await tick();
    expect(later.textContent).toBe('框架後來的內容');
    toggle.restore();
    expect(p.textContent).toBe('框架里的内容');
    expect(later.textContent).toBe('框架后来的内容');
  });

  it('on a page that keeps rewriting its own text, converts each new text once and never loops', async () => {
    const { dom, doc, toggle, convertedCount } = setup(
      '<html><body><p id="tick">更新时间：0</p><p id="back">页面坚持的原文</p></body></html>',
    );
    const win = dom.window;
    const tick = doc.querySelector('#tick') as HTMLElement;
    let n = 0;
    const timer = win.setInterval(() => (tick.textContent = `更新时间：${++n}`), 5);
    // A page that puts its own text back whenever someone changes it (a framework re-rendering).
    const back = (doc.querySelector('#back') as HTMLElement).firstChild as Text;
    new win.MutationObserver(() => {
      if (back.data !== '页面坚持的原文') back.data = '页面坚持的原文';
    }).observe(back, { characterData: true });
    await toggle.toggle();
    await new Promise((r) => win.setTimeout(r, 200));
    win.clearInterval(timer);
    await new Promise((r) => win.setTimeout(r, 50));
    expect(tick.textContent).toBe(`更新時間：${n}`);
    const settled = convertedCount();
    // One conversion per page rewrite at most, plus the first pass and a few tries on the reverted node.
    expect(settled).toBeLessThanOrEqual(n + 10);
    await new Promise((r) => win.setTimeout(r, 100));
    expect(convertedCount()).toBe(settled);
    await toggle.restore();
    expect(tick.textContent).toBe(`更新时间：${n}`);
    expect(back.data).toBe('页面坚持的原文');
  });
});
