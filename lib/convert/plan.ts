// Which dictionaries each conversion pair chains, mirrored from opencc-js 1.4.2 (dist/esm-lib/preset/full.js
// and ConverterBuilder in core.js). tests/convert/plan.test.ts checks this against opencc-js's own preset.

/** A locale name accepted by opencc-js's `Converter({ from, to })`. */
export type Locale = 'cn' | 'tw' | 'twp' | 'hk' | 'hkp' | 'jp' | 't';

/** Every locale, in a stable order. */
export const LOCALES: readonly Locale[] = ['cn', 'tw', 'twp', 'hk', 'hkp', 'jp', 't'];

/** Dictionaries merged into one longest-match table, first one winning on equal keys. */
export type DictGroup = readonly string[];

export interface ConversionPlan {
  /** Tables applied in turn to the whole text before anything else. */
  normalize: DictGroup[];
  /** Keys that cut the text into segments; each later table converts each segment on its own. */
  segmentation: DictGroup | null;
  /** Tables applied in turn (to each segment when there is a segmentation). */
  chain: DictGroup[];
  /**
   * The segmentation dictionaries are the first chain table minus its character dictionary, so that
   * table's multi-character matches are exactly the segments and one pass does both (see engine.ts).
   */
  fused: boolean;
}

const ST = ['STPhrases', 'STCharacters'];
const TS = ['TSPhrases', 'TSCharacters'];
const ST_FULL = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases', 'STCharacters'];
const ST_SEG = ['STPhrases', 'STPhrases_GeneratedFromRegionalPhrases'];
const COMPAT = [['CJK_Compatibility_Ideographs']];

const FROM: Record<Exclude<Locale, 't'>, DictGroup[]> = {
  cn: [ST],
  hk: [['HKVariantsRevPhrases', 'HKVariantsRev']],
  hkp: [['HKPhrasesRev', 'HKVariantsRevPhrases', 'HKVariantsRev']],
  tw: [['TWVariantsRevPhrases', 'TWVariantsRev']],
  twp: [['TWPhrasesRev', 'TWVariantsRevPhrases', 'TWVariantsRev']],
  jp: [['JPShinjitaiPhrases', 'JPShinjitaiCharacters']],
};

const TO: Record<Exclude<Locale, 't'>, DictGroup[]> = {
  cn: [TS],
  hk: [['HKVariantsPhrases', 'HKVariants']],
  hkp: [['HKPhrases', 'HKVariantsPhrases', 'HKVariants']],
  tw: [['TWVariantsPhrases', 'TWVariants']],
  twp: [['TWPhrases'], ['TWVariantsPhrases', 'TWVariants']],
  jp: [['JPShinjitaiCharactersRev']],
};

const CONFIGS: Record<string, { segmentation?: DictGroup; chain: DictGroup[] }> = {
  hk2s: { segmentation: ['TSPhrases'], chain: [['HKVariantsRevPhrases', 'HKVariantsRev'], TS] },
  hk2sp: {
    segmentation: ['TSPhrases'],
    chain: [['HKPhrasesRev', 'HKVariantsRevPhrases', 'HKVariantsRev'], TS],
  },
  hk2t: { chain: [['HKVariantsRevPhrases', 'HKVariantsRev']] },
  jp2t: { chain: [['JPShinjitaiPhrases', 'JPShinjitaiCharacters']] },
  s2hk: { segmentation: ST_SEG, chain: [ST_FULL, ['HKVariantsPhrases', 'HKVariants']] },
  s2hkp: { segmentation: ST_SEG, chain: [ST_FULL, ['HKPhrases', 'HKVariantsPhrases', 'HKVariants']] },
  s2t: { chain: [ST_FULL] },
  s2tw: { segmentation: ST_SEG, chain: [ST_FULL, ['TWVariantsPhrases', 'TWVariants']] },
  s2twp: { segmentation: ST_SEG, chain: [ST_FULL, ['TWPhrases', 'TWVariantsPhrases', 'TWVariants']] },
  t2hk: { chain: [['HKVariantsPhrases', 'HKVariants']] },
  t2jp: { chain: [['JPShinjitaiCharactersRev']] },
  t2s: { chain: [TS] },
  t2tw: { chain: [['TWVariantsPhrases', 'TWVariants']] },
  tw2s: { segmentation: ['TSPhrases'], chain: [['TWVariantsRevPhrases', 'TWVariantsRev'], TS] },
  tw2sp: {
    segmentation: ['TSPhrases'],
    chain: [['TWPhrasesRev', 'TWVariantsRevPhrases', 'TWVariantsRev'], TS],
  },
  tw2t: { chain: [['TWVariantsRevPhrases', 'TWVariantsRev']] },
};

/** True when opencc-js accepts this name as a locale. */
export function isLocale(name: string): name is Locale {
  return (LOCALES as readonly string[]).includes(name);
}

function nameConfig(from: Locale, to: Locale): string {
  if (from === 'cn') return `s2${to}`;
  if (to === 'cn') {
    if (from === 'hkp') return 'hk2sp';
    return from === 'twp' ? 'tw2sp' : `${from}2s`;
  }
  return `${from}2${to}`;
}

/** The tables opencc-js's Converter({ from, to }) applies, in order. */
export function planConversion(from: Locale, to: Locale): ConversionPlan {
  if (!isLocale(from)) throw new Error(`Unknown \`from\` locale: ${String(from)}`);
  if (!isLocale(to)) throw new Error(`Unknown \`to\` locale: ${String(to)}`);
  const config = CONFIGS[nameConfig(from, to)];
  if (config) {
    const segmentation = config.segmentation ?? null;
    return {
      normalize: COMPAT,
      segmentation,
      chain: config.chain,
      fused: isFusable(segmentation, config.chain[0]),
    };
  }
  const chain: DictGroup[] = [];
  if (from !== 't') chain.push(...FROM[from]);
  if (to !== 't') chain.push(...TO[to]);
  return { normalize: [], segmentation: null, chain, fused: false };
}

// Fusable when the first table is the segmentation dictionaries plus one *Characters dictionary: tests
// check against the real dictionaries that phrase dictionaries hold only multi-character keys and
// character dictionaries only single characters, which is what makes the single pass exact.
function isFusable(segmentation: DictGroup | null, first: DictGroup | undefined): boolean {
  if (!segmentation || !first || first.length !== segmentation.length + 1) return false;
  return (
    segmentation.every((name, i) => first[i] === name) && /Characters$/.test(first[first.length - 1] ?? '')
  );
}

/** The packaged file holding one merged table: `map.` with values, `keys.` for segmentation keys only. */
export function nameTableAsset(group: DictGroup, kind: 'map' | 'keys'): string {
  return `${kind}.${group.join('+')}.txt`;
}

/** Every table asset some pair needs, each once. */
export function listTableAssets(): Array<{ name: string; group: DictGroup; kind: 'map' | 'keys' }> {
  const found = new Map<string, { name: string; group: DictGroup; kind: 'map' | 'keys' }>();
  const add = (group: DictGroup, kind: 'map' | 'keys'): void => {
    const name = nameTableAsset(group, kind);
    if (!found.has(name)) found.set(name, { name, group, kind });
  };
  for (const from of LOCALES) {
    for (const to of LOCALES) {
      const plan = planConversion(from, to);
      for (const group of [...plan.normalize, ...plan.chain]) add(group, 'map');
      if (plan.segmentation && !plan.fused) add(plan.segmentation, 'keys');
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}
