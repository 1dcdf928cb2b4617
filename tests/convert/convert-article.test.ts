import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../lib/article/record';
import { convertArticle, createConverterFactory, type ConvertFn } from '../../lib/convert/index';
import { createNodeDictLoader } from '../../lib/convert/load-node';

// An invented article in traditional script, as a mirror that annotates pinyin would serve it.
const ARTICLE: Article = {
  url: 'https://mirror.example/n1/2026/1120/c1001-1.html',
  canonicalUrl: 'https://www.people.com.cn/n1/2026/1120/c1001-1.html',
  siteName: '人民網',
  title: '政協(xié)委員建議加強軟體產業發展',
  kicker: '聚焦兩會',
  subtitle: '記者從會議上獲悉',
  originalTitle: '政協委員談軟體產業',
  source: '人民日報',
  authors: ['王小明', '李華'],
  editors: ['張偉'],
  people: [{ name: '劉國強', roles: ['市政協(xié)主席'], mentions: 2 }],
  blocks: [
    { type: 'p', text: '全國政協(xié)委員表示，要著力推進資料庫和軟體的國產化。' },
    { type: 'h', text: '加強協(xié)調' },
    { type: 'figure', src: 'https://img.example/a.jpg', caption: '會議現場(GDP)', credit: '新華社記者 攝' },
    { type: 'figure', src: 'https://img.example/b.jpg' },
  ],
  script: 'hant',
  detection: { isArticle: true, isGovNews: true, score: 0.9, reasons: ['政務新聞'] },
  publishedAt: '2026-11-20T08:15:00+08:00',
  extractedAt: '2026-11-20T09:00:00Z',
  contentHash: 'abc123',
};

let twToCn: ConvertFn;
let cnToTwp: ConvertFn;

beforeAll(async () => {
  const factory = createConverterFactory(createNodeDictLoader());
  twToCn = await factory.get('twp', 'cn');
  cnToTwp = await factory.get('cn', 'twp');
});

describe('convertArticle', () => {
  it('converts every text field, repairing pinyin before conversion, and records the new script', () => {
    const out = convertArticle(ARTICLE, twToCn);
    expect(out.title).toBe('政协委员建议加强软件产业发展');
    expect(out.title).not.toContain('(');
    expect(out.siteName).toBe('人民网');
    expect(out.kicker).toBe(twToCn('聚焦兩會'));
    expect(out.subtitle).toBe(twToCn('記者從會議上獲悉'));
    expect(out.originalTitle).toBe(twToCn('政協委員談軟體產業'));
    expect(out.source).toBe('人民日报');
    expect(out.authors).toEqual(['王小明', '李华']);
    expect(out.editors).toEqual(['张伟']);
    expect(out.people).toEqual([{ name: '刘国强', roles: ['市政协主席'], mentions: 2 }]);
    expect(out.blocks[0]).toEqual({
      type: 'p',
      text: twToCn('全國政協委員表示，要著力推進資料庫和軟體的國產化。'),
    });
    expect(out.blocks[1]).toEqual({ type: 'h', text: twToCn('加強協調') });
    // "(GDP)" is no pinyin and stays; only the caption and credit text change.
    expect(out.blocks[2]).toEqual({
      type: 'figure',
      src: 'https://img.example/a.jpg',
      caption: twToCn('會議現場(GDP)'),
      credit: twToCn('新華社記者 攝'),
    });
    expect(out.blocks[3]).toEqual({ type: 'figure', src: 'https://img.example/b.jpg' });
    expect(out.script).toBe('hans');
    expect(out.url).toBe(ARTICLE.url);
    expect(out.contentHash).toBe(ARTICLE.contentHash);
  });

  it('leaves the input record untouched and can go back to traditional', () => {
    const before = structuredClone(ARTICLE);
    const simplified = convertArticle(ARTICLE, twToCn);
    expect(ARTICLE).toEqual(before);
    const back = convertArticle(simplified, cnToTwp);
    expect(back.script).toBe('hant');
    expect(back.title).toBe(cnToTwp(simplified.title));
  });
});
