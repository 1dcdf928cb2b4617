import * as v from 'valibot';
import type { Article, Block } from '../article/record';
import { ArticleSchema } from '../article/schema';
import { MAX_PARAGRAPH } from '../article/valid';
import { countBlockText, MAX_CLIPPING_TEXT, type Request, type SaveErrorCode } from '../messaging/contract';

/** Saves sent in parts that one background keeps open at once; a new one drops the oldest. */
const MAX_OPEN = 4;
/** A transfer nobody continued for this long is dropped (its tab closed or navigated away). */
const IDLE_MS = 60_000;

interface Transfer {
  tabId: number;
  pageUrl: string;
  article: Article;
  asPage: boolean;
  blocks: Block[];
  expectBlocks: number;
  chars: number;
  expectChars: number;
  nextSeq: number;
  touched: number;
}

type Outcome<T> = ({ ok: true } & T) | { ok: false; code: SaveErrorCode };
/** The tab a part comes from, as the browser names it (lib/messaging/sender.ts). */
export interface TransferSender {
  tabId: number;
  pageUrl: string;
}

/**
 * The background's side of a save sent in parts: each part is checked as it arrives (in order,
 * from the tab that started it, within the announced size and MAX_CLIPPING_TEXT), and `finish`
 * hands back the whole article once every part is in. Any failure drops the transfer: nothing is
 * saved. Held in memory only, so a worker stopped mid-transfer forgets it and the next part is
 * answered 'interrupted'.
 */
export function createTransferStore(now: () => number = Date.now) {
  const open = new Map<string, Transfer>();

  const drop = (id: string, code: SaveErrorCode): { ok: false; code: SaveErrorCode } => {
    open.delete(id);
    return { ok: false, code };
  };
  const sweep = () => {
    for (const [id, t] of open) if (now() - t.touched > IDLE_MS) open.delete(id);
  };
  const find = (id: string, sender: TransferSender): Transfer | 'interrupted' | 'refused' => {
    sweep();
    const t = open.get(id);
    if (!t) return 'interrupted';
    // Only the tab that started a transfer may add to it or end it.
    if (t.tabId !== sender.tabId || t.pageUrl !== sender.pageUrl) return 'refused';
    t.touched = now();
    return t;
  };

  return {
    /** Open a transfer for the sender's tab; its own earlier one is replaced. */
    start(
      request: Extract<Request, { type: 'save-start' }>,
      sender: TransferSender,
    ): Outcome<{ transfer: string }> {
      sweep();
      if (request.chars > MAX_CLIPPING_TEXT) return { ok: false, code: 'too-large' };
      for (const [id, t] of open) if (t.tabId === sender.tabId) open.delete(id);
      while (open.size >= MAX_OPEN) open.delete(open.keys().next().value!);
      const id = globalThis.crypto.randomUUID();
      open.set(id, {
        ...sender,
        article: request.article,
        asPage: request.asPage === true,
        blocks: [],
        expectBlocks: request.blocks,
        chars: 0,
        expectChars: request.chars,
        nextSeq: 0,
        touched: now(),
      });
      return { ok: true, transfer: id };
    },

    /** Add one part: in order, within the announced blocks and characters. */
    part(request: Extract<Request, { type: 'save-part' }>, sender: TransferSender): Outcome<object> {
      const t = find(request.transfer, sender);
      if (typeof t === 'string') return t === 'refused' ? { ok: false, code: t } : drop(request.transfer, t);
      if (request.seq !== t.nextSeq) return drop(request.transfer, 'invalid');
      for (const block of request.blocks) {
        if (block.type === 'more') {
          const last = t.blocks.at(-1);
          // A piece continues the paragraph just before it, and the whole stays within a paragraph's limit.
          if (last?.type !== 'p' || last.text.length + block.text.length > MAX_PARAGRAPH)
            return drop(request.transfer, 'invalid');
          last.text += block.text;
        } else {
          if (t.blocks.length === t.expectBlocks) return drop(request.transfer, 'invalid');
          t.blocks.push(block);
        }
        t.chars += block.type === 'more' ? block.text.length : countBlockText([block]);
      }
      if (t.chars > t.expectChars) return drop(request.transfer, 'invalid');
      t.nextSeq++;
      return { ok: true };
    },

    /** Close the transfer: the whole article when every announced part, block and character came. */
    finish(
      request: Extract<Request, { type: 'save-end' }>,
      sender: TransferSender,
    ): Outcome<{ article: Article; asPage: boolean }> {
      const t = find(request.transfer, sender);
      if (typeof t === 'string') return t === 'refused' ? { ok: false, code: t } : drop(request.transfer, t);
      open.delete(request.transfer);
      if (request.parts !== t.nextSeq || t.blocks.length !== t.expectBlocks || t.chars !== t.expectChars)
        return { ok: false, code: 'invalid' };
      // Every part was checked on arrival; the whole is checked once more as one article.
      const whole = v.safeParse(ArticleSchema, { ...t.article, blocks: t.blocks });
      return whole.success
        ? { ok: true, article: whole.output, asPage: t.asPage }
        : { ok: false, code: 'invalid' };
    },

    /** How many transfers are open (for tests). */
    get size() {
      return open.size;
    },
  };
}
