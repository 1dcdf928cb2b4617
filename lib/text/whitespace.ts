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

const KEY_CHAR = /^[\p{L}\p{N}]$/u;
// KEY_CHAR's answer per BMP code unit, filled as met (0 unknown, 1 kept, 2 dropped): the pattern run
// over every line of a long body (\p classes under the u flag) was a third of its cleaning.
const KEY_SEEN = new Uint8Array(0x10000);

/** A comparison key for a line: letters, digits and CJK only, lower-cased. */
export function keyOf(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let width = 1;
    let keep: boolean;
    if (c >= 0xd800 && c <= 0xdbff && (lower.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // An astral character is tested whole; a lone surrogate is dropped like other non-letters.
      width = 2;
      keep = KEY_CHAR.test(lower.slice(i, i + 2));
    } else {
      let seen = KEY_SEEN[c];
      if (!seen) KEY_SEEN[c] = seen = KEY_CHAR.test(lower[i] ?? '') ? 1 : 2;
      keep = seen === 1;
    }
    if (!keep) {
      out += lower.slice(from, i);
      from = i + width;
    }
    i += width - 1;
  }
  return from === 0 ? lower : out + lower.slice(from);
}
