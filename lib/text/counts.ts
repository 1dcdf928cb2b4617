/** Character counts for CJK text: Han characters, Chinese punctuation, first-person pronouns. */

// Counted by char code, not with String.match: a match array of millions of one-character strings
// took seconds on a 4 MB text node.
// Sentence punctuation of running Chinese prose; lists and menus rarely carry it.
const PUNCT = new Set([...'，。；：！？、“”「」（）《》'].map((c) => c.charCodeAt(0)));
const FIRST_PERSON = new Set([...'我你'].map((c) => c.charCodeAt(0)));

/** Count Han characters. */
export function countHan(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

function countCodes(text: string, codes: ReadonlySet<number>): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (codes.has(text.charCodeAt(i))) n++;
  return n;
}

/** Count Chinese sentence punctuation. */
export function countPunct(text: string): number {
  return countCodes(text, PUNCT);
}

/** Count 我 and 你: essays, blogs and forum posts speak in the first and second person, news rarely does. */
export function countFirstPerson(text: string): number {
  return countCodes(text, FIRST_PERSON);
}
