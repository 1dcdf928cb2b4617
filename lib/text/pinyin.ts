// A pinyin syllable carrying a tone mark (ā á ǎ à ...). Plain ASCII in parentheses is left alone:
// it is far more likely to be an abbreviation, "(GDP)", than a conversion artefact.
const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü';
const SYLLABLE = new RegExp(`([\\u3400-\\u9fff\\uf900-\\ufaff])\\(([a-z${TONED}]{1,6})\\)`, 'g');
const HAS_TONE = new RegExp(`[${TONED}]`);

/** Remove pinyin annotations a mirror's script conversion left after Han characters: 協(xié) → 協. */
export function repairPinyin(text: string): string {
  if (!text.includes('(')) return text;
  return text.replace(SYLLABLE, (whole, han: string, syllable: string) =>
    HAS_TONE.test(syllable) ? han : whole,
  );
}
