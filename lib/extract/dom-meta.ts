/** Page metadata from markup: meta tags, title candidates, the headline group and the dateline. */
import { keyOf, normalizeLine } from '../text/whitespace.ts';
import { repairPinyin } from '../text/pinyin.ts';
import { splitTitleParts } from '../text/title.ts';
import { MAX_META_TAGS, elementsByTag, findTag, readNames, type TagIndex } from '../dom/tags.ts';
import { hostOf } from '../detect/page-url.ts';
import { parseDate, parseLabelledDate } from '../text/date.ts';
import { BLOCK_TAGS, SKIP_TAGS, computeStats, type NodeStats } from './node-stats.ts';

/** Meta tag contents keyed by lower-cased name, property, itemprop or http-equiv (first wins). */
export function readMetaTags(tags: TagIndex): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of elementsByTag(tags, 'meta', MAX_META_TAGS)) {
    const key = (
      el.getAttribute('property') ??
      el.getAttribute('name') ??
      el.getAttribute('itemprop') ??
      el.getAttribute('http-equiv') ??
      ''
    )
      .trim()
      .toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !meta.has(key)) meta.set(key, content.trim());
  }
  return meta;
}

const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'og:release_date',
  'publishdate',
  'pubdate',
  'publish_date',
  'publishtime',
  'publish-time',
  'published_time',
  'datepublished',
  'dc.date.issued',
  'dc.date',
  'dcterms.created',
  'firstpublishedtime',
  'release_date',
  'weibo:article:create_at',
  'bytedance:published_time',
  'parsely-pub-date',
  'sailthru.date',
  'date',
  'ctime',
  'createdate',
  'contentpublishtime',
  'pdate',
];

/** A published date from meta tags or JSON-LD, ISO 8601, or ''. */
export function readMetaDate(tags: TagIndex, meta: Map<string, string>): string {
  for (const name of DATE_META) {
    const value = meta.get(name);
    const iso = value ? parseDate(value) : '';
    if (iso) return iso;
  }
  // Tag-name collections instead of attribute selectors: selector engines are slow on big pages.
  for (const script of elementsByTag(tags, 'script')) {
    if ((script.getAttribute('type') ?? '').toLowerCase() !== 'application/ld+json') continue;
    const match = /"datePublished"\s*:\s*"([^"]+)"/.exec(script.textContent ?? '');
    const iso = match?.[1] ? parseDate(match[1]) : '';
    if (iso) return iso;
  }
  const time = findTag(tags, 'time', (t) => t.hasAttribute('datetime'));
  return time ? parseDate(time.getAttribute('datetime') ?? '') : '';
}

/** The document's <title> split into its headline part and its site-name suffix. */
export function splitDocTitle(raw: string): { head: string; suffix: string } {
  const text = normalizeLine(raw);
  const parts = splitTitleParts(text);
  if (parts.length < 2) return { head: text, suffix: '' };
  const head = parts[0] ?? text;
  // Some sites put the site first: "人民网 - 标题"; the headline is the longest part then.
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a), '');
  const title = head.length >= 6 ? head : longest;
  return { head: title, suffix: parts[parts.length - 1] === title ? '' : (parts[parts.length - 1] ?? '') };
}

/** Dice similarity of character bigrams of two lines (letters, digits and CJK only). */
export function similarity(a: string, b: string): number {
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (!ka || !kb) return 0;
  if (ka === kb) return 1;
  const grams = new Map<string, number>();
  for (let i = 0; i < ka.length - 1; i++)
    grams.set(ka.slice(i, i + 2), (grams.get(ka.slice(i, i + 2)) ?? 0) + 1);
  let common = 0;
  for (let i = 0; i < kb.length - 1; i++) {
    const g = kb.slice(i, i + 2);
    const n = grams.get(g) ?? 0;
    if (n > 0) {
      common++;
      grams.set(g, n - 1);
    }
  }
  return (2 * common) / Math.max(1, ka.length - 1 + kb.length - 1);
}

const TITLE_NAME = /(title|headline|biaoti|(^|[-_\s])bt|tit)/i;

export interface TitleChoice {
  title: string;
  element: Element | null;
  /** A second line printed inside the headline element (a subtitle under a <br>), when there is one. */
  subtitle?: string;
}

// A dateline or credit printed inside the headline box is not part of the headline.
const META_IN_TITLE = /(来源|來源|作者|编辑|編輯|记者|記者|发布|發布|时间|時間|日期)\s*[:：]/;

/** The text lines of an element: broken at block children and <br>, empty lines dropped. */
export function readLines(el: Element): string[] {
  if (el.childElementCount === 0) return [normalizeLine(el.textContent ?? '')].filter(Boolean);
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = normalizeLine(current);
    if (line) lines.push(line);
    current = '';
  };
  const visit = (node: Element): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) current += (child as Text).data;
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIP_TAGS.has(tag)) continue;
        if (tag === 'BR') flush();
        else if (BLOCK_TAGS.has(tag)) {
          flush();
          visit(child as Element);
          flush();
        } else visit(child as Element);
      }
    }
  };
  visit(el);
  flush();
  return lines;
}

function isMetaTitleLine(line: string): boolean {
  return META_IN_TITLE.test(line) || (line.length <= 40 && parseDate(line) !== '');
}

interface HeadlineText {
  title: string;
  subtitle: string;
}

// The headline printed by an element: its first line, or its first two when together they match the
// <title> better (a headline broken for layout); a further short line is the subtitle.
function readHeadline(el: Element, reference: string[]): HeadlineText {
  const lines = readLines(el).filter((line) => !isMetaTitleLine(line));
  const first = lines[0] ?? '';
  const second = lines[1] ?? '';
  if (!second) return { title: first, subtitle: '' };
  const score = (text: string) => Math.max(0, ...reference.map((r) => similarity(r, text)));
  if (score(first + second) > score(first) + 0.05) return { title: `${first}${second}`, subtitle: '' };
  return { title: first, subtitle: second.length <= 60 ? second : '' };
}

/** What the headline should resemble: og:title, the <title>'s headline part and any longer part. */
export function readTitleReference(doc: Document, meta: Map<string, string>): string[] {
  const rawTitle = doc.title ?? '';
  const docTitle = splitDocTitle(rawTitle).head;
  const ogTitle = normalizeLine(meta.get('og:title') ?? meta.get('twitter:title') ?? meta.get('title') ?? '');
  // Site or channel name first ("某某市人民政府-标题", "栏目--标题"): a later, longer part is the headline.
  const laterParts = splitTitleParts(rawTitle).filter((part) => part.length > docTitle.length);
  return [ogTitle, docTitle, ...laterParts].filter(Boolean);
}

/**
 * Find the headline: the heading-like element that best matches <title>/og:title, else those.
 * `elements` are the body's elements with their text sizes (from computeStats), so no selector
 * engine runs over the page. When the <title> is only the site's name, the headline printed just
 * above the body (`bodyStart`) is taken instead.
 */
export function findTitle(
  doc: Document,
  meta: Map<string, string>,
  elements?: Map<Element, NodeStats>,
  bodyStart: Element | null = null,
): TitleChoice {
  const rawTitle = doc.title ?? '';
  const docTitle = splitDocTitle(rawTitle).head;
  const ogTitle = normalizeLine(meta.get('og:title') ?? meta.get('twitter:title') ?? meta.get('title') ?? '');
  const reference = readTitleReference(doc, meta);
  const body = doc.body;
  if (!body) return { title: ogTitle || docTitle, element: null };
  const all = elements ?? computeStats(body);
  let best: Element | null = null;
  let bestText: HeadlineText = { title: '', subtitle: '' };
  let bestScore = 0;
  let near: { el: Element; text: HeadlineText; index: number } | null = null;
  let index = 0;
  let bodyIndex = -1;
  for (const [el, s] of all) {
    index++;
    if (el === bodyStart) bodyIndex = index;
    if (s.chars < 2 || s.chars > 160) continue;
    const tag = s.tag;
    const heading = tag === 'H1' || tag === 'H2' || tag === 'H3';
    const named = !heading && TITLE_NAME.test(s.names);
    if (!heading && !named) continue;
    if (!reference.length && tag !== 'H1' && !bodyStart) continue;
    if (el.closest('a, li, nav, footer') || isLogo(el)) continue;
    const text = readHeadline(el, reference);
    if (text.title.length < 4 || text.title.length > 120) continue;
    // The last headline-like line before the body, or at its very top.
    if (
      bodyStart &&
      text.title.length >= 6 &&
      text.title.length <= 80 &&
      (bodyIndex < 0 || index - bodyIndex <= 8)
    )
      near = { el, text, index };
    let score = reference.length ? Math.max(...reference.map((r) => similarity(r, text.title))) : 0;
    if (tag === 'H1') score += 0.15;
    else if (heading) score += 0.05;
    else score += 0.03;
    if (score > bestScore) {
      bestScore = score;
      best = el;
      bestText = text;
    }
  }
  const beside = best && headlineBeside(best);
  if (beside) {
    best = beside;
    bestText = readHeadline(beside, reference);
  }
  // Without any <title> to compare with, the first h1 is the headline.
  if (best && (bestScore >= 0.5 || (!reference.length && !near)))
    return { title: bestText.title, element: best, subtitle: bestText.subtitle };
  if (ogTitle && ogTitle !== docTitle) return { title: ogTitle, element: null };
  // A <title> that is only the site's name (one part, no headline separator) names no article.
  const siteOnly = !ogTitle && splitDocTitle(rawTitle).suffix === '' && docTitle.length <= 20;
  // Near means a few dozen elements at most: a headline sits right above its body.
  const close = near && (bodyIndex < 0 || near.index > bodyIndex || bodyIndex - near.index <= 40);
  if (near && close && (siteOnly || !reference.length) && similarity(near.text.title, docTitle) < 0.6)
    return { title: near.text.title, element: near.el, subtitle: near.text.subtitle };
  return { title: ogTitle || docTitle, element: null };
}

const LOGO_NAME = /(^|[-_\s])(logo|site-?name|site-?title)([-_\s\d]|$)/i;

/** A heading that is the site's logo or name plate (gov sites print "某某市人民政府" in an h1 up top). */
export function isLogo(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement)
    if (LOGO_NAME.test(readNames(node))) return true;
  return false;
}

const KICKER_NAME =
  /(^|[-_\s])(pre|yin|yinti|kicker|tit0|vice|subtitle|sub|fu|futi|tit2|tit3|subhead|subheading|pretitle)([-_\s\d]|$)|(^|[-_\s])(title_?(pre|sub|fu|yin|top|bottom))/i;

/**
 * The h1 printed beside a line its class marks as kicker or subtitle (People's Daily's h3.pre and
 * h4.sub, a paper's yinti/futi): when the <title> echoes the kicker's words ("在……会上"), the line
 * most like it is still not the headline.
 */
function headlineBeside(el: Element): Element | null {
  if (el.tagName.toUpperCase() === 'H1' || !KICKER_NAME.test(readNames(el))) return null;
  for (const direction of ['nextElementSibling', 'previousElementSibling'] as const) {
    let sibling = el[direction];
    for (let i = 0; sibling && i < 2; i++, sibling = sibling[direction])
      if (sibling.tagName.toUpperCase() === 'H1' && normalizeLine(sibling.textContent ?? '').length >= 4)
        return sibling;
  }
  return null;
}

/** The kicker (引题) and subtitle (副题) printed just above and below the headline element. */
export function findHeadlineGroup(title: Element | null): { kicker: string; subtitle: string } {
  if (!title) return { kicker: '', subtitle: '' };
  return {
    kicker: neighbourText(title, 'previousElementSibling'),
    subtitle: neighbourText(title, 'nextElementSibling'),
  };
}

function neighbourText(title: Element, direction: 'previousElementSibling' | 'nextElementSibling'): string {
  const lines: string[] = [];
  let el = title[direction];
  for (let i = 0; el && i < 2; i++, el = el[direction]) {
    const text = repairPinyin(normalizeLine(el.textContent ?? ''));
    if (!text) continue;
    const tag = el.tagName.toUpperCase();
    const hinted = /^H[1-6]$/.test(tag) || KICKER_NAME.test(readNames(el));
    if (
      !hinted ||
      text.length > 80 ||
      parseDate(text) ||
      /(来源|來源|编辑|編輯|作者|记者|記者)[:：]/.test(text)
    )
      break;
    if (el.querySelector('a') && el.querySelectorAll('a').length > 1) break;
    lines.push(text);
  }
  if (direction === 'previousElementSibling') lines.reverse();
  return lines.join(' ');
}

/** The site name: og:site_name, else the <title> suffix, else the host name. */
export function findSiteName(doc: Document, meta: Map<string, string>, url: string): string {
  const og = normalizeLine(
    meta.get('og:site_name') ??
      meta.get('application-name') ??
      meta.get('sitename') ??
      meta.get('site_name') ??
      '',
  );
  if (og) return og;
  const suffix = splitDocTitle(doc.title ?? '').suffix;
  if (suffix && suffix.length <= 20) return suffix;
  return hostOf(url);
}

/**
 * Text lines between the headline and the body, where the dateline, 来源 and bylines are printed.
 * Text inside list items is left out: lists hold neighbouring posts, not this page.
 */
export function collectHeaderLines(
  doc: Document,
  from: Element | null,
  until: Element | null,
  limit = 40,
): string[] {
  const lines: string[] = [];
  if (!from && !until) return lines;
  // A headline printed inside the body container: read only the few lines after it.
  if (from && until && (until.contains(from) || from.compareDocumentPosition(until) & 2)) {
    until = null;
    limit = Math.min(limit, 6);
  }
  let node: Node | null = from ?? until;
  let current = '';
  let currentBlock: Element | null = null;
  let steps = 0;
  while (node && lines.length < limit && steps++ < 3000) {
    if (until && node === until) break;
    if (node.nodeType === 1) {
      const el = node as Element;
      const tag = el.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || tag === 'LI' || tag === 'UL' || tag === 'OL' || tag === 'NAV') {
        node = skipSubtree(el);
        continue;
      }
    } else if (node.nodeType === 3) {
      const block = nearestBlock(node);
      if (block !== currentBlock) {
        if (current.trim()) lines.push(normalizeLine(current));
        current = '';
        currentBlock = block;
      }
      current += (node as Text).data;
    }
    node = nextInOrder(node);
  }
  if (current.trim()) lines.push(normalizeLine(current));
  return lines.filter(Boolean);
}

function nearestBlock(node: Node): Element | null {
  let el = node.parentElement;
  while (el && !BLOCK_TAGS.has(el.tagName.toUpperCase())) el = el.parentElement;
  return el;
}

function nextInOrder(node: Node): Node | null {
  if (node.firstChild) return node.firstChild;
  return skipSubtree(node);
}

function skipSubtree(node: Node): Node | null {
  let n: Node | null = node;
  while (n) {
    if (n.nextSibling) return n.nextSibling;
    n = n.parentNode;
  }
  return null;
}

/** Find the element printing a known headline, preferring the last copy before the body starts. */
export function locateTitle(body: Element, title: string, bodyStart: Element | null): Element | null {
  if (!title) return null;
  let found: Element | null = null;
  let node: Node | null = body.firstChild;
  let steps = 0;
  while (node && steps++ < 20000) {
    if (bodyStart && node === bodyStart) break;
    if (node.nodeType === 1 && SKIP_TAGS.has((node as Element).tagName.toUpperCase())) {
      node = skipSubtree(node);
      continue;
    }
    if (node.nodeType === 3) {
      const text = normalizeLine((node as Text).data);
      if (
        text.length >= title.length * 0.6 &&
        text.length <= title.length * 1.6 &&
        similarity(text, title) >= 0.8
      ) {
        const parent = node.parentElement;
        if (parent && !parent.closest('a, title, li')) found = parent;
      }
    }
    node = nextInOrder(node);
  }
  return found;
}

const TIME_NAME =
  /(^|[-_\s])(time|date|pubtime|pub_?date|publish|publish_?time|pubdate|post_?time|article_?time)([-_\s\d]|$)/i;

/**
 * A printed date has at least six ASCII digits (year, month, day; parseDate reads no other digits):
 * an element whose counted text has fewer is not read, unless some of its text went uncounted.
 */
function mayHoldDate(s: NodeStats): boolean {
  return s.digits >= 6 || s.partial;
}

/** A date printed in an element named for it (class or id time/date/pubtime), outside links and lists. */
export function findNamedDate(elements: Map<Element, NodeStats>): string {
  for (const [el, s] of elements) {
    if (s.chars < 6 || s.chars > 60 || !mayHoldDate(s)) continue;
    if (!TIME_NAME.test(s.names) || el.closest('a, li')) continue;
    const iso = parseDate(normalizeLine(el.textContent ?? ''));
    if (iso) return iso;
  }
  return '';
}

/**
 * A dateline printed away from the headline (in a footer box under the body, a cover block above
 * it): a short line labelled 发布日期： or 时间：, outside links and lists.
 */
export function findLabelledDate(elements: Map<Element, NodeStats>): string {
  for (const [el, s] of elements) {
    if (s.chars < 6 || s.chars > 80 || s.linkChars > s.chars / 2 || !mayHoldDate(s)) continue;
    const iso = parseLabelledDate(normalizeLine(el.textContent ?? ''));
    if (iso && !el.closest('a, li')) return iso;
  }
  return '';
}

const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dateupdate'];

/** The page's last-modified time from meta tags, ISO 8601, or '' (a last resort for the date). */
export function readModifiedDate(meta: Map<string, string>): string {
  for (const name of MODIFIED_META) {
    const iso = parseDate(meta.get(name) ?? '');
    if (iso) return iso;
  }
  return '';
}

/** URLs the page gives for itself besides its address: alternates and the mobile-agent URL. */
export function findAlternateUrls(tags: TagIndex, meta: Map<string, string>): string[] {
  // From the tag index: the selector walked every element (100,000 links: 100 ms). Selectors match
  // rel ASCII case-insensitively in HTML, so the comparison does too.
  const urls = elementsByTag(tags, 'link')
    .filter((l) => l.hasAttribute('href') && (l.getAttribute('rel') ?? '').toLowerCase() === 'alternate')
    .map((l) => l.getAttribute('href') ?? '');
  const agent = /url=(\S+)/.exec(meta.get('mobile-agent') ?? '');
  if (agent?.[1]) urls.push(agent[1]);
  return urls.filter((u) => /^https?:/i.test(u));
}
