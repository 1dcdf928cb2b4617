import * as v from 'valibot';
import { ArticleSchema } from '../article/schema';
import { MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../archive/save';
import type { Clipping } from '../archive/types';

/** The `format` of an exported file; anything else is not ours. */
export const CLIPPINGS_FORMAT = 'baozhai-clippings';
/** The format version this build writes and the newest it reads. */
export const CLIPPINGS_VERSION = 2;
/** Most clippings one file may carry (a generous multiple of a large archive). */
export const MAX_IMPORT_CLIPPINGS = 100_000;

// NUL, non-characters and unpaired surrogates break storage round trips and text rendering; a real
// page never needs them. The cheap scan runs first: most text has none of these code units at all.
// eslint-disable-next-line no-control-regex -- finding NUL is the point of this pattern
const SUSPECT = /[\u0000\uD800-\uDFFF\uFFFE\uFFFF]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function isCleanString(value: string): boolean {
  if (!SUSPECT.test(value)) return true;
  return !value.includes('\u0000') && !/[\uFFFE\uFFFF]/.test(value) && !LONE_SURROGATE.test(value);
}

function findBadString(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return isCleanString(value) ? undefined : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadString(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findBadString(inner, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return undefined;
}

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const tag = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(MAX_TAG_LENGTH),
  v.regex(/^[^\p{Cc}\p{Cf}]+$/u, 'tags may not hold control or format characters'),
);

/** One exported clipping: the article record plus id, times, tags and note. */
export const ClippingSchema = v.pipe(
  v.strictObject({
    ...ArticleSchema.entries,
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'id must be 1–100 letters, digits, "-" or "_"')),
    savedAt: epochMs,
    updatedAt: epochMs,
    tags: v.pipe(v.array(tag), v.maxLength(MAX_TAGS)),
    note: v.pipe(v.string(), v.maxLength(MAX_NOTE_LENGTH)),
    asPage: v.optional(v.literal(true)),
  }),
  v.check((c) => c.updatedAt >= c.savedAt, 'updatedAt is earlier than savedAt'),
  v.check(
    (c) => findBadString(c, '') === undefined,
    'contains a NUL byte or a broken (unpaired) surrogate character',
  ),
);

// Compile-time check that an imported clipping is exactly the stored shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesClipping: Same<v.InferOutput<typeof ClippingSchema>, Clipping> = true;
void schemaMatchesClipping;

/** The exported file, as written by exportClippings. */
export interface ClippingsFile {
  format: typeof CLIPPINGS_FORMAT;
  version: typeof CLIPPINGS_VERSION;
  /** ISO 8601 UTC time of the export. */
  exportedAt: string;
  clippings: Clipping[];
}
