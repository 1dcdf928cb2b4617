/** Whitespace normalisation shared by DOM and plain-text extraction. */

// Full-width spaces, no-break spaces, zero-width characters and ideographic indentation.
const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]+/g;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Collapse stray and full-width whitespace in one line of text, trimming both ends. */
export function normalizeLine(text: string): string {
  return text
    .replace(ZERO_WIDTH, '')
    .replace(SPACES, ' ')
    .replace(/[\r\n]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** A comparison key for a line: letters, digits and CJK only, lower-cased. */
export function keyOf(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
