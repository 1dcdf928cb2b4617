import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../lib/article/body-text.ts';
import { extractFromText } from '../../lib/clean/article.ts';
import type { Article } from '../../lib/article/record.ts';
import { hasShared, sharedDir } from './shared.ts';

const seedsDir = path.join(sharedDir, 'seeds');
const PINYIN = /[\u3400-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)/;

function readSeed(prefix: string): { article: Article; raw: string } {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`seed ${prefix} missing`);
  const raw = readFileSync(path.join(seedsDir, file), 'utf8');
  return { article: extractFromText(raw, { now: new Date('2024-01-01T00:00:00Z') }), raw };
}

function allText(a: Article): string {
  const figures = a.blocks.flatMap((b) => (b.type === 'figure' ? [b.caption ?? '', b.credit ?? ''] : []));
  return [a.title, a.kicker, a.subtitle, bodyText(a), ...figures].join('\n');
}

function captions(a: Article): string[] {
  return a.blocks.flatMap((b) => (b.type === 'figure' && b.caption ? [b.caption] : []));
}

describe.skipIf(!hasShared)('seed captures (../shared/seeds)', () => {
  it('leaves no pinyin annotation in any seed', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const { article, raw } = readSeed(prefix);
      expect(allText(article)).not.toMatch(PINYIN);
      // The check is real: the mirrored seeds do carry annotations before cleaning.
      if (prefix === '001' || prefix === '003') expect(raw).toMatch(PINYIN);
    }
  });

  it('000: kicker, title, subtitle, reporters, the caption once', () => {
    const { article } = readSeed('000');
    expect(article.kicker).toBe('王东峰在推进首都“两区”建设工作会议上强调');
    expect(article.title).toBe('深入贯彻落实习近平生态文明思想 扎实推动首都“两区”建设迈上新台阶');
    expect(article.subtitle).toBe('许勤主持会议');
    expect(article.authors).toEqual(expect.arrayContaining(['四建磊', '庞超']));
    const caps = captions(article);
    expect(caps).toHaveLength(1);
    const caption = caps[0] ?? '';
    expect(bodyText(article)).not.toContain(caption);
    const credits = article.blocks.flatMap((b) => (b.type === 'figure' && b.credit ? [b.credit] : []));
    expect(credits[0]).toContain('赵威');
  });

  it('000: the closing bracket byline leaves the body, its names go to authors', () => {
    const { article } = readSeed('000');
    const last = article.blocks.filter((b) => b.type === 'p').at(-1);
    expect(last?.type === 'p' ? last.text : '').toMatch(/设分会场。$/);
    expect(bodyText(article)).not.toContain('河北日报记者');
    expect(article.authors).toEqual(expect.arrayContaining(['四建磊', '庞超']));
  });

  it('001: title, date, source, original title, reporters, editors, no page furniture', () => {
    const { article } = readSeed('001');
    expect(article.title).toBe('河北省召開京津冀協同發展工作座談會');
    expect(article.publishedAt.startsWith('2022-02-26T12:29')).toBe(true);
    expect(article.source).toBe('河北新聞網');
    expect(article.originalTitle).toBe('河北省召開京津冀協同發展工作座談會');
    expect(article.authors).toEqual(expect.arrayContaining(['四建磊', '尹翠莉']));
    expect(article.editors).toEqual(['何美萱', '施云娟']);
    const text = allText(article);
    for (const noise of [
      '排行榜',
      '登錄',
      '通行證',
      '忘記密碼',
      '微信',
      '微博',
      '分享',
      '頂部',
      '库伦旗',
      '夏津县',
      '|',
    ]) {
      expect(text).not.toContain(noise);
    }
    expect(captions(article)).toHaveLength(1);
  });

  it('002: reporter, source, no neighbours or comments, no neighbour date', () => {
    const { article } = readSeed('002');
    expect(article.authors).toEqual(['乔龙飞']);
    expect(article.source.startsWith('忻州日报')).toBe(true);
    const text = allText(article);
    for (const noise of ['上一篇', '下一篇', '相关推荐', '评论', '发表回复'])
      expect(text).not.toContain(noise);
    expect(article.publishedAt.startsWith('2022-06-22')).toBe(false);
  });

  it('003: title repaired, breadcrumb gone, three reporters', () => {
    const { article } = readSeed('003');
    expect(article.title).toBe('市委市政府在靜海召開現場辦公會:推動綠色發展高質量發展');
    const text = allText(article);
    expect(text).not.toContain('所在位置');
    expect(text).not.toContain('首頁 >');
    expect(article.authors).toEqual(['魏彧', '米哲', '于春灃']);
  });

  it('004: front matter title and date, source, reporters, subheadings, no markup', () => {
    const { article } = readSeed('004');
    expect(article.title).toBe('以生龙活虎的干劲抓好“疏整促”和生态环境建设');
    expect(article.publishedAt.startsWith('2022-02-22T14:20')).toBe(true);
    expect(article.source).toBe('北京晚报');
    expect(article.authors).toEqual(['祁梦竹', '范俊生']);
    const headings = article.blocks.filter((b) => b.type === 'h').map((b) => (b.type === 'h' ? b.text : ''));
    expect(headings).toContain('扭住疏解非首都功能“牛鼻子”');
    expect(headings).toContain('深入打好污染防治攻坚战');
    const text = allText(article);
    for (const markup of ['<p', '</p>', 'layout:', '---', '](', 'http', '返回首页', 'em_media'])
      expect(text).not.toContain(markup);
  });
});
