import { parseDate } from '../text/date';
import type { Article, Block } from './record';

/**
 * The one definition of a valid stored string, tag and URL. The message contract, saving, tag
 * editing and import all use these, so whatever the archive accepts it can also export and import.
 * A value is valid when normalising leaves it unchanged: text from pages and from the reader is
 * normalised on the way in, and never refused after the fact.
 */

/** Longest short field (title, source, URL, author...) in characters. */
export const MAX_SHORT = 2_000;
/** Longest paragraph: one long law or report can be a single paragraph of this many characters. */
export const MAX_PARAGRAPH = 2_000_000;
/** Most blocks in one article (a long law or yearbook has tens of thousands of paragraphs). */
export const MAX_BLOCKS = 100_000;
/** Most characters in all of an article's blocks together; past this a page is not an article. */
export const MAX_ARTICLE_TEXT = 20_000_000;
/** Longest tag, most tags, longest note. */
export const MAX_TAG_LENGTH = 100;
export const MAX_TAGS = 50;
export const MAX_NOTE_LENGTH = 20_000;

// Noncharacters U+nFFFE and U+nFFFF of every plane above the first.
const PLANE_ENDS = Array.from({ length: 16 }, (_, i) => {
  const plane = (i + 1).toString(16).toUpperCase();
  return `\\u{${plane}FFFE}\\u{${plane}FFFF}`;
}).join('');
// With the u flag a surrogate range matches only unpaired surrogates: a pair is one code point.
const BAD_CLASS = `[\\u0000\\uD800-\\uDFFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF${PLANE_ENDS}]`;
const BAD = new RegExp(BAD_CLASS, 'u');
const BAD_ALL = new RegExp(BAD_CLASS, 'gu');
// Cheap first look: most text holds none of these code units at all.
// eslint-disable-next-line no-control-regex -- finding NUL is the point of this pattern
const SUSPECT = /[\u0000\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF]/;

/** Remove NUL, unpaired surrogates and noncharacters: they break storage round trips and rendering. */
export function normaliseText(text: string): string {
  return SUSPECT.test(text) ? text.replace(BAD_ALL, '') : text;
}

/** True when the text holds no NUL, unpaired surrogate or noncharacter. */
export function isValidText(text: string): boolean {
  return !SUSPECT.test(text) || !BAD.test(text);
}

/** Normalise, then cut to at most `max` UTF-16 units without splitting a surrogate pair. */
export function clampText(text: string, max: number): string {
  const clean = normaliseText(text);
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

// Controls, line and paragraph separators and whitespace runs become one space in a tag; format
// characters (ZWJ in emoji, ZWNJ, soft hyphen, RLM) stay: they are part of how words are written.
const TAG_SPACE = /[\p{Cc}\p{Zl}\p{Zp}\s]+/gu;

/** A tag as stored: valid text, one space between words, trimmed (may be '' or too long). */
export function normaliseTag(tag: string): string {
  return normaliseText(tag).replace(TAG_SPACE, ' ').trim();
}

/** True for a tag the archive keeps: normalised, 1–MAX_TAG_LENGTH characters. */
export function isValidTag(tag: string): boolean {
  return tag.length > 0 && tag.length <= MAX_TAG_LENGTH && normaliseTag(tag) === tag;
}

/** True for a note the archive keeps. */
export function isValidNote(note: string): boolean {
  return note.length <= MAX_NOTE_LENGTH && isValidText(note);
}

/** A publication time as the record keeps it: ISO 8601 with an offset, seconds included, or '' when unknown. */
export const PUBLISHED_AT = /^$|^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

/**
 * A publication time in the one form records keep (ISO 8601 with an offset, or ''), from whatever a
 * page or an older file wrote: "2023-12-01" or "2023-12-01T06:43:00.000Z" is read as extraction reads
 * a page's date; what no reading understands is unknown (''), never a reason to refuse the record.
 */
export function normalisePublishedAt(value: string): string {
  if (PUBLISHED_AT.test(value)) return value;
  // A machine-written time keeps its own offset (06:43Z is not 06:43 in Beijing); only the fraction goes.
  const iso = ISO_WITH_FRACTION.exec(value);
  return iso ? `${iso[1]}${iso[2]}` : parseDate(value.slice(0, 40));
}

const ISO_WITH_FRACTION = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.\d{1,9}(Z|[+-]\d{2}:\d{2})$/;

// Schemes a page (and so a clipping) may have: javascript:, data: and extension pages are not pages.
const PAGE_SCHEMES = new Set(['http:', 'https:', 'file:']);

/** True for a clipping's URL: empty (unknown) or an absolute http(s)/file URL of valid text. */
export function isValidPageUrl(url: string): boolean {
  if (url === '') return true;
  if (url.length > MAX_SHORT || !isValidText(url)) return false;
  return PAGE_SCHEMES.has(parseUrl(url)?.protocol ?? '');
}

/** A page URL as stored: kept when valid, else its parsed form when that is valid, else ''. */
export function normalisePageUrl(url: string): string {
  if (isValidPageUrl(url)) return url;
  const href = parseUrl(normaliseText(url).trim())?.href ?? '';
  return isValidPageUrl(href) ? href : '';
}

/** True for a figure's image address: http(s) only (never javascript: or data:). */
export function isValidImageUrl(src: string): boolean {
  return src.length <= MAX_SHORT && /^https?:\/\//i.test(src) && isValidText(src);
}

/** The URL without its #fragment: the fragment names a place in a page, not another page. */
export function stripFragment(url: string): string {
  const at = url.indexOf('#');
  return at === -1 ? url : url.slice(0, at);
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/**
 * An article as the archive keeps it: every string normalised and cut to its limit, bad URLs
 * emptied, a figure's non-http(s) image dropped, blocks past the limits left out. Pages are
 * hostile and odd; what they give is cleaned here, so a save is never refused for its content.
 */
export function normaliseArticle(article: Article): Article {
  const short = (text: string) => clampText(text, MAX_SHORT);
  const blocks: Block[] = [];
  let budget = MAX_ARTICLE_TEXT;
  for (const block of article.blocks.slice(0, MAX_BLOCKS)) {
    if (budget <= 0) break;
    if (block.type === 'figure') {
      const figure: Block = { type: 'figure' };
      if (block.src !== undefined && isValidImageUrl(block.src)) figure.src = block.src;
      if (block.caption !== undefined) figure.caption = short(block.caption);
      if (block.credit !== undefined) figure.credit = short(block.credit);
      blocks.push(figure);
      continue;
    }
    const text = clampText(block.text, Math.min(block.type === 'p' ? MAX_PARAGRAPH : MAX_SHORT, budget));
    budget -= text.length;
    blocks.push({ type: block.type, text });
  }
  const score = Number.isFinite(article.detection.score) ? article.detection.score : 0;
  return {
    ...article,
    url: normalisePageUrl(article.url),
    canonicalUrl: normalisePageUrl(article.canonicalUrl),
    siteName: short(article.siteName),
    title: short(article.title),
    kicker: short(article.kicker),
    subtitle: short(article.subtitle),
    originalTitle: short(article.originalTitle),
    publishedAt: normalisePublishedAt(article.publishedAt),
    source: short(article.source),
    authors: article.authors.slice(0, 100).map(short),
    editors: article.editors.slice(0, 100).map(short),
    people: article.people
      .slice(0, 1_000)
      .map((person) => ({
        name: clampText(person.name, 100),
        roles: person.roles.slice(0, 50).map(short),
        mentions: Math.min(MAX_PARAGRAPH, Math.max(0, Math.floor(person.mentions) || 0)),
      }))
      .filter((person) => person.name !== ''),
    blocks,
    detection: {
      ...article.detection,
      score: Math.min(1, Math.max(0, score)),
      reasons: article.detection.reasons
        .slice(0, 50)
        .map((r) => (typeof r === 'string' ? short(r) : { ...r, subs: r.subs.slice(0, 9).map(short) })),
    },
    extractedAt: clampText(article.extractedAt, 40),
  };
}
