// Element lookups that stay fast on 2 MB pages in jsdom, whose selector engine traverses the whole
// document for selector lists and case-insensitive attribute matches (~100 ms a query there).
// Chromium is fast either way; the CLI, the eval and the benches run on jsdom.

/** Meta tags read from a page: real pages carry a few dozen, a hostile one 100,000 (seconds to read). */
export const MAX_META_TAGS = 2_000;

/**
 * Every element of a document by qualified tag name, in document order, read in one pass. On a big
 * page each tag collection walks the whole document in jsdom (100,000 paragraphs: ~150 ms a tag), so
 * one extraction builds this once and every later lookup reads it. Look tags up in lower case, as the
 * parser writes them: then a lookup answers exactly what `getElementsByTagName` would ('*': all).
 */
export type TagIndex = ReadonlyMap<string, readonly Element[]>;

/** A node's kind in a TreeSnapshot when it is not an element (an element's kind is its ordinal, ≥ 0). */
export const TEXT_KIND = -1;
export const CDATA_KIND = -2;
export const OTHER_KIND = -3;

/**
 * A tree as one walk read it: every element with its tag, every node with its kind, text and next
 * sibling, in arrays indexed by ordinal. The tag index and the text statistics both read the page
 * from this one walk: in jsdom each `firstChild`, `nextSibling` or collection item read goes through
 * a wrapper, and two walks of a 100,000-paragraph page cost a second walk's 150 ms.
 */
export interface TreeSnapshot {
  /** Every element of the walked subtree, its root first, in document order (element ordinals). */
  readonly elements: readonly Element[];
  /** Each element's qualified tag name in upper case, as `tagName.toUpperCase()` reads it. */
  readonly tags: readonly string[];
  /** Each element's first child node (a node ordinal), -1 when it has none. */
  readonly firstNode: readonly number[];
  /** Each node's kind: the ordinal of the element it is, else TEXT_KIND, CDATA_KIND or OTHER_KIND. */
  readonly kind: readonly number[];
  /** Each text node's data ('' for other nodes). */
  readonly text: readonly string[];
  /** Each node's next sibling (a node ordinal), -1 when it is the last. */
  readonly next: readonly number[];
}

interface Walked extends TreeSnapshot {
  /** Each element's qualified name (prefix:local) and local name, as written. */
  readonly names: readonly string[];
  readonly localNames: readonly string[];
}

// The snapshot each index was built from (see treeOf).
const SNAPSHOTS = new WeakMap<TagIndex, TreeSnapshot>();

/** Index every element of `doc` by tag name (see TagIndex); the document must not change while it is used. */
export function indexTags(doc: Document): TagIndex {
  const root = doc.documentElement;
  const tree = root ? snapshotTree(root) : null;
  const all = tree?.elements ?? [];
  const index = new Map<string, readonly Element[]>([['*', all]]);
  for (let i = 0; i < all.length; i++) {
    const name = tree!.names[i]!;
    const list = index.get(name) as Element[] | undefined;
    if (list) list.push(all[i]!);
    else index.set(name, [all[i]!]);
  }
  if (tree) {
    LOCAL_NAMES.set(all, tree.localNames);
    SNAPSHOTS.set(index, tree);
  }
  return index;
}

/** The tree snapshot an index was read from (see TreeSnapshot), undefined for another map. */
export function treeOf(index: TagIndex): TreeSnapshot | undefined {
  return SNAPSHOTS.get(index);
}

/** Walk the subtree of `root` once into a TreeSnapshot; iterative, so no nesting depth overflows it. */
export function snapshotTree(root: Element): Walked {
  const elements: Element[] = [];
  const tags: string[] = [];
  const names: string[] = [];
  const localNames: string[] = [];
  const firstNode: number[] = [];
  const kind: number[] = [];
  const text: string[] = [];
  const next: number[] = [];
  // Upper-case tags by qualified name: one string per tag, not one per element.
  const upper = new Map<string, string>();
  const addElement = (el: Element): number => {
    const local = el.localName;
    const prefix = el.prefix;
    const name = prefix ? `${prefix}:${local}` : local;
    let tag = upper.get(name);
    if (tag === undefined) upper.set(name, (tag = name.toUpperCase()));
    elements.push(el);
    tags.push(tag);
    names.push(name);
    localNames.push(local);
    firstNode.push(-1);
    return elements.length - 1;
  };
  addElement(root);
  // The open elements above the current node: the DOM node, its element ordinal, its node ordinal.
  const openNodes: Node[] = [];
  const openElements: number[] = [];
  const openOrdinals: number[] = [];
  let parent = 0;
  let previous = -1;
  let node: Node | null = root.firstChild;
  for (;;) {
    while (node) {
      const n = kind.length;
      if (previous < 0) firstNode[parent] = n;
      else next[previous] = n;
      next.push(-1);
      const type = node.nodeType;
      if (type === 1) {
        const e = addElement(node as Element);
        kind.push(e);
        text.push('');
        const first = node.firstChild;
        if (first) {
          openNodes.push(node);
          openElements.push(parent);
          openOrdinals.push(n);
          parent = e;
          previous = -1;
          node = first;
          continue;
        }
      } else {
        kind.push(type === 3 ? TEXT_KIND : type === 4 ? CDATA_KIND : OTHER_KIND);
        text.push(type === 3 ? (node as Text).data : '');
      }
      previous = n;
      node = node.nextSibling;
    }
    const done = openNodes.pop();
    if (!done) break;
    parent = openElements.pop()!;
    previous = openOrdinals.pop()!;
    node = done.nextSibling;
  }
  return { elements, tags, names, localNames, firstNode, kind, text, next };
}

// The local name of each element of an index's '*' list, at the same position: a walk over the index
// that filters by tag reads no element (jsdom's localName getter, 100,000 times on a big page).
const LOCAL_NAMES = new WeakMap<readonly Element[], readonly string[]>();

function isIndex(source: Document | Element | TagIndex): source is TagIndex {
  return source instanceof Map;
}

/** The tag index when `source` is one, else undefined (a caller holding a live document). */
export function indexedOrNot(source: Document | TagIndex): TagIndex | undefined {
  return isIndex(source) ? source : undefined;
}

/**
 * The first `max` `tag` elements under `root`, in document order, as a plain array. Never reads a
 * live HTMLCollection's `.length` per item: jsdom answers every named property of one (`.length`,
 * `.item`) by scanning all its elements for an id or name, so `Array.from` or a `.length` loop was
 * quadratic (100,000 <meta> tags: over 200 s). An index read costs nothing.
 */
export function elementsByTag(
  root: Document | Element | TagIndex,
  tag: string,
  max = Infinity,
): readonly Element[] {
  if (isIndex(root)) {
    const indexed = root.get(tag) ?? [];
    return indexed.length > max ? indexed.slice(0, max) : indexed;
  }
  const list = root.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let el = list[0]; el && out.length < max; el = list[out.length]) out.push(el);
  return out;
}

/** The first `tag` element passing `test`, from the tag's own collection. */
export function findTag(
  doc: Document | TagIndex,
  tag: string,
  test: (el: Element) => boolean,
): Element | null {
  if (isIndex(doc)) return doc.get(tag)?.find(test) ?? null;
  const elements = doc.getElementsByTagName(tag);
  // Index reads only (see elementsByTag): an index past the end reads undefined.
  for (let i = 0, el = elements[0]; el; el = elements[++i]) if (test(el)) return el;
  return null;
}

/**
 * The first `max` elements under `root` whose tag name is in `tags`, in document order; read off the
 * document's tag index when given (a tree walk in jsdom costs as much as a tag collection).
 */
export function collectElements(
  root: Element,
  tags: ReadonlySet<string>,
  max: number,
  index?: TagIndex,
): Element[] {
  const out: Element[] = [];
  if (out.length >= max) return out;
  const all = index?.get('*');
  const names = all && LOCAL_NAMES.get(all);
  if (all && names) {
    const [start, end] = descendantRange(root, all);
    for (let i = start; i < end; i++) if (tags.has(names[i]!) && out.push(all[i]!) >= max) break;
    return out;
  }
  for (const el of descendants(root, index)) {
    if (tags.has(el.localName) && out.push(el) >= max) break;
  }
  return out;
}

/** The elements under `root` in document order: a run of the tag index when given, else a tree walk. */
export function descendants(root: Element, index?: TagIndex): Iterable<Element> {
  return index ? indexedDescendants(root, index.get('*') ?? []) : walkDescendants(root);
}

function* walkDescendants(root: Element): Generator<Element> {
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Element;
}

// The descendants of `root` are the run of `all` (every element, in document order) after it, up to
// the first element that follows its subtree.
function indexedDescendants(root: Element, all: readonly Element[]): readonly Element[] {
  const [start, end] = descendantRange(root, all);
  return start < end ? all.slice(start, end) : [];
}

// The positions [start, end) in `all` of the descendants of `root` (empty when root is not listed).
function descendantRange(root: Element, all: readonly Element[]): [number, number] {
  const at = all.indexOf(root);
  if (at < 0) return [0, 0];
  let after: Element | null = null;
  for (let node: Element | null = root; node && !after; node = node.parentElement)
    after = node.nextElementSibling;
  const end = after ? all.indexOf(after, at) : all.length;
  return [at + 1, end < 0 ? all.length : end];
}

/**
 * An element's class and id joined by a space (`' '` when it has neither), the string class and id
 * hints are matched on. Most elements carry no attribute at all; one `hasAttributes` answers for
 * them, where jsdom spends a microsecond on each attribute read (100,000 paragraphs, several passes).
 */
export function readNames(el: Element): string {
  if (!el.hasAttributes()) return ' ';
  return joinNames(el.getAttribute('class') ?? '', el.id ?? '');
}

/** The class and id as readNames joins them, for a caller that has read them already. */
export function joinNames(cls: string, id: string): string {
  return `${cls} ${id}`;
}
