/**
 * Near-duplicate fingerprints of article bodies: MinHash over character shingles of the body folded
 * to one script, with pinyin annotations, whitespace and punctuation removed, so a mirror in the
 * other script, with pinyin left behind and its own boilerplate, lands near its original.
 */
import type { Article } from '../article/record';
import { bodyText } from '../article/body-text';
import { repairPinyin } from '../text/pinyin';
import type { FoldFn } from './fold';

/** Hash functions in a fingerprint; the similarity of two bodies is the share of equal minima. */
export const MINHASH_SIZE = 64;
/**
 * LSH bands of BAND_ROWS minima each: two bodies share a band when all its minima agree. Two rows
 * in 32 bands make a pair at 0.3 a candidate 95 % of the time, at 0.4 99.5 %.
 */
export const BAND_ROWS = 2;
/** Characters per shingle: four Han characters are about two words. */
export const SHINGLE = 4;
/** A story is told in its first 3,000 characters; reading no further bounds the cost of long bodies. */
export const MAX_FINGERPRINT_CHARS = 3_000;
/**
 * Bodies at least this similar are one story. Chosen on pairs built from the corpus
 * (`npm run eval -- --reprints`): 249 same-story pairs score ≥ 0.29, 5,845 pairs of different
 * stories from the same collections ≤ 0.08.
 */
export const SAME_STORY = 0.2;

/** A body's fingerprint: MINHASH_SIZE unsigned 32-bit minima. */
export type Fingerprint = number[];

// Murmur3's finaliser: a cheap, well-mixed 32-bit permutation.
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const utf16 = new TextDecoder('utf-16le');

// Han ideographs, Latin letters and digits carry a story; punctuation, spaces and symbols do not.
function isKept(c: number): boolean {
  return (
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39)
  );
}

/** The text a fingerprint reads: pinyin removed, folded, letters and digits only. */
export function normaliseForFingerprint(text: string, fold: FoldFn): string {
  const folded = fold(repairPinyin(text));
  const out = new Uint16Array(folded.length);
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if (isKept(c)) out[n++] = c;
  }
  return utf16.decode(out.subarray(0, n));
}

const BIN_BITS = Math.log2(MINHASH_SIZE);
const EMPTY = 0xffffffff;

/**
 * MinHash fingerprint of a text (normalised here), by one-permutation hashing: each shingle is
 * hashed once, its top bits pick one of MINHASH_SIZE bins and the bin keeps its smallest value;
 * empty bins borrow from the next full one (rotation densification). One hash per shingle instead of
 * one per shingle and bin keeps a 5,000-character body under a millisecond.
 */
export function fingerprintText(text: string, fold: FoldFn): Fingerprint {
  const s = normaliseForFingerprint(text.slice(0, MAX_FINGERPRINT_CHARS * 2), fold).slice(
    0,
    MAX_FINGERPRINT_CHARS,
  );
  const mins = new Uint32Array(MINHASH_SIZE).fill(EMPTY);
  const last = Math.max(1, s.length - SHINGLE + 1);
  for (let i = 0; i < last; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + SHINGLE && j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    h = mix(h);
    const bin = h >>> (32 - BIN_BITS);
    const value = h & (0xffffffff >>> BIN_BITS);
    if (value < mins[bin]!) mins[bin] = value;
  }
  const out = Array.from(mins);
  if (!mins.includes(EMPTY)) return out;
  for (let i = 0; i < MINHASH_SIZE; i++) {
    if (mins[i] !== EMPTY) continue;
    for (let step = 1; step < MINHASH_SIZE; step++) {
      const j = (i + step) % MINHASH_SIZE;
      if (mins[j] === EMPTY) continue;
      out[i] = mix(mins[j]! + step * 0x9e3779b9);
      break;
    }
  }
  return out;
}

/** The body a fingerprint is taken of: paragraphs and subheadings, captions left out. */
export function fingerprintBody(article: Pick<Article, 'blocks'>): string {
  return bodyText(article);
}

/** Fingerprint of an article record's body. */
export function fingerprintArticle(article: Pick<Article, 'blocks'>, fold: FoldFn): Fingerprint {
  return fingerprintText(fingerprintBody(article), fold);
}

/** Estimated Jaccard similarity of two bodies' shingles, in [0, 1]. */
export function similarity(a: Fingerprint, b: Fingerprint): number {
  let same = 0;
  for (let k = 0; k < MINHASH_SIZE; k++) if (a[k] === b[k]) same++;
  return same / MINHASH_SIZE;
}

/** The band keys of a fingerprint, indexed so candidates are found without reading every fingerprint. */
export function bandsOf(fp: Fingerprint): string[] {
  const bands: string[] = [];
  for (let b = 0; b < MINHASH_SIZE / BAND_ROWS; b++) {
    let h = b;
    for (let r = 0; r < BAND_ROWS; r++) h = mix(h ^ fp[b * BAND_ROWS + r]!);
    bands.push(`${b.toString(36)}.${h.toString(36)}`);
  }
  return bands;
}
