// Element lookups that stay fast on 2 MB pages in jsdom, whose selector engine traverses the whole
// document for selector lists and case-insensitive attribute matches (~100 ms a query there).
// Chromium is fast either way; the CLI, the eval and the benches run on jsdom.

/** The first `tag` element passing `test`, from the tag's own collection. */
export function findTag(doc: Document, tag: string, test: (el: Element) => boolean): Element | null {
  const elements = doc.getElementsByTagName(tag);
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i]!;
    if (test(el)) return el;
  }
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
