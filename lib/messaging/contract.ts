import * as v from 'valibot';
import type { Block } from '../article/record';
import { ArticleSchema, BlockSchema, validText } from '../article/schema';
import { MAX_BLOCKS, MAX_PARAGRAPH } from '../article/valid';
import { DICT_NAME, MAX_DICT_PARTS } from '../convert/load-extension';

/**
 * The one message contract of the extension. Every request names its `type`; its payload is
 * validated at runtime on arrival, and every reply is validated by the caller that reads it
 * (sendRequest). Each request also names the only senders allowed to make it (SENDERS).
 */
/** Longest clipping id a copies lookup names (ids are UUIDs; imported archives may bring their own). */
export const MAX_CLIPPING_ID = 200;
/** Most copies of one story a copies lookup answers with (the original first). */
export const MAX_COPIES = 1_000;

/** Characters of body text a reprint lookup sends: twice what a fingerprint reads (lib/archive/fingerprint.ts). */
export const MAX_REPRINT_BODY = 6_000;

/**
 * The most text one clipping may hold, in characters over all its blocks. The longest law, the
 * Civil Code (民法典), is about 110,000; a whole gazette issue or yearly report a few hundred
 * thousand. 5 million (about 15 MB as UTF-8) holds the Civil Code 45 times over, while the
 * background can still hold a transfer in memory and the reader render it. Past it a save is
 * refused as 'too-large' and nothing changes.
 */
export const MAX_CLIPPING_TEXT = 5_000_000;
/** Most characters and blocks in one part of a save sent in parts (about 1.5 MB of JSON). */
export const PART_CHARS = 500_000;
export const PART_BLOCKS = 2_000;

/** Characters of text in an article's blocks: paragraphs, subheadings, captions and credits. */
export function countBlockText(blocks: readonly Block[]): number {
  let chars = 0;
  for (const b of blocks)
    chars += b.type === 'figure' ? (b.caption?.length ?? 0) + (b.credit?.length ?? 0) : b.text.length;
  return chars;
}

/** An id the background gives a save sent in parts (crypto.randomUUID). */
const TransferIdSchema = v.pipe(v.string(), v.regex(/^[0-9a-f-]{36}$/));
/** A piece of a paragraph too long for one part: it continues the paragraph before it. */
const MoreSchema = v.strictObject({ type: v.literal('more'), text: validText(PART_CHARS) });
export type PartBlock = Block | v.InferOutput<typeof MoreSchema>;

export const requestSchemas = {
  /** Liveness check, used by the toolbar and the e2e tests. */
  ping: v.strictObject({ type: v.literal('ping') }),
  /**
   * Save (or update) the sender tab's page; its URL comes from the sender, never the payload.
   * `asPage` when it is no article.
   */
  save: v.strictObject({
    type: v.literal('save'),
    article: ArticleSchema,
    asPage: v.optional(v.literal(true)),
  }),
  /**
   * A save too large for one message, in three steps: `save-start` with the article without its
   * blocks and how many blocks and characters follow, `save-part`s in order, then `save-end`. The
   * background checks each part on arrival and saves once, in one transaction, after the last.
   */
  'save-start': v.strictObject({
    type: v.literal('save-start'),
    article: v.pipe(
      ArticleSchema,
      v.check((a) => a.blocks.length === 0, 'blocks come in parts'),
    ),
    asPage: v.optional(v.literal(true)),
    blocks: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BLOCKS)),
    chars: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BLOCKS * MAX_PARAGRAPH)),
  }),
  'save-part': v.strictObject({
    type: v.literal('save-part'),
    transfer: TransferIdSchema,
    seq: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_BLOCKS)),
    blocks: v.pipe(
      v.array(v.union([BlockSchema, MoreSchema])),
      v.minLength(1),
      v.maxLength(PART_BLOCKS),
      v.check(
        (blocks) =>
          countBlockText(blocks.map((b) => (b.type === 'more' ? { type: 'p', text: b.text } : b))) <=
          PART_CHARS,
        `a part holds at most ${PART_CHARS} characters`,
      ),
    ),
  }),
  'save-end': v.strictObject({
    type: v.literal('save-end'),
    transfer: TransferIdSchema,
    parts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_BLOCKS)),
  }),
  /** Is the sender tab's own page in the archive? A yes or no, nothing more. */
  lookup: v.strictObject({ type: v.literal('lookup') }),
  /**
   * Is the story of the sender tab's page saved from other pages (another site, the other script)?
   * The page's body text, cut to what a fingerprint reads; the answer names sites, nothing more.
   */
  reprints: v.strictObject({
    type: v.literal('reprints'),
    body: v.pipe(v.string(), v.maxLength(MAX_REPRINT_BODY)),
  }),
  /**
   * From an extension page (the reader): every saved copy of a stored clipping's story, looked up by
   * the worker, where no page is being drawn (components/hooks/use-story-copies.ts).
   */
  copies: v.strictObject({
    type: v.literal('copies'),
    id: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_CLIPPING_ID)),
  }),
  /** From the popup: run the content script in this tab if it is not there yet (activeTab). */
  activate: v.strictObject({
    type: v.literal('activate'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** The keys actually bound to our commands (content scripts have no commands API). */
  shortcuts: v.strictObject({ type: v.literal('shortcuts') }),
  /**
   * From a content script: one part of a converter dictionary, read by the background so pages
   * cannot fetch it (parts: lib/convert/load-extension.ts).
   */
  dict: v.strictObject({
    type: v.literal('dict'),
    name: v.pipe(v.string(), v.maxLength(200), v.regex(DICT_NAME)),
    part: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_DICT_PARTS - 1)),
  }),
} as const;

export const RequestSchema = v.variant('type', Object.values(requestSchemas));
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Who sent a message: one of our extension pages, or our content script in a web page's tab. */
export type SenderKind = 'extension-page' | 'content-script';

/** Least privilege: the senders each request is accepted from. */
export const SENDERS: { readonly [T in RequestType]: readonly SenderKind[] } = {
  ping: ['extension-page', 'content-script'],
  save: ['content-script'],
  'save-start': ['content-script'],
  'save-part': ['content-script'],
  'save-end': ['content-script'],
  lookup: ['content-script'],
  reprints: ['content-script'],
  // The archive is read by our pages only: a web page's content script learns no other clipping.
  copies: ['extension-page'],
  activate: ['extension-page'],
  shortcuts: ['extension-page', 'content-script'],
  // Only content scripts need the relay: extension pages fetch their own files.
  dict: ['content-script'],
};

/** Why a save did not happen; each code has its localised message (toolbar_saveError_*). */
export const SAVE_ERROR_CODES = [
  'quota',
  'invalid',
  'refused',
  'outdated',
  'failed',
  'too-large',
  'no-reply',
  'interrupted',
] as const;
export type SaveErrorCode = (typeof SAVE_ERROR_CODES)[number];

const SaveFailedSchema = v.strictObject({ ok: v.literal(false), code: v.picklist(SAVE_ERROR_CODES) });
const SaveReplySchema = v.variant('ok', [
  v.strictObject({ ok: v.literal(true), created: v.boolean() }),
  SaveFailedSchema,
]);

export const responseSchemas = {
  ping: v.strictObject({ ok: v.literal(true), version: v.string() }),
  save: SaveReplySchema,
  'save-start': v.variant('ok', [
    v.strictObject({ ok: v.literal(true), transfer: TransferIdSchema }),
    SaveFailedSchema,
  ]),
  'save-part': v.variant('ok', [v.strictObject({ ok: v.literal(true) }), SaveFailedSchema]),
  'save-end': SaveReplySchema,
  lookup: v.strictObject({ saved: v.boolean() }),
  /** The sites (registrable hosts) the story is already saved from, at most three. */
  reprints: v.strictObject({
    sites: v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(3)),
  }),
  /** The copies (lib/archive Reprint), this clipping included, the original first; empty when alone. */
  copies: v.strictObject({
    copies: v.pipe(
      v.array(
        v.strictObject({
          id: v.pipe(v.string(), v.maxLength(MAX_CLIPPING_ID)),
          similarity: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
          url: v.string(),
          siteName: v.string(),
          publishedAt: v.string(),
          savedAt: v.number(),
        }),
      ),
      v.maxLength(MAX_COPIES),
    ),
  }),
  activate: v.strictObject({ ok: v.boolean() }),
  /** Each command's bound key as the browser shows it; '' when the user or the browser left it unset. */
  shortcuts: v.strictObject({
    'toggle-script': v.pipe(v.string(), v.maxLength(100)),
    'save-page': v.pipe(v.string(), v.maxLength(100)),
  }),
  dict: v.union([
    v.strictObject({
      ok: v.literal(true),
      text: v.string(),
      parts: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_DICT_PARTS)),
    }),
    v.strictObject({ ok: v.literal(false), error: v.string() }),
  ]),
} as const satisfies Record<RequestType, v.GenericSchema>;

export type ResponseOf<T extends RequestType> = v.InferOutput<(typeof responseSchemas)[T]>;

/**
 * Messages to a tab's content script: from the background (shortcuts, context menus) and the popup.
 * `save-page` with `ask` saves a page that is not an article only when `asPage` confirms it; the
 * shortcut and the menu send neither and such a page is saved marked as a page.
 */
export const TabCommandSchema = v.variant('type', [
  v.strictObject({ type: v.picklist(['toggle-script', 'ping']) }),
  v.strictObject({
    type: v.literal('save-page'),
    ask: v.optional(v.boolean()),
    asPage: v.optional(v.boolean()),
  }),
]);
export type TabCommand = v.InferOutput<typeof TabCommandSchema>;

/** The content script's answer to `save-page`: saved, refused until confirmed (no article), or failed. */
export const SavePageReplySchema = v.variant('status', [
  v.strictObject({ status: v.literal('saved'), created: v.boolean(), asPage: v.boolean() }),
  v.strictObject({ status: v.literal('not-article') }),
  v.strictObject({ status: v.literal('failed'), code: v.picklist(SAVE_ERROR_CODES) }),
]);
export type SavePageReply = v.InferOutput<typeof SavePageReplySchema>;

/** Parse the reply of a tab to `save-page`; null when it is not one (no content script, old version). */
export function parseSavePageReply(value: unknown): SavePageReply | null {
  const result = v.safeParse(SavePageReplySchema, value);
  return result.success ? result.output : null;
}

/** Parse an unknown incoming value as a request; returns null when it is not one of ours. */
export function parseRequest(value: unknown): Request | null {
  const result = v.safeParse(RequestSchema, value);
  return result.success ? result.output : null;
}

/** Parse an incoming tab command; null when malformed. */
export function parseTabCommand(value: unknown): TabCommand | null {
  const result = v.safeParse(TabCommandSchema, value);
  return result.success ? result.output : null;
}

/** The request could not be answered: no reply, a malformed one, or a message the browser refused. */
export class NoReplyError extends Error {
  readonly code: 'no-reply' | 'too-large';
  constructor(code: 'no-reply' | 'too-large', options?: { cause?: unknown }) {
    super(
      code === 'too-large' ? 'The message is too large to send.' : 'The extension did not answer.',
      options,
    );
    this.name = 'NoReplyError';
    this.code = code;
  }
}

/**
 * Send one request through `post` (runtime.sendMessage) and validate the reply against the
 * contract. A missing reply (the worker was stopped mid-request) or a malformed one throws
 * NoReplyError, so no caller ever reads a field of `undefined`.
 */
export async function sendRequest<T extends RequestType>(
  post: (message: unknown) => Promise<unknown>,
  request: Extract<Request, { type: T }>,
): Promise<ResponseOf<T>> {
  let reply: unknown;
  try {
    reply = await post(request);
  } catch (error) {
    // Chromium refuses a message over 64 MiB with "Message length exceeded maximum allowed length".
    const tooLarge = error instanceof Error && /length exceeded/i.test(error.message);
    throw new NoReplyError(tooLarge ? 'too-large' : 'no-reply', { cause: error });
  }
  const schema = responseSchemas[request.type] as v.GenericSchema<unknown, ResponseOf<T>>;
  const parsed = v.safeParse(schema, reply);
  if (!parsed.success) throw new NoReplyError('no-reply');
  return parsed.output;
}
