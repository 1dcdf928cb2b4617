/** Measurements the two detectors score: body shape, news frame, host, vocabulary. */
import { classifyHost, describeNewsPath, type HostClass } from './domains.ts';
import { GENERIC, NON_POLITICAL, OFFICE, POLITICAL } from './lexicon.ts';
import { MAX_META_TAGS, elementsByTag, type TagIndex } from '../dom/tags.ts';
import { guessHostFromLinks, hostOf, resolvePageUrl } from './page-url.ts';
import { samplePage, type PageSample } from './sample.ts';
import { PRINTED_DATE } from '../text/date.ts';

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
  /博客|部落格|百科|维基|維基|论坛|論壇|贴吧|貼吧|知道|问答|問答|小说|小說|最新章节|最新章節|全文阅读|全文閱讀|教程|[Bb]log|短评|短評|诗词|詩詞|诗文|詩文|古诗|古詩|赏析|賞析|读书频道|讀書頻道|攻略|搜索结果|搜尋結果/;
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
  /** The page's own headline (h1–h3 or a title-named element above the body), '' when none. */
  headline: string;
  /** Short texts of the page outside the body sample too (buttons, prices, table cells), bounded. */
  pageText: string;
}

/**
 * Measure a page cheaply: a bounded sample of its text nodes, its URL and head metadata. `tags` is
 * the document's tag index when the caller built one (see TagIndex); else tags are looked up live.
 */
export function measurePage(doc: Document, url: string, tags: TagIndex | Document = doc): PageFeatures {
  const pageUrl = resolvePageUrl(doc, url);
  const host = hostOf(pageUrl) || guessHostFromLinks(doc);
  const sample = samplePage(doc, tags);
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
      date: PRINTED_DATE.test(frameText),
      clock: CLOCK.test(frameText),
      source: SOURCE.test(frameText),
      reporter: REPORTER.test(frameText),
      editor: EDITOR.test(frameText),
    },
    forumMarks,
    nonArticleHost: NON_ARTICLE_HOST.test(host),
    nonArticleTitle: NON_ARTICLE_TITLE.test(title),
    chapterTitle: CHAPTER.test(title),
    articleMeta: elementsByTag(tags, 'meta', MAX_META_TAGS).some(isArticleMeta),
    firstPersonRate: sample.mainHan ? sample.firstPerson / sample.mainHan : 0,
    headline: findHeadline(tags, sample.mainNode),
    pageText: readPageText(doc, tags),
  };
}

const HEADING_TAGS = ['h1', 'h2', 'h3'];
// Class or id names the common CMS templates give a headline element.
const HEADLINE_NAME =
  /(^|[\s_-])(title|tit|biaoti|bt|headline|heading|art_?tit|news_?tit|detail_?tit)(\b|[\s_-]|\d)/i;
const MIN_HEADLINE_HAN = 5;
const MAX_HEADLINE = 80;

/** A headline-like line: short, mostly Han, not a sentence of body text. */
function isHeadlineText(text: string): boolean {
  const han = text.match(/[\u3400-\u9fff]/g)?.length ?? 0;
  return han >= MIN_HEADLINE_HAN && text.length <= MAX_HEADLINE && !/[。；]$/.test(text);
}

/**
 * The page's own headline, read from the page and not from <title> (which on small sites holds only the
 * site's name): the first h1–h3 before the body, else a title-named element in the lines above it.
 */
function findHeadline(tags: TagIndex | Document, mainNode: Element | null): string {
  for (const tag of HEADING_TAGS) {
    for (const el of elementsByTag(tags, tag, 20)) {
      // A heading after the body is a "related news" box, not this page's headline.
      if (mainNode && !(el.compareDocumentPosition(mainNode) & 4) && !mainNode.contains(el)) continue;
      if (el.closest('a, nav, ul, li')) continue;
      const text = squashText(el.textContent ?? '');
      if (isHeadlineText(text)) return text;
    }
  }
  let node: Element | null = mainNode;
  for (let level = 0; node && level < 4; level++, node = node.parentElement) {
    let sib = node.previousElementSibling;
    for (let k = 0; sib && k < 6; k++, sib = sib.previousElementSibling) {
      const named = [sib, ...firstDescendants(sib, 30)].find((el) =>
        HEADLINE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`),
      );
      const text = named ? squashText(named.textContent ?? '') : '';
      if (named && !named.closest('a') && isHeadlineText(text)) return text;
    }
  }
  return '';
}

// The first `max` elements under `root` in document order; a tag collection would list them all.
function firstDescendants(root: Element, max: number): Element[] {
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  const out: Element[] = [];
  for (let node = walker.nextNode(); node && out.length < max; node = walker.nextNode())
    out.push(node as Element);
  return out;
}

function squashText(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
}

const PAGE_TEXT_NODES = 6000;
const PAGE_TEXT_CHARS = 30_000;
const NON_TEXT_PARENTS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

/** The page's text nodes in order, each squashed, up to a bound: what the body sample skips as too short. */
function readPageText(doc: Document, tags: TagIndex | Document): string {
  if (!doc.body) return '';
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  let chars = 0;
  let seen = 0;
  for (
    let t = walker.nextNode();
    t && seen < PAGE_TEXT_NODES && chars < PAGE_TEXT_CHARS;
    t = walker.nextNode(), seen++
  ) {
    if (NON_TEXT_PARENTS.has(t.parentElement?.tagName ?? '')) continue;
    // Cut first: one text node of a hostile page may hold millions of characters.
    const text = squashText((t as Text).data.slice(0, PAGE_TEXT_CHARS - chars));
    if (!text) continue;
    parts.push(text);
    chars += text.length;
  }
  // Buttons often carry their words in a value attribute.
  for (const input of elementsByTag(tags, 'input', 50)) {
    const value = input.getAttribute('value');
    if (value && /^(button|submit)$/i.test(input.getAttribute('type') ?? '')) parts.push(value);
  }
  return parts.join('\n');
}

// A state or party outlet's dateline opening the text: "新华社北京5月9日电", "人民网北京3月1日电", "本报讯".
const WIRE_DATELINE =
  /^[\s\u3000]*[(（【]?(?:(?:新华社|新華社|中新社|中新网|中新網|人民网|人民網|央视网|央視網|新华网|新華網|光明网|光明網|国际在线|國際在線)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日(?:电|電|讯|訊)|本[报報](?:讯|訊))/;

/** The news-agency dateline opening one of the first paragraphs ("新华社北京3月5日电"), else ''. */
export function readWireDateline(paragraphs: readonly string[]): string {
  for (const p of paragraphs.slice(0, 3)) {
    const match = WIRE_DATELINE.exec(p)?.[0];
    if (match) return match.trim().replace(/^[(（【]/, '');
  }
  return '';
}

/** What the article check reads of a measured page: numbers and texts, no DOM nodes (so it can be dumped). */
export type MeasuredPage = Omit<PageFeatures, 'sample'> & {
  sample: Pick<
    PageSample,
    'mainHan' | 'mainPunct' | 'mainLinkHan' | 'mainParagraphs' | 'totalHan' | 'linkHanEstimate' | 'frameText'
  > & { main: Array<{ text: string }> };
};

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
