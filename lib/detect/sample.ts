/** A bounded sample of a page's paragraph-like nodes and where their text clusters. */
import { countFirstPerson, countHan, countPunct } from './text-stats.ts';

export interface TextBlock {
  node: Element;
  text: string;
  han: number;
  punct: number;
  /** Han characters inside links. */
  linkHan: number;
}

export interface PageSample {
  blocks: TextBlock[];
  /** Blocks of the container holding the most prose. */
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
}

// Bounds that keep the check cheap on 2 MB pages: the article body sits early in document order.
const MAX_NODES = 1200;
const MAX_BLOCK_CHARS = 5000;
const ANCHOR_SAMPLE = 300;
const MIN_HAN = 8;
// A paragraph of prose: Readability counts 140 Latin characters; 25 Han characters carry as much.
const PARAGRAPH_HAN = 25;

/** Sample p/pre/article nodes and the parents of <br> runs, measure them, find the main container. */
export function samplePage(doc: Document): PageSample {
  const nodes = doc.querySelectorAll('p, pre, br, td');
  const seen = new Set<Element>();
  const blocks: TextBlock[] = [];
  const limit = Math.min(nodes.length, MAX_NODES);
  for (let i = 0; i < limit; i++) {
    let node = nodes[i]!;
    if (node.tagName === 'BR') node = node.parentElement ?? node;
    else if (node.tagName === 'TD' && node.querySelector('p, td, div, br')) continue;
    if (seen.has(node) || isHidden(node)) continue;
    seen.add(node);
    // A <br> parent that also holds <p> children is measured through those children.
    if (node.tagName !== 'P' && node.tagName !== 'PRE' && node.querySelector('p')) continue;
    const text = (node.textContent ?? '').slice(0, MAX_BLOCK_CHARS);
    const han = countHan(text);
    if (han < MIN_HAN) continue;
    blocks.push({ node, text, han, punct: countPunct(text), linkHan: countLinkHan(node) });
  }

  const byParent = new Map<Element, TextBlock[]>();
  let totalHan = 0;
  let firstPerson = 0;
  for (const block of blocks) {
    totalHan += block.han;
    const key = block.node.tagName === 'P' || block.node.tagName === 'PRE' ? block.node.parentElement ?? block.node : block.node;
    const group = byParent.get(key);
    if (group) group.push(block);
    else byParent.set(key, [block]);
  }
  let main: TextBlock[] = [];
  let mainScore = 0;
  for (const group of byParent.values()) {
    let score = 0;
    for (const b of group) score += Math.max(0, b.han - b.linkHan * 2);
    if (score > mainScore) {
      mainScore = score;
      main = group;
    }
  }
  let mainHan = 0;
  let mainPunct = 0;
  let mainLinkHan = 0;
  let mainParagraphs = 0;
  for (const b of main) {
    mainHan += b.han;
    mainPunct += b.punct;
    mainLinkHan += b.linkHan;
    firstPerson += countFirstPerson(b.text);
    if (b.han - b.linkHan >= PARAGRAPH_HAN && b.punct > 0) mainParagraphs++;
  }

  const anchors = doc.getElementsByTagName('a');
  const linkCount = anchors.length;
  const sampled = Math.min(linkCount, ANCHOR_SAMPLE);
  let sampledHan = 0;
  for (let i = 0; i < sampled; i++) sampledHan += countHan((anchors[i]!.textContent ?? '').slice(0, 200));
  const linkHanEstimate = sampled ? (sampledHan / sampled) * linkCount : 0;

  return { blocks, main, mainHan, mainPunct, mainLinkHan, mainParagraphs, totalHan, firstPerson, linkCount, linkHanEstimate };
}

function countLinkHan(node: Element): number {
  const links = node.getElementsByTagName('a');
  let han = 0;
  for (let i = 0; i < links.length && i < 50; i++) han += countHan(links[i]!.textContent ?? '');
  return han;
}

function isHidden(node: Element): boolean {
  const style = node.getAttribute('style');
  return !!style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
