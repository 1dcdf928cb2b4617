/** Bottom-up text statistics of a DOM tree, computed once per element (no repeated textContent). */
import { TEXT_KIND, CDATA_KIND, joinNames, snapshotTree, type TreeSnapshot } from '../dom/tags.ts';

const NO_ATTRIBUTES: readonly string[] = [];

export interface NodeStats {
  /** Letters, digits and CJK characters in the subtree. */
  chars: number;
  /** Of which inside links. */
  linkChars: number;
  /** Chinese sentence punctuation outside links (the "symbol density" of the 文本及符号密度 method). */
  punct: number;
  /** Element count in the subtree, itself included. */
  tags: number;
  /** Characters of text whose nearest block ancestor is this element. */
  ownChars: number;
  ownLinkChars: number;
  ownPunct: number;
  /** The tag name in upper case and the class and id (see readNames), read once for every later pass. */
  tag: string;
  names: string;
  /** The class attribute ('' when none) and the id, as `names` joins them. */
  cls: string;
  id: string;
  /** The element carries no attribute at all (no style, alignment or hidden flag to read). */
  bare: boolean;
  /** The element's place in the walk (0 for its root, then document order): an index for arrays by element. */
  ordinal: number;
  /** The element's ordinal in the tree snapshot the walk read (see treeOfStats). */
  node: number;
  /** The parent element (null for the document element), read in the same walk. */
  parent: Element | null;
  /** The parent's statistics (null for the walk's root, whose parent was not walked). */
  up: NodeStats | null;
  /**
   * The first child element with statistics of its own and the next sibling that has them, in
   * document order (children skipped or hidden are left out): siblings listed with no DOM read.
   */
  firstChild: Element | null;
  nextSibling: Element | null;
  /** This element or an ancestor below the walk's root is named as furniture (see isFurnitureName). */
  inFurniture: boolean;
  /** ASCII digits in the counted text (a printed date has at least six). */
  digits: number;
  /**
   * Some of the subtree's text is not counted (a skipped, hidden or too-deep descendant): its
   * textContent may hold more than the counts say.
   */
  partial: boolean;
}

export const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'SVG',
  'CANVAS',
  'OBJECT',
  'EMBED',
  'HEAD',
  'SELECT',
  'TEXTAREA',
  'BUTTON',
  'INPUT',
  'OPTION',
  'MAP',
  'AUDIO',
  'VIDEO',
  'LINK',
  'META',
]);
export const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'TD',
  'TH',
  'LI',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'PRE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'DD',
  'DT',
  'MAIN',
  'BODY',
  'CENTER',
  'UL',
  'OL',
  'DL',
  'TABLE',
  'TBODY',
  'TR',
  'FORM',
  'HEADER',
  'FOOTER',
  'NAV',
  'ASIDE',
  'FIGURE',
  'FIGCAPTION',
  'ADDRESS',
  'HR',
]);

// Containers whose whole subtree is page furniture (comments, related stories, sidebar, footer).
const FURNITURE_NAME =
  /(^|[-_\s])(comment|comments|recommend|related|relate|sidebar|footer|morestories|more-stories|breadcrumb|hotnews|ranking|advert)([-_\s\d]|$)/i;

/** Whether an element's class and id (`names`, see readNames) name it page furniture. */
export function isFurnitureName(names: string): boolean {
  return names.trim() !== '' && FURNITURE_NAME.test(names);
}

const OTHER_LETTER = /[\p{L}\p{N}]/u;
// ，。；：！？、“” and their ASCII cousins.
const PUNCT_CODES = new Set([
  0xff0c, 0x3002, 0xff1b, 0xff1a, 0xff01, 0xff1f, 0x3001, 0x201c, 0x201d, 0x2c, 0x3b, 0x21, 0x3f,
]);

// What each BMP code unit counts as, by bits, filled as met (0: not met yet): one table read per
// character for the three counts. A pattern test per full-width character was a tenth of a big page's
// statistics, and a second pass for punctuation another tenth.
const COUNTED = 1;
const DIGIT = 2;
const PUNCT = 4;
// A high surrogate: the astral character (CJK extensions B and on) counts once, and its second code
// unit is passed over.
const ASTRAL = 8;
const MET = 16;
const CODE_CLASS = new Uint8Array(0x10000);

function classify(c: number): number {
  let k = MET | (PUNCT_CODES.has(c) ? PUNCT : 0);
  if (c < 0x80) {
    if (c >= 0x30 && c <= 0x39) k |= COUNTED | DIGIT;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) k |= COUNTED;
  } else if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) k |= COUNTED;
  else if (c >= 0xd800 && c <= 0xdbff) k |= ASTRAL;
  else if (c > 0xbf && OTHER_LETTER.test(String.fromCharCode(c))) k |= COUNTED;
  return (CODE_CLASS[c] = k);
}

// The ASCII digits and the sentence punctuation seen by the last countChars call (read right after
// it; no allocation per call).
let lastDigits = 0;
let lastPunct = 0;

/**
 * Count letters, digits and CJK characters (whitespace and punctuation ignored), without allocating;
 * the digits and the Chinese sentence punctuation of the same text are counted on the way.
 */
export function countChars(text: string): number {
  let n = 0;
  let digits = 0;
  let punct = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    const k = CODE_CLASS[c] || classify(c);
    if (k & ASTRAL) {
      n++;
      // The passed-over code unit is still read for punctuation, as a count of every unit would.
      if (++i < length) punct += (CODE_CLASS[text.charCodeAt(i)] || classify(text.charCodeAt(i))) & PUNCT;
      continue;
    }
    n += k & COUNTED;
    digits += k & DIGIT;
    punct += k & PUNCT;
  }
  lastDigits = digits >> 1;
  lastPunct = punct >> 2;
  return n;
}

/**
 * Whether an element is hidden; `attributes` are its attribute names when the caller has read them
 * (see createVisibility), so that an element without the attributes that hide is not asked again.
 */
export type HiddenTest = (el: Element, attributes?: readonly string[]) => boolean;

/**
 * Compute statistics for every element under `root` in one post-order pass; hidden subtrees are left
 * out. `tree` is a snapshot holding `root` (see indexTags) when the caller has one: the pass then
 * reads the tree from it, not from the DOM.
 */
export function computeStats(
  root: Element,
  isHidden?: HiddenTest,
  tree?: TreeSnapshot,
): Map<Element, NodeStats> {
  let at = tree ? tree.elements.indexOf(root) : -1;
  if (!tree || at < 0) {
    tree = snapshotTree(root);
    at = 0;
  }
  const stats = new Map<Element, NodeStats>();
  TREES.set(stats, tree);
  const walk: Walk = { tree, stats, isHidden };
  visit(walk, at, readAttributeNames(root), root.parentElement, null, null, false, 0);
  return stats;
}

// The tree each statistics map was counted from.
const TREES = new WeakMap<ReadonlyMap<Element, NodeStats>, TreeSnapshot>();

/** The tree snapshot `stats` were counted from (its `node` ordinals index it); undefined for another map. */
export function treeOfStats(stats: ReadonlyMap<Element, NodeStats>): TreeSnapshot | undefined {
  return TREES.get(stats);
}

// What every step of one statistics pass reads.
interface Walk {
  tree: TreeSnapshot;
  stats: Map<Element, NodeStats>;
  isHidden: HiddenTest | undefined;
}

// One read of the attribute list answers which attributes to read at all: most elements carry none,
// and jsdom spends about a microsecond on each attribute lookup (100,000 links, several per link).
function readAttributeNames(el: Element): readonly string[] {
  return el.hasAttributes() ? el.getAttributeNames() : NO_ATTRIBUTES;
}

// `ordinal` is the element's in the walk's tree; `parentStats` and `blockStats` are null for the
// walk's root (its own statistics stand for its block).
function visit(
  walk: Walk,
  ordinal: number,
  attributes: readonly string[],
  parent: Element | null,
  parentStats: NodeStats | null,
  blockStats: NodeStats | null,
  inLink: boolean,
  depth: number,
): NodeStats {
  const { tree, stats, isHidden } = walk;
  const el = tree.elements[ordinal]!;
  const tag = tree.tags[ordinal]!;
  // As readNames reads them.
  const cls = attributes.length && attributes.includes('class') ? (el.getAttribute('class') ?? '') : '';
  const id = attributes.length && attributes.includes('id') ? el.id : '';
  const names = attributes.length ? joinNames(cls, id) : ' ';
  const own: NodeStats = {
    chars: 0,
    linkChars: 0,
    punct: 0,
    tags: 1,
    ownChars: 0,
    ownLinkChars: 0,
    ownPunct: 0,
    tag,
    names,
    cls,
    id,
    bare: attributes.length === 0,
    ordinal: stats.size,
    node: ordinal,
    parent,
    up: parentStats,
    firstChild: null,
    nextSibling: null,
    // The root's own name is not read: it is the container searched, never furniture inside it.
    inFurniture: !!parentStats && (parentStats.inFurniture || isFurnitureName(names)),
    digits: 0,
    partial: false,
  };
  stats.set(el, own);
  const link = inLink || tag === 'A';
  const myBlock = !blockStats || BLOCK_TAGS.has(tag) ? own : blockStats;
  let lastChild: NodeStats | null = null;
  const { kind, text, next } = tree;
  for (let node = tree.firstNode[ordinal]!; node >= 0; node = next[node]!) {
    const child = kind[node]!;
    if (child === TEXT_KIND) {
      const data = text[node]!;
      const n = countChars(data);
      if (n === 0) continue;
      const p = link ? 0 : lastPunct;
      own.chars += n;
      own.digits += lastDigits;
      own.punct += p;
      myBlock.ownChars += n;
      myBlock.ownPunct += p;
      if (link) {
        own.linkChars += n;
        myBlock.ownLinkChars += n;
      }
    } else if (child >= 0) {
      if (SKIP_TAGS.has(tree.tags[child]!) || depth > 400) {
        own.partial = true;
        continue;
      }
      const childEl = tree.elements[child]!;
      const childAttributes = readAttributeNames(childEl);
      if (isHidden?.(childEl, childAttributes)) {
        own.partial = true;
        continue;
      }
      const s = visit(walk, child, childAttributes, el, own, myBlock, link, depth + 1);
      if (lastChild) lastChild.nextSibling = childEl;
      else own.firstChild = childEl;
      lastChild = s;
      own.chars += s.chars;
      own.linkChars += s.linkChars;
      own.punct += s.punct;
      own.tags += s.tags;
      own.digits += s.digits;
      own.partial ||= s.partial;
    } else if (child === CDATA_KIND) {
      // CDATA (in MathML or SVG) is textContent the counts leave out.
      own.partial = true;
    }
  }
  return own;
}
