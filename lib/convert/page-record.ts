// What the live toggle wrote and what was there before, for an exact restore. Originals live in
// WeakMaps, never on page nodes; a value that differs from what we wrote was changed by the page
// since, and that new value is the new original.
import type { Budget } from './page-scheduler';
import { readWorkValue, type Work } from './page-walker';

// A page that puts its own text back after each of our writes (a framework re-rendering from state)
// would have us convert the same node forever: after this many reverts the node is left to the page.
const MAX_REVERTS = 3;

interface Entry {
  original: string;
  written: string;
  reverts: number;
}

export interface PageRecord {
  /** The value to convert for this item, or null when it is what we wrote or the node is given up. */
  readPending(item: Work): string | null;
  /** Write a converted value and remember the original. */
  write(item: Work, original: string, converted: string): void;
  /** Whether the item's current value is exactly what we wrote (a change we caused, not the page). */
  isOurs(item: Work): boolean;
  /** Change an element's lang, once, remembering the value before. */
  setLang(el: Element, tag: string): void;
  hasLang(el: Element): boolean;
  /** Put originals back while the budget lasts; true when everything is restored. */
  restoreSome(budget: Budget): boolean;
  /** How many values are recorded. */
  readonly size: number;
}

/** Create an empty record. */
export function createPageRecord(): PageRecord {
  const texts = new WeakMap<Text, Entry>();
  const attrs = new WeakMap<Element, Map<string, Entry>>();
  // Restore order: what was written first (the viewport) comes back first.
  const touched: Work[] = [];
  const langs = new Map<Element, string | null>();
  // The last text we converted under each element: a page that re-renders puts a new node there
  // holding that same original again (textContent =), which counts as a revert too.
  const lastUnder = new WeakMap<Element, Entry>();
  let restoredUpTo = 0;
  let compactAt = 1_000;

  const entryOf = (item: Work): Entry | undefined =>
    item.kind === 'text' ? texts.get(item.node) : attrs.get(item.element)?.get(item.name);

  return {
    readPending(item) {
      const current = readWorkValue(item);
      if (current === null) return null;
      const entry = entryOf(item);
      if (!entry) {
        const parent = item.kind === 'text' ? item.node.parentElement : null;
        const last = parent ? lastUnder.get(parent) : undefined;
        if (last && last.original === current && ++last.reverts > MAX_REVERTS) return null;
        return current;
      }
      if (entry.written === current || entry.reverts >= MAX_REVERTS) return null;
      if (current === entry.original) entry.reverts++;
      return current;
    },
    write(item, original, converted) {
      const entry = entryOf(item);
      if (entry) {
        entry.original = original;
        entry.written = converted;
      } else {
        const parent = item.kind === 'text' ? item.node.parentElement : null;
        const last = parent ? lastUnder.get(parent) : undefined;
        const fresh = {
          original,
          written: converted,
          reverts: last?.original === original ? last.reverts : 0,
        };
        if (parent) lastUnder.set(parent, fresh);
        if (item.kind === 'text') texts.set(item.node, fresh);
        else {
          let map = attrs.get(item.element);
          if (!map) attrs.set(item.element, (map = new Map()));
          map.set(item.name, fresh);
        }
        touched.push(item);
        // A page that replaces its nodes (a ticker) would grow this list forever: drop the detached.
        if (touched.length > compactAt) {
          const live = touched.filter((w) => (w.kind === 'text' ? w.node : w.element).isConnected);
          touched.length = 0;
          touched.push(...live);
          compactAt = Math.max(1_000, live.length * 2);
        }
      }
      if (item.kind === 'text') item.node.data = converted;
      else item.element.setAttribute(item.name, converted);
    },
    isOurs(item) {
      const entry = entryOf(item);
      return !!entry && entry.written === readWorkValue(item);
    },
    setLang(el, tag) {
      if (langs.has(el)) return;
      const current = el.getAttribute('lang');
      langs.set(el, current);
      if (current !== tag) el.setAttribute('lang', tag);
    },
    hasLang: (el) => langs.has(el),
    restoreSome(budget) {
      // lang first: it was written last, over the converted text.
      for (const [el, lang] of langs) {
        if (lang === null) el.removeAttribute('lang');
        else el.setAttribute('lang', lang);
      }
      langs.clear();
      while (restoredUpTo < touched.length) {
        for (let n = 0; n < 64 && restoredUpTo < touched.length; n++) {
          const item = touched[restoredUpTo++] as Work;
          const entry = entryOf(item);
          // Only where our value still stands: what the page wrote since is the page's.
          if (entry && entry.written === readWorkValue(item)) {
            if (item.kind === 'text') item.node.data = entry.original;
            else item.element.setAttribute(item.name, entry.original);
            budget.spend(entry.original.length);
          }
        }
        if (!budget.hasTime()) break;
      }
      return restoredUpTo >= touched.length;
    },
    get size() {
      return touched.length;
    },
  };
}
