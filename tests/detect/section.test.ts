import type { DetectionReason } from '../../lib/article/record.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readSection, readSourceName, readTitleChannels } from '../../lib/detect/section.ts';
import { detectPage } from '../../lib/detect/index.ts';
import { extractArticle } from '../../lib/clean/article.ts';

function load(name: string): Document {
  const html = readFileSync(new URL(`../fixtures/detect/${name}.html`, import.meta.url), 'utf8');
  return new JSDOM(html, { url: 'https://localhost/' }).window.document;
}

function detect(name: string) {
  const doc = load(name);
  return detectPage(doc, '', { ...extractArticle(doc, ''), source: '' });
}

describe("the site's own section", () => {
  it('reads the channel after the headline in a <title>', () => {
    expect(readTitleChannels('监管层连出三招 下周市场能否企稳_证券_网易财经')).toEqual(['证券', '网易财经']);
    expect(readTitleChannels('女儿出嫁画兰花当嫁妆--文化--人民网')).toEqual(['文化', '人民网']);
    expect(readTitleChannels('一个没有频道的标题')).toEqual([]);
  });

  it('reads a breadcrumb trail, a CMS column meta and the title channel', () => {
    const section = readSection(load('policy-reprint-portal'));
    expect(section).toBe('首页 > 时政 > 正文');
    const doc = new JSDOM(
      '<html><head><title>标题_政务动态_某市政府</title><meta name="ColumnName" content="政务动态"></head><body><p>正文</p></body></html>',
    ).window.document;
    expect(readSection(doc)).toBe('政务动态');
  });

  it('finds a trail opened by "当前位置" without a breadcrumb class', () => {
    const doc = new JSDOM(
      '<html><body><div><span>当前位置：</span><a href="/">首页</a> &gt; <a href="/cj/">财经</a></div><p>正文很长的一段文字。</p></body></html>',
    ).window.document;
    expect(readSection(doc)).toContain('财经');
  });

  it('reads the outlet a reprint names as its source', () => {
    expect(readSourceName('2024-03-18 10:05　来源：新华社　编辑：周晨')).toBe('新华社');
    expect(readSourceName('没有来源行的文字')).toBe('');
  });
});

const subsOf = (reasons: Array<DetectionReason | string>, key: string) =>
  reasons.find((r): r is DetectionReason => typeof r !== 'string' && r.key === key)?.subs;

describe('section and source in the government-news score', () => {
  it("a market story about a regulator on a portal's finance channel is not government news", () => {
    const detection = detect('regulator-finance-portal');
    expect(detection.isGovNews).toBe(false);
    expect(subsOf(detection.reasons, 'otherChannel')?.[0]).toMatch(/证券|财经/);
  });

  it('a State Council story filed under the politics channel and sourced to the news agency is government news', () => {
    const detection = detect('policy-reprint-portal');
    expect(detection.isGovNews).toBe(true);
    expect(subsOf(detection.reasons, 'politicsChannel')).toEqual(['时政']);
    expect(subsOf(detection.reasons, 'officialSource')).toEqual(['新华社']);
  });
});

describe('channels in a title with a kicker', () => {
  it('skips a kicker before the headline', () => {
    expect(readTitleChannels('图片新闻｜某县：智慧农机服务助力春耕生产-新华网某省频道-新华网')).toEqual([
      '新华网某省频道',
      '新华网',
    ]);
  });
});

describe('breadcrumb steps', () => {
  it("drops a trail's last step when it is the headline", () => {
    const doc = new JSDOM(
      '<html><body><div class="position">当前位置：首页 > 社会 > 某地一辆公交车因路面结冰滑入路边沟渠</div><p>正文</p></body></html>',
    ).window.document;
    expect(readSection(doc)).toBe('首页 > 社会');
  });
});
