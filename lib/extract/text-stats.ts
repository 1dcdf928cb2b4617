/** Bottom-up text statistics of a DOM tree, computed once per element (no repeated textContent). */

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
}

export const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG', 'CANVAS', 'OBJECT', 'EMBED', 'HEAD', 'SELECT',
  'TEXTAREA', 'BUTTON', 'INPUT', 'OPTION', 'MAP', 'AUDIO', 'VIDEO', 'LINK', 'META',
]);
export const BLOCK_TAGS = new Set([
  'P', 'DIV', 'TD', 'TH', 'LI', 'SECTION', 'ARTICLE', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'DD', 'DT', 'MAIN', 'BODY', 'CENTER', 'UL', 'OL', 'DL', 'TABLE', 'TBODY', 'TR', 'FORM', 'HEADER', 'FOOTER',
  'NAV', 'ASIDE', 'FIGURE', 'FIGCAPTION', 'ADDRESS', 'HR',
]);

const COUNTED = /[\p{L}\p{N}]/gu;
const PUNCT = /[，。；：！？、“”,;!?]/g;

/** Count letters, digits and CJK characters (whitespace and punctuation ignored). */
export function countChars(text: string): number {
  return text.match(COUNTED)?.length ?? 0;
}

function countPunct(text: string): number {
  return text.match(PUNCT)?.length ?? 0;
}

/** Compute statistics for every element under `root` in one post-order pass. */
export function computeStats(root: Element): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>();
  visit(root, root, false, stats, 0);
  return stats;
}

function visit(el: Element, block: Element, inLink: boolean, stats: Map<Element, NodeStats>, depth: number): NodeStats {
  const own: NodeStats = { chars: 0, linkChars: 0, punct: 0, tags: 1, ownChars: 0, ownLinkChars: 0, ownPunct: 0 };
  stats.set(el, own);
  const tag = el.tagName.toUpperCase();
  const myBlock = BLOCK_TAGS.has(tag) ? el : block;
  const link = inLink || tag === 'A';
  const blockStats = stats.get(myBlock) ?? own;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) {
      const data = (child as Text).data;
      const n = countChars(data);
      if (n === 0) continue;
      const p = link ? 0 : countPunct(data);
      own.chars += n;
      own.punct += p;
      blockStats.ownChars += n;
      blockStats.ownPunct += p;
      if (link) {
        own.linkChars += n;
        blockStats.ownLinkChars += n;
      }
    } else if (child.nodeType === 1) {
      const childEl = child as Element;
      if (SKIP_TAGS.has(childEl.tagName.toUpperCase()) || depth > 400) continue;
      const s = visit(childEl, myBlock, link, stats, depth + 1);
      own.chars += s.chars;
      own.linkChars += s.linkChars;
      own.punct += s.punct;
      own.tags += s.tags;
    }
  }
  return own;
}
