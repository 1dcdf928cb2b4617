import type { Article, Block } from '../article/record';
import { MAX_BLOCKS } from '../article/valid';
import {
  countBlockText,
  MAX_CLIPPING_TEXT,
  PART_BLOCKS,
  PART_CHARS,
  type PartBlock,
  type Request,
  type RequestType,
  type ResponseOf,
} from './contract';

/** Sends one request of the contract and resolves to its validated reply (sendRequest). */
export type Send = <T extends RequestType>(request: Extract<Request, { type: T }>) => Promise<ResponseOf<T>>;

/** True when the article goes to the background in one `save` message. */
export function fitsOneMessage(blocks: readonly Block[]): boolean {
  return blocks.length <= PART_BLOCKS && countBlockText(blocks) <= PART_CHARS;
}

/**
 * Cut blocks into parts of at most PART_BLOCKS blocks and PART_CHARS characters. A paragraph
 * longer than a part continues in `more` pieces, never cut inside a surrogate pair.
 */
export function splitIntoParts(blocks: readonly Block[]): PartBlock[][] {
  const parts: PartBlock[][] = [];
  let part: PartBlock[] = [];
  let room = PART_CHARS;
  const push = (block: PartBlock, chars: number) => {
    if (part.length === PART_BLOCKS || chars > room) {
      parts.push(part);
      part = [];
      room = PART_CHARS;
    }
    part.push(block);
    room -= chars;
  };
  for (const block of blocks) {
    if (block.type !== 'p' || block.text.length <= PART_CHARS) {
      push(block, countBlockText([block]));
      continue;
    }
    let at = 0;
    while (at < block.text.length) {
      let end = Math.min(at + PART_CHARS, block.text.length);
      // A high surrogate at the cut keeps its pair: the piece ends one unit earlier.
      const last = block.text.charCodeAt(end - 1);
      if (end < block.text.length && last >= 0xd800 && last <= 0xdbff) end--;
      const text = block.text.slice(at, end);
      push(at === 0 ? { type: 'p', text } : { type: 'more', text }, text.length);
      at = end;
    }
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * Save an article through the background: in one `save` message when it fits, else in parts
 * (save-start, save-part…, save-end). Over MAX_CLIPPING_TEXT it is refused here as 'too-large'
 * before anything is sent. A reply that never comes throws NoReplyError (sendRequest).
 */
export async function sendSave(send: Send, article: Article, asPage: boolean): Promise<ResponseOf<'save'>> {
  const marking = asPage ? { asPage: true as const } : {};
  const chars = countBlockText(article.blocks);
  if (chars > MAX_CLIPPING_TEXT || article.blocks.length > MAX_BLOCKS)
    return { ok: false, code: 'too-large' };
  if (fitsOneMessage(article.blocks)) return send({ type: 'save', article, ...marking });
  const start = await send({
    type: 'save-start',
    article: { ...article, blocks: [] },
    ...marking,
    blocks: article.blocks.length,
    chars,
  });
  if (!start.ok) return start;
  const parts = splitIntoParts(article.blocks);
  for (const [seq, blocks] of parts.entries()) {
    const reply = await send({ type: 'save-part', transfer: start.transfer, seq, blocks });
    if (!reply.ok) return reply;
  }
  return send({ type: 'save-end', transfer: start.transfer, parts: parts.length });
}
