/** Measurements the two detectors score: body shape, news frame, host, vocabulary. */
import { classifyHost, describeNewsPath, type HostClass } from './domains.ts';
import { GENERIC, NON_POLITICAL, OFFICE, POLITICAL } from './lexicon.ts';
import { findTag } from '../dom/tags.ts';
import { guessHostFromLinks, hostOf, resolvePageUrl } from './page-url.ts';
import { samplePage, type PageSample } from './sample.ts';

const DATE = /(19|20)\d\d\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/;
const CLOCK = /(^|[^\d])([01]?\d|2[0-3])[:：][0-5]\d/;
const SOURCE = /来源|來源|稿源|出处|出處|来自[:：]|來自[:：]/;
const REPORTER = /记者|記者|通讯员|通訊員|特约撰稿|本报讯|本報訊|日电|日電|电讯|電訊/;
const EDITOR = /编辑|編輯|责编|責編|审核|審核|校对|校對/;
const FORUM =
  /楼主|樓主|只看该作者|只看該作者|回复本楼|發表於|发表于|沙发|板凳|(?<!\d)\d+\s*[楼樓]|回帖|帖子|私信|楼层|樓層/g;
// Hosts and titles of encyclopedias, forums, Q&A, blogs, novels, lyrics and tutorials.
const NON_ARTICLE_HOST =
  /(^|[.-])(blog|blogs|wiki|wikipedia|baike|bbs|tieba|zhidao|zhihu|douban|forum|discuss|club|novel|qidian|shuba|book|lyrics?|w3school|cnblogs|learnku|pixnet|bilibili|jianshu)([.-]|\d|$)/i;
const NON_ARTICLE_TITLE =
  /博客|部落格|百科|维基|維基|论坛|論壇|贴吧|貼吧|知道|问答|問答|小说|小說|最新章节|最新章節|全文阅读|全文閱讀|教程|[Bb]log|短评|短評|诗词|詩詞|赏析|賞析|读书频道|讀書頻道/;
const CHAPTER = /第[一二三四五六七八九十百千零〇\d]+[章回节節]/;
// Statutes and regulations: "第一条" opening paragraph after paragraph.
const STATUTE_ARTICLE = /^\s*第[一二三四五六七八九十百零〇]+条/;

export interface PageFeatures {
  url: string;
  host: string;
  hostClass: HostClass;
  epaper: boolean;
  contentPath: boolean;
  datedPath: boolean;
  title: string;
  sample: PageSample;
  frame: { date: boolean; clock: boolean; source: boolean; reporter: boolean; editor: boolean };
  forumMarks: number;
  nonArticleHost: boolean;
  nonArticleTitle: boolean;
  chapterTitle: boolean;
  articleMeta: boolean;
  firstPersonRate: number;
}

/** Measure a page cheaply: a bounded sample of its text nodes, its URL and head metadata. */
export function measurePage(doc: Document, url: string): PageFeatures {
  const pageUrl = resolvePageUrl(doc, url);
  const host = hostOf(pageUrl) || guessHostFromLinks(doc);
  const sample = samplePage(doc);
  const title = (doc.title || '').trim();
  const frameText = sample.frameText;
  let forumMarks = 0;
  for (const block of sample.blocks.slice(0, 200))
    forumMarks += block.text.length < 40 ? (block.text.match(FORUM)?.length ?? 0) : 0;
  forumMarks += frameText.match(FORUM)?.length ?? 0;
  const path = describeNewsPath(pageUrl);
  return {
    url: pageUrl,
    host,
    hostClass: classifyHost(host),
    ...path,
    title,
    sample,
    frame: {
      date: DATE.test(frameText),
      clock: CLOCK.test(frameText),
      source: SOURCE.test(frameText),
      reporter: REPORTER.test(frameText),
      editor: EDITOR.test(frameText),
    },
    forumMarks,
    nonArticleHost: NON_ARTICLE_HOST.test(host),
    nonArticleTitle: NON_ARTICLE_TITLE.test(title),
    chapterTitle: CHAPTER.test(title),
    articleMeta: !!findTag(doc, 'meta', isArticleMeta),
    firstPersonRate: sample.mainHan ? sample.firstPerson / sample.mainHan : 0,
  };
}

export interface LexiconHits {
  office: number;
  political: number;
  generic: number;
  nonPolitical: number;
  /** Distinct office and political terms found, for the reasons line. */
  terms: string[];
}

/** Count office, political, generic-policy and non-political vocabulary in a text. */
export function countLexicon(text: string): LexiconHits {
  const terms: string[] = [];
  const office = countTerms(text, OFFICE, terms);
  const political = countTerms(text, POLITICAL, terms);
  const generic = countTerms(text, GENERIC, null);
  const nonPolitical = countTerms(text, NON_POLITICAL, null);
  return { office, political, generic, nonPolitical, terms };
}

function countTerms(text: string, list: readonly string[], found: string[] | null): number {
  let total = 0;
  for (const term of list) {
    let at = text.indexOf(term);
    if (at < 0) continue;
    found?.push(term);
    while (at >= 0) {
      total++;
      at = text.indexOf(term, at + term.length);
    }
  }
  return total;
}

/** How many paragraphs open like a statute's articles (第一条, 第二条 …). */
export function countStatuteArticles(paragraphs: string[]): number {
  let n = 0;
  for (const p of paragraphs) if (STATUTE_ARTICLE.test(p)) n++;
  return n;
}

/** A meta tag that declares an article or its publication time. */
function isArticleMeta(meta: Element): boolean {
  const property = meta.getAttribute('property') ?? '';
  const name = (meta.getAttribute('name') ?? '').toLowerCase();
  if (property === 'article:published_time' || name === 'publishdate' || name === 'pubdate') return true;
  return (property === 'og:type' || name === 'og:type') && meta.getAttribute('content') === 'article';
}
