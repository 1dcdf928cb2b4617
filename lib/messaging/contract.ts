import * as v from 'valibot';
import { ArticleSchema } from '../article/schema';

/**
 * The one message contract of the extension. Every request names its `type`; its payload is
 * validated at runtime on arrival, and so is every reply the caller reads back.
 */
export const requestSchemas = {
  /** Liveness check, used by the toolbar and the e2e tests. */
  ping: v.strictObject({ type: v.literal('ping') }),
  /** Save (or update) a clipping from the record of the current page; `asPage` when it is no article. */
  save: v.strictObject({
    type: v.literal('save'),
    article: ArticleSchema,
    asPage: v.optional(v.literal(true)),
  }),
  /** Is this page already in the archive? */
  lookup: v.strictObject({
    type: v.literal('lookup'),
    url: v.pipe(v.string(), v.maxLength(2_000)),
    canonicalUrl: v.pipe(v.string(), v.maxLength(2_000)),
    contentHash: v.optional(v.pipe(v.string(), v.maxLength(64))),
  }),
  /** From the popup: run the content script in this tab if it is not there yet (activeTab). */
  activate: v.strictObject({
    type: v.literal('activate'),
    tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
  /** The keys actually bound to our commands (content scripts have no commands API). */
  shortcuts: v.strictObject({ type: v.literal('shortcuts') }),
  /** From a content script: a converter dictionary, read by the background so pages cannot fetch it. */
  dict: v.strictObject({
    type: v.literal('dict'),
    name: v.pipe(v.string(), v.maxLength(200), v.regex(/^[\w.+-]+$/)),
  }),
} as const;

export const RequestSchema = v.variant('type', Object.values(requestSchemas));
export type Request = v.InferOutput<typeof RequestSchema>;
export type RequestType = Request['type'];

export const responseSchemas = {
  ping: v.strictObject({ ok: v.literal(true), version: v.string() }),
  save: v.union([
    v.strictObject({
      ok: v.literal(true),
      id: v.string(),
      created: v.boolean(),
    }),
    v.strictObject({ ok: v.literal(false), error: v.string() }),
  ]),
  lookup: v.strictObject({ saved: v.boolean(), id: v.optional(v.string()) }),
  activate: v.strictObject({ ok: v.boolean() }),
  /** Each command's bound key as the browser shows it; '' when the user or the browser left it unset. */
  shortcuts: v.strictObject({
    'toggle-script': v.pipe(v.string(), v.maxLength(100)),
    'save-page': v.pipe(v.string(), v.maxLength(100)),
  }),
  dict: v.union([
    v.strictObject({ ok: v.literal(true), text: v.string() }),
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
  v.strictObject({ status: v.literal('failed'), error: v.pipe(v.string(), v.maxLength(2_000)) }),
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
