import * as v from 'valibot';
import type { Article } from './record';

/** Longest string field we accept from a message or an imported file (a long article is ~100k chars). */
export const MAX_TEXT = 200_000;
const MAX_SHORT = 2_000;

const shortText = v.pipe(v.string(), v.maxLength(MAX_SHORT));
const longText = v.pipe(v.string(), v.maxLength(MAX_TEXT));
/** Figures may only point at http(s) images; anything else (javascript:, data:) is refused. */
const imageUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT),
  v.regex(/^https?:\/\//i, 'image src must be http(s)'),
);
const pageUrl = v.pipe(v.string(), v.maxLength(MAX_SHORT));

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
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  roles: v.pipe(v.array(shortText), v.maxLength(50)),
  mentions: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TEXT)),
});

export const ArticleSchema = v.strictObject({
  url: pageUrl,
  canonicalUrl: pageUrl,
  siteName: shortText,
  title: shortText,
  kicker: shortText,
  subtitle: shortText,
  originalTitle: shortText,
  publishedAt: v.pipe(v.string(), v.maxLength(40)),
  source: shortText,
  authors: v.pipe(v.array(shortText), v.maxLength(100)),
  editors: v.pipe(v.array(shortText), v.maxLength(100)),
  people: v.pipe(v.array(PersonSchema), v.maxLength(1_000)),
  blocks: v.pipe(v.array(BlockSchema), v.maxLength(5_000)),
  script: v.picklist(['hans', 'hant', 'mixed']),
  detection: DetectionSchema,
  extractedAt: v.pipe(v.string(), v.maxLength(40)),
  contentHash: v.pipe(v.string(), v.regex(/^[0-9a-f]{8,64}$/)),
});

// Compile-time check that the runtime schema and the TypeScript record stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesRecord: Same<v.InferOutput<typeof ArticleSchema>, Article> = true;
void schemaMatchesRecord;
