/**
 * Body selection on unseen sites: paragraph scores (text length and Chinese punctuation, in the
 * manner of the 文本及符号密度 method) propagated to ancestors, weighted by link density and by
 * class hints; then the best candidate's siblings that carry body text too.
 */
import { computeStats, isFurnitureName, type NodeStats } from './node-stats.ts';
import { readNames } from '../dom/tags.ts';

const POSITIVE =
  /(^|[-_\s])(article|arti|body|content|contents|entry|main|post|text|story|detail|zw|txt|con|cont|news_?con|mainText|TRS_Editor|Custom_UnionStyle)/i;
const NEGATIVE =
  /(^|[-_\s])(comment|comments|footer|foot|sidebar|side|nav|menu|related|relate|recommend|share|breadcrumb|crumb|login|rank|ranking|hot|ad|ads|advert|banner|copyright|links|friendlink|tool|tools|tag|tags|pager|pagination|reply|list|right|left|top|header|head)([-_\s\d]|$)/i;

const TABLE_OR_LIST = new Set([
  'TR',
  'TD',
  'TH',
  'TBODY',
  'THEAD',
  'TABLE',
  'LI',
  'UL',
  'OL',
  'DT',
  'DD',
  'DL',
]);

export interface BodyChoice {
  /** The chosen body elements in document order (the top candidate and siblings carrying body text). */
  roots: Element[];
  stats: Map<Element, NodeStats>;
}

/** Hint from the class and id: positive for body-like names, negative for page furniture. */
export function weighClass(el: Element, names = readNames(el)): number {
  if (!names.trim()) return 0;
  let weight = 0;
  if (POSITIVE.test(names)) weight += 25;
  if (NEGATIVE.test(names)) weight -= 25;
  return weight;
}

/** Link characters over all characters of an element's subtree. */
export function linkDensity(stats: NodeStats | undefined): number {
  return stats && stats.chars > 0 ? stats.linkChars / stats.chars : 0;
}

/** Pick the element(s) holding the article body under `container` (usually `doc.body`). */
export function selectBody(container: Element, preset?: Map<Element, NodeStats>): BodyChoice {
  const stats = preset ?? computeStats(container);
  const scores = new Scores(stats.size);
  // The walk from `container` marked furniture subtrees already (inFurniture); other statistics are
  // asked element by element.
  const excluded: Excluded = { rooted: stats.keys().next().value === container, memo: new Map() };
  for (const [el, s] of stats) {
    if (s.ownChars < 8) continue;
    if (excluded.rooted ? el !== container && s.inFurniture : isExcluded(el, container, excluded, stats))
      continue;
    if (s.ownLinkChars / s.ownChars > 0.5) continue;
    const tag = s.tag;
    if (tag === 'LI' || tag === 'A' || /^H[1-6]$/.test(tag)) continue;
    const value = 1 + s.ownPunct + Math.min((s.ownChars - s.ownLinkChars) / 100, 3);
    scores.add(el, s, value);
    // The ancestors as the walk linked them (up); past the walk's root, as the DOM reads them.
    const parent = s.parent;
    const parentStats = s.up;
    const grand = parent && (parentStats ? parentStats.parent : parent.parentElement);
    const grandStats = parentStats?.up ?? null;
    if (parent) scores.add(parent, parentStats, value);
    if (grand) scores.add(grand, grandStats, value / 2);
    const great = grand && (grandStats ? grandStats.parent : grand.parentElement);
    if (great) scores.add(great, grandStats?.up ?? null, value / 6);
  }
  let best: Element | null = null;
  let bestScore = 0;
  // Siblings are judged on their text alone: a class name must not pull a byline box into the body.
  const contentScores = new Scores(stats.size);
  for (let i = 0; i < scores.elements.length; i++) {
    const el = scores.elements[i]!;
    const s = scores.stats[i] ?? undefined;
    const score = scores.get(el, s);
    const final = (score + weighClass(el, s?.names)) * (1 - linkDensity(s));
    contentScores.add(el, s ?? null, score * (1 - linkDensity(s)));
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  if (!best) return { roots: [container], stats };
  const group = liftToGroup(best, container, stats, excluded);
  if (group !== best) bestScore = Math.max(bestScore, contentScores.get(group, stats.get(group)));
  return { roots: withSiblings(group, bestScore, contentScores, stats), stats };
}

/**
 * Sums by element, in the order elements were first given one: by the walk's ordinal in an array
 * for an element with statistics, in a map for the few above the walk's root. A map entry per
 * element was a tenth of a big page's body selection (100,000 paragraphs, four sums each).
 */
class Scores {
  /** The elements summed, in first-added order, with their statistics (null above the walk). */
  readonly elements: Element[] = [];
  readonly stats: (NodeStats | null)[] = [];
  private readonly byOrdinal: Float64Array;
  private readonly seen: Uint8Array;
  private readonly outside = new Map<Element, number>();

  constructor(size: number) {
    this.byOrdinal = new Float64Array(size);
    this.seen = new Uint8Array(size);
  }

  add(el: Element, s: NodeStats | null, value: number): void {
    if (s) {
      if (!this.seen[s.ordinal]) {
        this.seen[s.ordinal] = 1;
        this.elements.push(el);
        this.stats.push(s);
      }
      this.byOrdinal[s.ordinal] = this.byOrdinal[s.ordinal]! + value;
      return;
    }
    const sum = this.outside.get(el);
    if (sum === undefined) {
      this.elements.push(el);
      this.stats.push(null);
    }
    this.outside.set(el, (sum ?? 0) + value);
  }

  /** The sum of `el` (0 when none), `s` its statistics if it has them. */
  get(el: Element, s: NodeStats | undefined): number {
    return s ? this.byOrdinal[s.ordinal]! : (this.outside.get(el) ?? 0);
  }
}

// A body split into like containers (sections between ad slots, one box per paragraph, one box per
// item of a roundup): when the winner has twins (same tag and class) carrying sentences, the body is
// their common parent. Wrappers holding nothing but the winner are passed through.
function liftToGroup(
  best: Element,
  container: Element,
  stats: Map<Element, NodeStats>,
  excluded: Excluded,
): Element {
  let result = best;
  let node = best;
  for (let level = 0; level < 6; level++) {
    const parent = node.parentElement;
    if (!parent || parent === container || parent.tagName.toUpperCase() === 'HTML') break;
    const own = stats.get(node)?.chars ?? 0;
    const whole = stats.get(parent)?.chars ?? 0;
    if (hasBodyTwin(node, parent, container, stats, excluded)) result = parent;
    else if (whole - own > Math.max(20, own * 0.1)) break;
    node = parent;
  }
  return result;
}

function hasBodyTwin(
  node: Element,
  parent: Element,
  container: Element,
  stats: Map<Element, NodeStats>,
  excluded: Excluded,
): boolean {
  const tag = node.tagName;
  // Table rows and list items are twins by construction: a layout table's rows hold datelines too.
  if (TABLE_OR_LIST.has(tag.toUpperCase())) return false;
  const names = node.getAttribute('class') ?? '';
  const upper = tag.toUpperCase();
  let twins = 0;
  for (let sib = firstElement(parent, stats); sib; sib = nextElement(sib, stats)) {
    if (sib === node) continue;
    const s = stats.get(sib);
    // Without statistics (skipped or hidden) a sibling is no twin; the walk's tag and class answer
    // first, so that a page of 100,000 siblings is not read again.
    if (!s || s.tag !== upper || s.cls !== names || sib.tagName !== tag) continue;
    if (s.punct < 2 || linkDensity(s) > 0.3) continue;
    if (weighClass(sib, s.names) < 0 || isExcluded(sib, container, excluded, stats)) continue;
    // Three like containers make a pattern; two may be the body and a boilerplate box sharing a class.
    if (++twins >= 2) return true;
  }
  return false;
}

interface Excluded {
  /** The statistics were walked from the container: their inFurniture flags answer. */
  rooted: boolean;
  memo: Map<Element, boolean>;
}

function isExcluded(
  el: Element,
  container: Element,
  excluded: Excluded,
  stats: Map<Element, NodeStats>,
): boolean {
  if (el === container) return false;
  const s = stats.get(el);
  if (s && excluded.rooted) return s.inFurniture;
  const memo = excluded.memo;
  const known = memo.get(el);
  if (known !== undefined) return known;
  const names = s?.names ?? readNames(el);
  const parent = s ? s.parent : el.parentElement;
  const result = isFurnitureName(names) || (!!parent && isExcluded(parent, container, excluded, stats));
  memo.set(el, result);
  return result;
}

// The next element sibling with statistics, as the walk linked them; else the next element read
// off the DOM (jsdom builds an iterator for each nextElementSibling read, where nextSibling is a
// field read). A page may set 100,000 siblings beside its body.
function nextElement(node: Element, stats: Map<Element, NodeStats>): Element | null {
  const s = stats.get(node);
  if (s) return s.nextSibling;
  let sib = node.nextSibling;
  while (sib && sib.nodeType !== 1) sib = sib.nextSibling;
  return sib as Element | null;
}

// The first child element with statistics (see nextElement), or the first element child.
function firstElement(node: Element, stats: Map<Element, NodeStats>): Element | null {
  const s = stats.get(node);
  if (s) return s.firstChild;
  const first = node.firstChild;
  if (!first || first.nodeType === 1) return first as Element | null;
  let sib = first.nextSibling;
  while (sib && sib.nodeType !== 1) sib = sib.nextSibling;
  return sib as Element | null;
}

// Readability's rule: siblings scoring a fifth of the winner, or plain paragraphs, belong to the body.
function withSiblings(
  best: Element,
  bestScore: number,
  finals: Scores,
  stats: Map<Element, NodeStats>,
): Element[] {
  const parent = best.parentElement;
  if (!parent || parent.tagName.toUpperCase() === 'HTML') return [best];
  const threshold = Math.max(10, bestScore * 0.2);
  const roots: Element[] = [];
  for (let sib = firstElement(parent, stats); sib; sib = nextElement(sib, stats)) {
    if (sib === best) {
      roots.push(sib);
      continue;
    }
    const s = stats.get(sib);
    if (!s) continue;
    const final = finals.get(sib, s);
    const plainParagraph = s.tag === 'P' && s.chars >= 40 && linkDensity(s) < 0.25 && s.punct > 0;
    // The class is read last: a page may set 100,000 siblings beside its body (links, images).
    if ((final >= threshold || plainParagraph) && weighClass(sib, s.names) >= 0) roots.push(sib);
  }
  return roots;
}
