/** Character counts for CJK text: Han characters, Chinese punctuation, first-person pronouns. */

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
// Sentence punctuation of running Chinese prose; lists and menus rarely carry it.
const PUNCT = /[，。；：！？、“”「」（）《》]/g;
const FIRST_PERSON = /[我你]/g;

/** Count Han characters. */
export function countHan(text: string): number {
  return text.match(HAN)?.length ?? 0;
}

/** Count Chinese sentence punctuation. */
export function countPunct(text: string): number {
  return text.match(PUNCT)?.length ?? 0;
}

/** Count 我 and 你: essays, blogs and forum posts speak in the first and second person, news rarely does. */
export function countFirstPerson(text: string): number {
  return text.match(FIRST_PERSON)?.length ?? 0;
}
