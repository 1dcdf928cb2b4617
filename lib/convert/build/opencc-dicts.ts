// Build-time access to opencc-js's own dictionaries (Node only: the extension never ships these modules).

/** Every dictionary opencc-js 1.4.2 ships in dist/esm-lib/dict. */
export const OPENCC_DICT_NAMES = [
  'CJK_Compatibility_Ideographs',
  'HKPhrases',
  'HKPhrasesRev',
  'HKVariants',
  'HKVariantsPhrases',
  'HKVariantsRev',
  'HKVariantsRevPhrases',
  'JPShinjitaiCharacters',
  'JPShinjitaiCharactersRev',
  'JPShinjitaiPhrases',
  'STCharacters',
  'STPhrases',
  'STPhrases_GeneratedFromRegionalPhrases',
  'TSCharacters',
  'TSPhrases',
  'TWPhrases',
  'TWPhrasesRev',
  'TWVariants',
  'TWVariantsPhrases',
  'TWVariantsRev',
  'TWVariantsRevPhrases',
] as const;

export type OpenccDictName = (typeof OPENCC_DICT_NAMES)[number];

/** Load one opencc-js dictionary in its serialised "src dst|src dst" form. */
export async function readOpenccDict(name: OpenccDictName): Promise<string> {
  // A non-literal specifier: the package exports "./*" without type declarations.
  const specifier = `opencc-js/dict/${name}`;
  const mod = (await import(specifier)) as { default: unknown };
  if (typeof mod.default !== 'string') throw new TypeError(`opencc-js dictionary ${name} is not a string`);
  return mod.default;
}

/** Split a serialised dictionary into [source, replacement] pairs exactly as opencc-js's Trie.loadDict does. */
export function parseOpenccDict(serialised: string): Array<[string, string]> {
  return serialised.split('|').map((line) => {
    const [source, replacement] = line.split(' ');
    if (source === undefined || typeof replacement !== 'string') {
      throw new TypeError(`invalid opencc-js dictionary entry: ${JSON.stringify(line)}`);
    }
    return [source, replacement];
  });
}

/**
 * Merge a dictionary group into one key → value map with opencc-js's precedence: Trie.loadDictGroup
 * loads the group in reverse, so the first dictionary wins, and within one dictionary the last entry wins.
 */
export function mergeDictGroup(dicts: ReadonlyArray<Array<[string, string]>>): Map<string, string> {
  const merged = new Map<string, string>();
  for (const dict of [...dicts].reverse()) {
    for (const [source, replacement] of dict) merged.set(source, replacement);
  }
  return merged;
}
