import * as v from 'valibot';
import type { Article } from './record';
import {
  PUBLISHED_AT,
  isValidImageUrl,
  isValidPageUrl,
  isValidText,
  MAX_BLOCKS,
  MAX_PARAGRAPH,
  MAX_SHORT,
} from './valid';

/** Longest paragraph we accept from a message or an imported file (see lib/article/valid.ts). */
export const MAX_TEXT = MAX_PARAGRAPH;

const STRING_MESSAGE = 'contains a NUL byte or a broken (unpaired) surrogate character, or a noncharacter';

/** A string of at most `max` characters that holds only valid text (lib/article/valid.ts). */
export function validText(max: number) {
  return v.pipe(v.string(), v.maxLength(max), v.check(isValidText, STRING_MESSAGE));
}

const shortText = validText(MAX_SHORT);
const longText = validText(MAX_PARAGRAPH);
/** A string field with what it holds, for the generated JSON Schema (scripts/generate-schema.ts). */
const described = <S extends v.GenericSchema<unknown, unknown>>(schema: S, text: string) =>
  v.pipe(schema, v.description(text));
/** Figures may only point at http(s) images; anything else (javascript:, data:) is refused. */
const imageUrl = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT),
  v.regex(/^[hH][tT][tT][pP][sS]?:\/\//, 'image src must be http(s)'),
  v.check(isValidImageUrl, 'image src must be http(s)'),
);
/** A page's address: empty or an absolute http(s)/file URL (never javascript: or data:). */
export const PageUrlSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT),
  v.check(isValidPageUrl, 'must be empty or an http(s) or file URL'),
);

export const BlockSchema = v.variant('type', [
  v.strictObject({
    type: described(v.literal('p'), 'A paragraph.'),
    text: described(longText, 'Its text, whitespace normalised (full-width indentation removed).'),
  }),
  v.strictObject({
    type: described(v.literal('h'), 'An in-body subheading (h2–h4, or a bold-only paragraph).'),
    text: shortText,
  }),
  v.strictObject({
    type: described(v.literal('figure'), 'An image in the body, or a photo caption kept once.'),
    src: v.optional(
      described(
        imageUrl,
        'Absolute http(s) image URL; absent for a caption without its image (plain-text captures).',
      ),
    ),
    caption: v.optional(described(shortText, 'The caption printed next to the image, without its credit.')),
    credit: v.optional(described(shortText, 'The photo credit, e.g. 河北日报记者赵威摄.')),
  }),
]);

/** A structured reason; its key names a message, so it is kept to a message name's characters. */
export const DetectionReasonSchema = v.strictObject({
  about: described(
    v.picklist(['article', 'gov']),
    'The question it bears on: is the page an article, is it government news.',
  ),
  stance: described(v.picklist(['for', 'against']), 'Whether it argues that the answer is yes.'),
  key: described(
    v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z0-9]{0,60}$/)),
    'Message name without its reason_ prefix (public/_locales).',
  ),
  subs: described(v.pipe(v.array(shortText), v.maxLength(9)), "Values for the message's $1, $2 …"),
});

export const DetectionSchema = v.strictObject({
  isArticle: described(v.boolean(), 'One long body with a headline: worth extracting at all.'),
  isGovNews: described(v.boolean(), 'A government / public-affairs news article (score >= 0.5).'),
  score: described(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 'Government-news score.'),
  // Plain strings are the English reasons of clippings saved before reasons were structured.
  reasons: described(
    v.pipe(
      v.array(
        v.union([
          described(
            shortText,
            'An English sentence, as clippings saved before reasons were structured hold.',
          ),
          DetectionReasonSchema,
        ]),
      ),
      v.maxLength(50),
    ),
    'Reasons, strongest first within each question.',
  ),
});

export const PersonSchema = v.strictObject({
  name: described(v.pipe(validText(100), v.minLength(1)), "The name as printed, in the page's script."),
  roles: described(
    v.pipe(v.array(shortText), v.maxLength(50)),
    'Offices as printed, in order of first appearance.',
  ),
  mentions: described(
    v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TEXT)),
    'How often the name is printed in the headline, body and captions.',
  ),
});

export const ArticleSchema = v.strictObject({
  url: described(
    PageUrlSchema,
    "The address the page was read from: for a save, the browser's word for the tab, never the page's ('' for a plain-text capture without one).",
  ),
  canonicalUrl: described(
    PageUrlSchema,
    "The canonical address the page claims (<link rel=canonical>, else og:url, resolved against the page URL); the page URL when it names none. Only a claim: the page's identity is `url`.",
  ),
  siteName: described(
    shortText,
    'og:site_name, else the site suffix of <title> (人民网 in “…--人民网”), else the host name.',
  ),
  title: described(
    shortText,
    'The headline: the heading that best matches <title>/og:title; pinyin annotations removed.',
  ),
  kicker: described(shortText, "引题: the line(s) printed above the headline, '' when none."),
  subtitle: described(
    shortText,
    "副题: the line(s) printed below the headline, joined by a space, '' when none.",
  ),
  originalTitle: described(shortText, "原标题 given by a republishing site, '' when none."),
  publishedAt: described(
    v.pipe(validText(40), v.regex(PUBLISHED_AT, 'must be empty or ISO 8601 with an offset')),
    "ISO 8601 with offset (+08:00 when the page gives none), from the page's own dateline or meta tags, never from neighbouring posts; T00:00:00 when only the day is known; '' when unknown.",
  ),
  source: described(shortText, '来源 / 文章来源: the outlet the text comes from.'),
  authors: described(
    v.pipe(v.array(shortText), v.maxLength(100)),
    'Reporters (记者, 通讯员, 作者), one name per entry where the page separates them.',
  ),
  editors: described(v.pipe(v.array(shortText), v.maxLength(100)), '责编 / 责任编辑, one name per entry.'),
  people: described(
    v.pipe(v.array(PersonSchema), v.maxLength(1_000)),
    'Officials the headline, body and captions name with an office (省委书记、省长某某; 省领导某某、某某; 某某总理), in order of first mention; reporters and editors are never among them.',
  ),
  blocks: described(
    v.pipe(v.array(BlockSchema), v.maxLength(MAX_BLOCKS)),
    'The body in reading order, cleaned of page furniture; metadata lines (dateline, 来源, bylines, 责编) are moved out of it.',
  ),
  script: described(
    v.picklist(['hans', 'hant', 'mixed']),
    'Script of title and body: simplified, traditional or mixed.',
  ),
  detection: described(
    DetectionSchema,
    'How the page was judged: an article or not, government news or not, and why.',
  ),
  extractedAt: described(validText(40), 'ISO 8601 timestamp of the extraction (UTC).'),
  contentHash: described(
    v.pipe(v.string(), v.regex(/^[0-9a-f]{8,64}$/)),
    '32 hex digits: four 32-bit FNV-1a lanes over the body text (p and h blocks joined by newlines) reduced to letters, digits and CJK after NFKC and lower-casing (lib/article/hash.ts).',
  ),
});

// Compile-time check that the runtime schema and the TypeScript record stay the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesRecord: Same<v.InferOutput<typeof ArticleSchema>, Article> = true;
void schemaMatchesRecord;
