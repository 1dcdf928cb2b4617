import * as v from 'valibot';
import { ArticleSchema, validText } from '../article/schema';
import { isValidTag, MAX_NOTE_LENGTH, MAX_TAG_LENGTH, MAX_TAGS } from '../article/valid';
import type { Clipping } from '../archive/types';

/** The `format` of an exported file; anything else is not ours. */
export const CLIPPINGS_FORMAT = 'baozhai-clippings';
/** The format version this build writes and the newest it reads. */
export const CLIPPINGS_VERSION = 2;
/** Most clippings one file may carry (a generous multiple of a large archive). */
export const MAX_IMPORT_CLIPPINGS = 100_000;

const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));
const tag = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(MAX_TAG_LENGTH),
  v.check(isValidTag, 'tags are trimmed, one space between words, without control characters'),
);

/** One exported clipping: the article record plus id, times, tags and note. */
export const ClippingSchema = v.pipe(
  v.strictObject({
    ...ArticleSchema.entries,
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,100}$/, 'id must be 1–100 letters, digits, "-" or "_"')),
    savedAt: v.pipe(epochMs, v.description('When first saved, epoch milliseconds.')),
    updatedAt: v.pipe(
      epochMs,
      v.description('Last change (re-save, tags, note), epoch milliseconds; not before savedAt.'),
    ),
    tags: v.pipe(
      v.array(tag),
      v.maxLength(MAX_TAGS),
      v.description('Trimmed, one space between words, no control characters.'),
    ),
    note: validText(MAX_NOTE_LENGTH),
    asPage: v.optional(
      v.pipe(
        v.literal(true),
        v.description("Saved on the reader's word although the page is not an article; absent for articles."),
      ),
    ),
  }),
  v.check((c) => c.updatedAt >= c.savedAt, 'updatedAt is earlier than savedAt'),
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
