/** Article extraction from a Document (live page clone or jsdom): raw blocks and the facts around them. */
import type { ArticleDraft } from '../article/record.ts';
import type { RawBlock } from '../article/raw-block.ts';
import { isMetaLine, readAuthors, readEditors, readOriginalTitle, readSource } from './byline.ts';
import { repairPinyin } from '../text/pinyin.ts';
import { countHan } from '../text/counts.ts';
import { normalizeLine } from '../text/whitespace.ts';
import { findAdapter, matchSelectors, type SiteAdapter } from './site-adapters.ts';
import { selectBody } from './body.ts';
import { parseDate, parseUrlDate } from '../text/date.ts';
import {
  collectHeaderLines,
  findAlternateUrls,
  findLabelledDate,
  findNamedDate,
  locateTitle,
  findHeadlineGroup,
  findSiteName,
  findTitle,
  isLogo,
  readMetaDate,
  readModifiedDate,
  readTitleReference,
  readMetaTags,
  similarity,
  type TitleChoice,
} from './dom-meta.ts';
import { findCanonicalUrl } from '../detect/page-url.ts';
import { computeStats, type NodeStats } from './node-stats.ts';
import { isCaptionName, walkBlocks } from './walk.ts';
import { createVisibility } from './visibility.ts';
import { indexTags, treeOf, type TagIndex } from '../dom/tags.ts';

/** What the extractor reads off a page before cleaning: raw blocks and the facts printed around them. */
export interface ExtractedPage extends Pick<
  ArticleDraft,
  'url' | 'canonicalUrl' | 'siteName' | 'title' | 'kicker' | 'subtitle'
> {
  blocks: RawBlock[];
  /** Dateline, 来源, bylines and 原标题 printed in the header box and just after the body. */
  header: HeaderFacts;
  /** Candidate publication dates, in the order `chooseDate` weighs them. */
  dates: {
    adapter: string;
    header: string;
    meta: string;
    url: string;
    /** Fallbacks, tried in order: a named or labelled date element, the URL's date, the last-modified meta. */
    named: () => string;
  };
}

/** Read the article's raw blocks and printed facts from a Document without mutating it; `tags` is its tag index. */
export function extractPage(doc: Document, url: string, tags: TagIndex = indexTags(doc)): ExtractedPage {
  const pageUrl = url || doc.URL || '';
  const meta = readMetaTags(tags);
  const body = doc.body;
  const adapter = findAdapter(pageUrl);
  const visibility = createVisibility(doc, tags);
  const tree = treeOf(tags);
  let stats = body ? computeStats(body, visibility.isHidden, tree) : new Map<Element, NodeStats>();
  // After the statistics, whose walk has read each element's tag, class and id.
  const found = matchAdapter(body, adapter, tags, stats);
  let roots = body ? (adapterBody(found, stats) ?? selectBody(body, stats).roots) : [];
  // A body hidden until the page's script reveals it (saved WeChat articles, a script that has not run)
  // is all there is: when nothing visible reads as a body, hidden text is read too.
  if (body && readableChars(roots, stats) < 60) {
    const allStats = computeStats(body, undefined, tree);
    const allRoots = adapterBody(found, allStats) ?? selectBody(body, allStats).roots;
    if (readableChars(allRoots, allStats) >= 140) {
      stats = allStats;
      roots = allRoots;
    }
  }

  const titleChoice = adapterTitle(body, found, meta) ?? findTitle(doc, meta, stats, roots[0] ?? null);
  const title = repairPinyin(titleChoice.title);
  const group = findHeadlineGroup(titleChoice.element);
  const kicker = group.kicker;
  const subtitle = group.subtitle || repairPinyin(titleChoice.subtitle ?? '');

  const titleElement =
    titleChoice.element ?? (body ? locateTitle(body, titleChoice.title, roots[0] ?? null) : null);
  const header = collectHeaderLines(doc, headerStart(titleElement, stats), roots[0] ?? null);
  const headerFacts = readHeaderFacts([...header, ...collectFooterLines(roots, stats)]);
  const adapterDate = readAdapterDate(found);

  const blocks = [
    ...walkBlocks(findLeadFigure(roots, stats), stats, pageUrl),
    ...walkBlocks(roots, stats, pageUrl, titleElement),
  ];

  const metaDate = readMetaDate(tags, meta);
  const canonicalUrl = findCanonicalUrl(tags, pageUrl) || pageUrl;
  const urlDate =
    [pageUrl, canonicalUrl, ...findAlternateUrls(tags, meta)].map(parseUrlDate).find(Boolean) ?? '';
  return {
    url: pageUrl,
    canonicalUrl,
    siteName: findSiteName(doc, meta, pageUrl),
    title,
    kicker,
    subtitle,
    blocks,
    header: headerFacts,
    dates: {
      adapter: adapterDate,
      header: headerFacts.date,
      meta: metaDate,
      url: urlDate,
      named: () => findNamedDate(stats) || findLabelledDate(stats) || urlDate || readModifiedDate(meta),
    },
  };
}

// Every element the adapter's selectors name, found in one selector pass: one query per selector
// walks a big page once each (100,000 links: 1.4 s in jsdom).
interface AdapterMatches {
  adapter: SiteAdapter;
  matched: Map<string, Element[]>;
}

function matchAdapter(
  body: Element | null,
  adapter: SiteAdapter | null,
  tags: TagIndex,
  stats: Map<Element, NodeStats>,
): AdapterMatches | null {
  if (!body || !adapter) return null;
  const selectors = [...adapter.body, ...(adapter.title ?? []), ...(adapter.date ?? [])];
  return { adapter, matched: matchSelectors(body, selectors, tags, stats) };
}

function matching(found: AdapterMatches, selector: string): Element[] {
  return found.matched.get(selector) ?? [];
}

// The adapter's container with the most non-link text, when it has enough to be a body.
function adapterBody(found: AdapterMatches | null, stats: Map<Element, NodeStats>): Element[] | null {
  if (!found) return null;
  for (const selector of found.adapter.body) {
    let best: Element | null = null;
    let bestChars = 0;
    for (const el of matching(found, selector)) {
      const s = stats.get(el);
      const chars = s ? s.chars - s.linkChars : 0;
      if (chars > bestChars) {
        bestChars = chars;
        best = el;
      }
    }
    if (best && bestChars >= 100) return [best];
  }
  return null;
}

function adapterTitle(
  body: Element | null,
  found: AdapterMatches | null,
  meta: Map<string, string>,
): TitleChoice | null {
  if (!body || !found?.adapter.title) return null;
  const reference = readTitleReference(body.ownerDocument, meta);
  for (const selector of found.adapter.title) {
    const el = matching(found, selector)[0];
    const text = el ? normalizeLine(el.textContent ?? '') : '';
    if (!el || text.length < 4 || text.length > 120 || isLogo(el)) continue;
    if (reference.length && Math.max(...reference.map((r) => similarity(r, text))) < 0.3) continue;
    return { title: text, element: el };
  }
  return null;
}

function readAdapterDate(found: AdapterMatches | null): string {
  for (const selector of found?.adapter.date ?? []) {
    for (const el of matching(found!, selector).slice(0, 3)) {
      if (el.closest('a, li')) continue;
      const iso = parseDate(normalizeLine(el.textContent ?? ''));
      if (iso) return iso;
    }
  }
  return '';
}

// A lead photo printed in its own box just before the body container (a "main figure" slot between
// the headline and the text): a figure with a caption, little text and few links, among the nearest
// preceding siblings of the body or of its wrappers. (A photo box after the body is more often a
// promotion or a related story than the report's own.)
function findLeadFigure(roots: Element[], stats: Map<Element, NodeStats>): Element[] {
  let node: Element | null = roots[0] ?? null;
  for (let level = 0; node && level < 3; level++, node = node.parentElement) {
    if (node.tagName.toUpperCase() === 'BODY') break;
    let sib = node.previousElementSibling;
    for (let k = 0; sib && k < 3; k++, sib = sib.previousElementSibling) {
      const s = stats.get(sib);
      if (s && isFigureBox(sib, s)) return [sib];
    }
  }
  return [];
}

function isFigureBox(el: Element, s: NodeStats): boolean {
  if (s.chars < 4 || s.chars > 200 || s.linkChars > s.chars * 0.3) return false;
  const img = el.tagName.toUpperCase() === 'IMG' ? el : el.querySelector('img');
  if (!img) return false;
  const caption =
    el.querySelector('figcaption') ??
    [el, ...Array.from(el.querySelectorAll('[class], [id]'))].find((named) =>
      isCaptionName(`${named.getAttribute('class') ?? ''} ${named.id}`),
    );
  // A caption says what the photo shows; a label and a copyright ("Podcast © FMM") do not.
  const text = normalizeLine(caption?.textContent ?? '');
  return countHan(text) >= 6 || text.split(' ').filter((w) => /^\p{L}{2,}/u.test(w)).length >= 5;
}

// The dateline and 来源 are often printed beside or above the headline, inside a small header box.
function headerStart(title: Element | null, stats: Map<Element, NodeStats>): Element | null {
  if (!title) return null;
  let box = title;
  while (box.parentElement && (stats.get(box.parentElement)?.chars ?? Infinity) < 400)
    box = box.parentElement;
  return box === title ? title : (box.firstElementChild ?? title);
}

// Short boxes right after the body often carry 责任编辑 and 来源 lines.
function collectFooterLines(roots: Element[], stats: Map<Element, NodeStats>): string[] {
  const last = roots[roots.length - 1];
  const lines: string[] = [];
  let el = last?.nextElementSibling ?? last?.parentElement?.nextElementSibling ?? null;
  for (let i = 0; el && i < 3; i++, el = el.nextElementSibling) {
    const s = stats.get(el);
    if (!s || s.chars === 0 || s.chars > 200 || el.closest('li')) continue;
    lines.push(normalizeLine(el.textContent ?? ''));
  }
  return lines.filter((line) => isMetaLine(line) || /(责任编辑|責任編輯|责编|責編)/.test(line));
}

export interface HeaderFacts {
  date: string;
  source: string;
  authors: string[];
  editors: string[];
  originalTitle: string;
}

function readHeaderFacts(lines: string[]): HeaderFacts {
  const facts: HeaderFacts = { date: '', source: '', authors: [], editors: [], originalTitle: '' };
  for (const raw of lines) {
    const line = repairPinyin(raw);
    if (line.length > 160) continue;
    if (!facts.date) facts.date = parseDate(line);
    if (!facts.source) facts.source = readSource(line);
    if (isMetaLine(line) || line.length <= 60) {
      facts.authors.push(...readAuthors(line));
      facts.editors.push(...readEditors(line));
    }
    facts.originalTitle ||= readOriginalTitle(line);
  }
  return facts;
}

/** The page's own dateline first; meta tags refine it to the minute when they agree on the day. */
export function chooseDate(
  printed: string[],
  metaDate: string,
  namedDate: () => string,
  urlDate: string,
): string {
  const first = printed.find(Boolean) ?? '';
  if (first) {
    if (metaDate && metaDate.slice(0, 10) === first.slice(0, 10) && first.slice(11, 19) === '00:00:00')
      return metaDate;
    return first;
  }
  if (metaDate) return metaDate;
  return namedDate() || urlDate;
}

function readableChars(roots: Element[], stats: Map<Element, NodeStats>): number {
  return roots.reduce((n, el) => n + (stats.get(el)?.chars ?? 0) - (stats.get(el)?.linkChars ?? 0), 0);
}
