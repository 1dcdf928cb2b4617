/** A bounded sample of a page's paragraph-like nodes and where their text clusters. */
import { collectElements, elementsByTag, indexedOrNot, type TagIndex } from '../dom/tags.ts';
import { countFirstPerson, countHan, countPunct } from '../text/counts.ts';

export interface TextBlock {
  node: Element;
  text: string;
  /** Han characters, plus Latin letters / 3 so that English pages weigh in too. */
  han: number;
  punct: number;
  /** Han characters inside links. */
  linkHan: number;
}

export interface PageSample {
  blocks: TextBlock[];
  /** The container holding the most prose, and its blocks. */
  mainNode: Element | null;
  main: TextBlock[];
  mainHan: number;
  mainPunct: number;
  mainLinkHan: number;
  /** Main-body blocks with at least a sentence of prose. */
  mainParagraphs: number;
  totalHan: number;
  firstPerson: number;
  /** Anchors in the whole page (a live count, no text read). */
  linkCount: number;
  /** Han characters of text in a sample of the page's anchors, scaled to all anchors. */
  linkHanEstimate: number;
  /** Text around the main body: the lines before it (title, dateline) and after it (editor, source). */
  frameText: string;
}

// Bounds that keep the check cheap on 2 MB pages: the article body sits early in document order.
const MAX_NODES = 4000;
const BLOCK_TAGS = new Set(['p', 'pre', 'div', 'td', 'section', 'article', 'center', 'blockquote', 'dd']);
const MAX_BLOCK_CHARS = 4000;
// Child nodes read for one block's own text: a container of 100,000 paragraphs (a generated page)
// has no own text among them, and reading each child's tag cost a tenth of a second in jsdom.
const MAX_CHILD_NODES = 4000;
const ANCHOR_SAMPLE = 300;
const MIN_HAN = 8;
// A paragraph of prose: Readability counts 140 Latin characters; 25 Han characters carry as much.
const PARAGRAPH_HAN = 25;
const INLINE = new Set([
  'A',
  'B',
  'STRONG',
  'SPAN',
  'FONT',
  'EM',
  'I',
  'U',
  'SUB',
  'SUP',
  'BIG',
  'SMALL',
  'LABEL',
  'CITE',
  'Q',
  'STRIKE',
  'S',
  'INS',
  'MARK',
  'ABBR',
  'TIME',
]);
const SKIP = 'script, style, noscript, textarea, select, option, template';
const SKIP_NAMES = new Set(SKIP.split(', '));

/**
 * Whether an element the selector list `names` names (by local name, any case or prefix, as type
 * selectors match in HTML) has an element inside it. When none has, no element is inside one, and
 * `closest` need not be asked per node (4,000 selector matches on a big page; a parsed page's
 * scripts and styles hold text only).
 */
function holdsElements(index: TagIndex, names: ReadonlySet<string>): boolean {
  for (const [name, elements] of index) {
    const local = name.slice(name.indexOf(':') + 1).toLowerCase();
    if (names.has(local) && elements.some((el) => el.firstElementChild)) return true;
  }
  return false;
}

/** Sample text containers, measure them without reading the whole page, find the main container. */
export function samplePage(doc: Document, tags: TagIndex | Document = doc): PageSample {
  const index = indexedOrNot(tags);
  const nodes = doc.body ? collectElements(doc.body, BLOCK_TAGS, MAX_NODES, index) : [];
  const skipped = !index || holdsElements(index, SKIP_NAMES);
  const blocks: TextBlock[] = [];
  for (const node of nodes) {
    const { text, linkText } = readOwnText(node);
    const han = measure(text);
    if (han < MIN_HAN) continue;
    if ((skipped && node.closest(SKIP)) || isHidden(node)) continue;
    blocks.push({
      node,
      text,
      han,
      punct: countPunct(text) + countLatinStops(text),
      linkHan: measure(linkText),
    });
  }

  const parentScore = new Map<Element, number>();
  const grandScore = new Map<Element, number>();
  let totalHan = 0;
  for (const block of blocks) {
    totalHan += block.han;
    const score = Math.max(0, block.han - block.linkHan * 2);
    if (score === 0) continue;
    const parent = containerOf(block.node);
    parentScore.set(parent, (parentScore.get(parent) ?? 0) + score);
    const grand = parent.parentElement;
    if (grand) grandScore.set(grand, (grandScore.get(grand) ?? 0) + score);
  }
  let mainNode: Element | null = null;
  let best = 0;
  for (const [node, score] of parentScore) if (score > best) [mainNode, best] = [node, score];
  // A body split over sibling wrappers: take the grandparent when it gathers clearly more.
  for (const [node, score] of grandScore) if (score > best * 1.5) [mainNode, best] = [node, score];

  const main = mainNode ? blocks.filter((b) => mainNode!.contains(b.node)) : [];
  let mainHan = 0;
  let mainPunct = 0;
  let mainLinkHan = 0;
  let mainParagraphs = 0;
  let firstPerson = 0;
  for (const b of main) {
    mainHan += b.han;
    mainPunct += b.punct;
    mainLinkHan += b.linkHan;
    firstPerson += countFirstPerson(b.text);
    if (b.han - b.linkHan >= PARAGRAPH_HAN && b.punct > 0) mainParagraphs++;
  }

  // A live collection unless indexed: a browser counts it without listing every anchor.
  const anchors = tags === doc ? doc.getElementsByTagName('a') : elementsByTag(tags, 'a');
  const linkCount = anchors.length;
  const sampled = Math.min(linkCount, ANCHOR_SAMPLE);
  let sampledHan = 0;
  for (let i = 0; i < sampled; i++) sampledHan += countHan((anchors[i]!.textContent ?? '').slice(0, 200));
  const linkHanEstimate = sampled ? (sampledHan / sampled) * linkCount : 0;

  const frameText = mainNode ? readFrame(mainNode, main) : '';
  return {
    blocks,
    mainNode,
    main,
    mainHan,
    mainPunct,
    mainLinkHan,
    mainParagraphs,
    totalHan,
    firstPerson,
    linkCount,
    linkHanEstimate,
    frameText,
  };
}

/** Sentence stops of Latin prose ("word. Word"), so English articles show punctuation too. */
function countLatinStops(text: string): number {
  return text.match(/[a-z][.,;?!] [A-Za-z]/g)?.length ?? 0;
}

function measure(text: string): number {
  const han = countHan(text);
  // Latin prose: about three letters carry what one Han character does.
  const latin = han > 40 ? 0 : (text.match(/[A-Za-z]/g)?.length ?? 0);
  return han + Math.floor(latin / 3);
}

/** Text whose nearest block is this node: its text children and inline descendants (of its first MAX_CHILD_NODES children). */
function readOwnText(node: Element): { text: string; linkText: string } {
  let text = '';
  let linkText = '';
  let read = 0;
  for (let child = node.firstChild; child && read < MAX_CHILD_NODES; child = child.nextSibling, read++) {
    const type = child.nodeType;
    if (type === 3) text += (child as Text).data;
    else if (type === 1) {
      const el = child as Element;
      const tag = el.tagName;
      if (tag === 'BR') text += '\n';
      else if (INLINE.has(tag)) {
        const t = el.textContent ?? '';
        text += t;
        if (tag === 'A') linkText += t;
        else if (el.firstElementChild)
          for (const a of elementsByTag(el, 'a')) linkText += a.textContent ?? '';
      }
    }
    if (text.length > MAX_BLOCK_CHARS) break;
  }
  // One text node of a hostile page may hold millions of characters: keep what a block can use.
  return { text: text.slice(0, 2 * MAX_BLOCK_CHARS), linkText: linkText.slice(0, 2 * MAX_BLOCK_CHARS) };
}

function containerOf(node: Element): Element {
  return node.tagName === 'P' || node.tagName === 'PRE' ? (node.parentElement ?? node) : node;
}

/** Lines just before the main container (title, dateline, 来源) and just after it (editor). */
function readFrame(mainNode: Element, main: TextBlock[]): string {
  const parts: string[] = [];
  let budget = 2000;
  let node: Element | null = mainNode;
  for (let level = 0; node && level < 4 && budget > 0; level++) {
    let sib = node.previousElementSibling;
    for (let k = 0; sib && k < 4 && budget > 0; k++, sib = sib.previousElementSibling) {
      if (sib.matches(SKIP)) continue;
      const t = readTextStart(sib, 400);
      parts.push(t);
      budget -= t.length;
    }
    node = node.parentElement;
  }
  for (const b of main.slice(0, 2)) parts.push(b.text.slice(0, 200));
  for (const b of main.slice(-3)) parts.push(b.text.slice(-200));
  let after = mainNode.nextElementSibling;
  for (let k = 0; after && k < 3; k++, after = after.nextElementSibling)
    parts.push(readTextStart(after, 300));
  return parts.join('\n');
}

/** `el.textContent.slice(0, max)` without building the text of a whole page section. */
function readTextStart(el: Element, max: number): string {
  const walker = el.ownerDocument.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node && text.length < max; node = walker.nextNode())
    text += (node as Text).data;
  return text.slice(0, max);
}

function isHidden(node: Element): boolean {
  const style = node.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
