/**
 * Where the site itself files a page: its channel or column in meta tags, its breadcrumb trail
 * ("当前位置：首页 > 时政"), the channel named after the headline in <title> ("…_网易财经", "…--文化--人民网"),
 * and the outlet a reprint names as its source ("来源：新华社").
 */

import { MAX_META_TAGS, collectElements, elementsByTag, indexedOrNot, type TagIndex } from '../dom/tags.ts';
import { splitTitleParts } from '../text/title.ts';

// Meta names that carry the site's own column or section (CMS column names, article:section, og:category).
const SECTION_META =
  /^(columnname|column|article:section|article:section2|section|subsection|og:category|category|channel|channelname|catalogname)$/i;
// Breadcrumb containers by class or id, as the common CMS templates name them. Tested by hand on each
// element: case-insensitive substring selectors ([class*="crumb" i]) cost ~35 ms a page in jsdom.
const CRUMB_NAME = /crumb|position|location|weizhi|dqwz/i;
const SCAN_LIMIT = 3_000;
const LEAD_TAGS = new Set(['div', 'span', 'td', 'p', 'li']);
const CRUMB_LEAD = /(?:当前位置|當前位置|您的位置|你的位置|您现在的位置|您現在的位置|所在位置)\s*[:：]?/;
const CRUMB_MARK = />|›|»|＞|→|首页|首頁/;
// A breadcrumb is a short line; longer text is a menu or the page itself.
const MAX_CRUMB = 120;
// (?<!\s) here and below: a match starts only where a run of spaces starts, or a long run of
// spaces is rescanned from each of its characters (a 200,000-character <title> froze a tab 35 s).
const CRUMB_STEP = /(?<!\s)\s*(?:>>?|›|»|＞|→|\/|\||｜)\s*/;
const MAX_STEP = 12;
const SOURCE_LINE = /(?:来源|來源|稿源|出处|出處|转自|轉自)\s*[:：]\s*([^\s|｜，,。<>]{2,24})/;

/** The site's own channel labels for a page (meta column, breadcrumb), joined by " / "; see also readTitleChannels. */
export function readSection(doc: Document, tags: TagIndex | Document = doc): string {
  const parts: string[] = [];
  // The tag's own collection: jsdom's selector engine walks the document slowly for attribute lists.
  for (const meta of elementsByTag(tags, 'meta', MAX_META_TAGS)) {
    const name = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').trim();
    const content = (meta.getAttribute('content') ?? '').trim();
    if (content && content.length <= 40 && SECTION_META.test(name)) parts.push(content);
  }
  // A trail often ends with the headline itself, which names no channel: keep the short steps.
  const crumb = readBreadcrumb(doc, tags)
    .split(CRUMB_STEP)
    .map((s) => s.replace(CRUMB_LEAD, '').trim())
    .filter((s) => s && s.length <= MAX_STEP);
  if (crumb.length) parts.push(crumb.join(' > '));
  return [...new Set(parts)].join(' / ');
}

/** The channel and site names after the headline in a <title>: "标题_财经_网易" → ["财经", "网易"]. */
export function readTitleChannels(title: string): string[] {
  const segments = splitTitleParts(title);
  // The longest segment is the headline (a kicker may precede it); a title without separators names no channel.
  let headline = 0;
  segments.forEach((s, i) => {
    if (s.length > segments[headline]!.length) headline = i;
  });
  return segments.slice(headline + 1).filter((s) => s.length <= 20);
}

function readBreadcrumb(doc: Document, tags: TagIndex | Document): string {
  for (const node of findCrumbCandidates(doc, 20)) {
    // "position" and "location" also name page-wide wrappers: never read a whole page's text to learn that.
    const raw = readTextUpTo(node, MAX_CRUMB * 4);
    if (raw === null) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text.length > 0 && text.length <= MAX_CRUMB && (CRUMB_MARK.test(text) || CRUMB_LEAD.test(text)))
      return text;
  }
  // Templates without a class: a short block that opens with "当前位置".
  for (const node of doc.body ? collectElements(doc.body, LEAD_TAGS, SCAN_LIMIT, indexedOrNot(tags)) : []) {
    const own = node.firstChild?.nodeType === 3 ? (node.firstChild as Text).data.trim() : '';
    if (!own || !CRUMB_LEAD.test(own.slice(0, 12))) continue;
    const text = (node.textContent ?? '').replace(/\s+/g, ' ').trim();
    // The lead may sit alone in a span with the trail in its siblings: then read the parent.
    const trail =
      text.replace(CRUMB_LEAD, '').trim().length >= 2
        ? text
        : (node.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
    return trail.slice(0, MAX_CRUMB);
  }
  return '';
}

/**
 * Up to `max` elements, in document order, whose class or id names a breadcrumb. Trails sit above the
 * article, so only the first SCAN_LIMIT elements are looked at: a 2 MB page has tens of thousands.
 */
function findCrumbCandidates(doc: Document, max: number): Element[] {
  const found: Element[] = [];
  if (!doc.body) return found;
  const walker = doc.createTreeWalker(doc.body, 1 /* NodeFilter.SHOW_ELEMENT */);
  let seen = 0;
  for (
    let node = walker.nextNode();
    node && seen < SCAN_LIMIT && found.length < max;
    node = walker.nextNode(), seen++
  ) {
    const el = node as Element;
    if (CRUMB_NAME.test(el.getAttribute('class') ?? '') || CRUMB_NAME.test(el.getAttribute('id') ?? ''))
      found.push(el);
  }
  return found;
}

/** The text of `node`, or null as soon as it grows past `limit` characters. */
function readTextUpTo(node: Element, limit: number): string | null {
  const walker = node.ownerDocument.createTreeWalker(node, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    text += (t as Text).data;
    if (text.length > limit) return null;
  }
  return text;
}

/** The outlet a page names as its source ("来源：新华社"), from the given lines, else ''. */
export function readSourceName(text: string): string {
  return SOURCE_LINE.exec(text)?.[1] ?? '';
}
