// Element lookups that stay fast on 2 MB pages in jsdom, whose selector engine traverses the whole
// document for selector lists and case-insensitive attribute matches (~100 ms a query there).
// Chromium is fast either way; the CLI, the eval and the benches run on jsdom.

/** Meta tags read from a page: real pages carry a few dozen, a hostile one 100,000 (seconds to read). */
export const MAX_META_TAGS = 2_000;

/**
 * The first `max` `tag` elements under `root`, in document order, as a plain array. Never reads a
 * live HTMLCollection's `.length` per item: jsdom answers every named property of one (`.length`,
 * `.item`) by scanning all its elements for an id or name, so `Array.from` or a `.length` loop was
 * quadratic (100,000 <meta> tags: over 200 s). An index read costs nothing.
 */
export function elementsByTag(root: Document | Element, tag: string, max = Infinity): Element[] {
  const list = root.getElementsByTagName(tag);
  const out: Element[] = [];
  for (let el = list[0]; el && out.length < max; el = list[out.length]) out.push(el);
  return out;
}

/** The first `tag` element passing `test`, from the tag's own collection. */
export function findTag(doc: Document, tag: string, test: (el: Element) => boolean): Element | null {
  const elements = doc.getElementsByTagName(tag);
  // Index reads only (see elementsByTag): an index past the end reads undefined.
  for (let i = 0, el = elements[0]; el; el = elements[++i]) if (test(el)) return el;
  return null;
}

/** The first `max` elements under `root` whose tag name is in `tags`, in document order. */
export function collectElements(root: Node, tags: ReadonlySet<string>, max: number): Element[] {
  const out: Element[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node && out.length < max; node = walker.nextNode()) {
    if (tags.has((node as Element).localName)) out.push(node as Element);
  }
  return out;
}
