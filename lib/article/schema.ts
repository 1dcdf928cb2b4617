import * as v from 'valibot';
import type { Article } from './record';
import { isValidImageUrl, isValidPageUrl, isValidText, MAX_BLOCKS, MAX_PARAGRAPH, MAX_SHORT } from './valid';

/** Longest paragraph we accept from a message or an imported file (see lib/article/valid.ts). */
export const MAX_TEXT = MAX_PARAGRAPH;

const STRING_MESSAGE = 'contains a NUL byte or a broken (unpaired) surrogate character, or a noncharacter';

/** A string of at most `max` characters that holds only valid text (lib/article/valid.ts). */
export function validText(max: number) {
  return v.pipe(v.string(), v.maxLength(max), v.check(isValidText, STRING_MESSAGE));
}

const shortText = validText(MAX_SHORT);
const longText = validText(MAX_PARAGRAPH);
/** Figures may only point at http(s) images; anything else (javascript:, data:) is refused. */
const imageUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT),
  v.check(isValidImageUrl, 'image src must be http(s)'),
);
/** A page's address: empty or an absolute http(s)/file URL (never javascript: or data:). */
export const PageUrlSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT),
  v.check(isValidPageUrl, 'must be empty or an http(s) or file URL'),
);

export const BlockSchema = v.variant('type', [
  v.strictObject({ type: v.literal('p'), text: longText }),
  v.strictObject({ type: v.literal('h'), text: shortText }),
  v.strictObject({
    type: v.literal('figure'),
    src: v.optional(imageUrl),
    caption: v.optional(shortText),
    credit: v.optional(shortText),
  }),
]);

export const DetectionSchema = v.strictObject({
  isArticle: v.boolean(),
  isGovNews: v.boolean(),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  reasons: v.pipe(v.array(shortText), v.maxLength(50)),
});

export const PersonSchema = v.strictObject({
  name: v.pipe(validText(100), v.minLength(1)),
  roles: v.pipe(v.array(shortText), v.maxLength(50)),
  mentions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TEXT)),
});

export const ArticleSchema = v.strictObject({
  url: PageUrlSchema,
  canonicalUrl: PageUrlSchema,
  siteName: shortText,
  title: shortText,
  kicker: shortText,
  subtitle: shortText,
  originalTitle: shortText,
  publishedAt: validText(40),
  source: shortText,
  authors: v.pipe(v.array(shortText), v.maxLength(100)),
  editors: v.pipe(v.array(shortText), v.maxLength(100)),
  people: v.pipe(v.array(PersonSchema), v.maxLength(1_000)),
  blocks: v.pipe(v.array(BlockSchema), v.maxLength(MAX_BLOCKS)),
  script: v.picklist(['hans', 'hant', 'mixed']),
  detection: DetectionSchema,
  extractedAt: validText(40),
  contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{8,64}$/)),
});

// Compile-time check that the runtime schema and the TypeScript record stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesRecord: Same<v.InferOutput<typeof ArticleSchema>, Article> = true;
void schemaMatchesRecord;
