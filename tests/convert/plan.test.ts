import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import {
  OPENCC_DICT_NAMES,
  parseOpenccDict,
  readOpenccDict,
  type OpenccDictName,
} from '../../lib/convert/build/opencc-dicts';
import { LOCALES, listTableAssets, planConversion, type DictGroup } from '../../lib/convert/plan';

type Preset = {
  from: Record<string, string[][]>;
  to: Record<string, string[][]>;
  configs: Record<
    string,
    { normalizationChain?: string[][]; segmentation?: string[]; conversionChain: string[][] }
  >;
};

describe('planConversion', () => {
  it("mirrors opencc-js's preset: same dictionaries, same order, for every pair", async () => {
    const byText = new Map<string, string>();
    for (const name of OPENCC_DICT_NAMES) byText.set(await readOpenccDict(name), name);
    const preset = OpenCC.Locale as unknown as Preset;
    const name = (groups: string[][]): DictGroup[] => groups.map((g) => g.map((d) => byText.get(d) ?? '?'));
    const configName = (from: string, to: string): string =>
      from === 'cn'
        ? `s2${to}`
        : to === 'cn'
          ? from === 'hkp'
            ? 'hk2sp'
            : from === 'twp'
              ? 'tw2sp'
              : `${from}2s`
          : `${from}2${to}`;
    let configured = 0;
    for (const from of LOCALES) {
      for (const to of LOCALES) {
        const config = preset.configs[configName(from, to)];
        const plan = planConversion(from, to);
        if (config) {
          configured++;
          expect(plan.normalize).toEqual(name(config.normalizationChain ?? []));
          expect(plan.segmentation).toEqual(config.segmentation ? name([config.segmentation])[0] : null);
          expect(plan.chain).toEqual(name(config.conversionChain));
        } else {
          const groups = [
            ...(from === 't' ? [] : (preset.from[from] ?? [])),
            ...(to === 't' ? [] : (preset.to[to] ?? [])),
          ];
          expect(plan).toEqual({ normalize: [], segmentation: null, chain: name(groups), fused: false });
        }
      }
    }
    expect(configured).toBe(Object.keys(preset.configs).length);
  });

  it('fuses segmentation only where the dictionaries make the single pass exact', async () => {
    const isIds = (key: string): boolean => /^[\u2ff0-\u2fff]/.test(key);
    let fusedPairs = 0;
    for (const from of LOCALES) {
      for (const to of LOCALES) {
        const plan = planConversion(from, to);
        if (!plan.fused) continue;
        fusedPairs++;
        const [first] = plan.chain;
        expect(first?.slice(0, -1)).toEqual(plan.segmentation);
        for (const name of first ?? []) {
          const keys = parseOpenccDict(await readOpenccDict(name as OpenccDictName)).map(([key]) => key);
          const single = keys.filter((key) => [...key].length === 1);
          // Phrase dictionaries: only multi-character keys; the character dictionary: only single ones.
          if (plan.segmentation?.includes(name)) expect(single).toEqual([]);
          else expect(single.length).toBe(keys.length);
          expect(keys.filter(isIds)).toEqual([]);
        }
      }
    }
    expect(fusedPairs).toBe(4);
  });

  it('rejects names opencc-js rejects', () => {
    expect(() => planConversion('cn', 'xx' as 'cn')).toThrow(/Unknown `to` locale/);
    expect(() => OpenCC.Converter({ from: 'cn', to: 'xx' })).toThrow(/Unknown `to` locale/);
  });

  it('lists each table asset once, the segmentation keys apart from the replacement maps', () => {
    const names = listTableAssets().map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('keys.TSPhrases.txt');
    // The simplified → traditional segmentation is fused into its first table and never shipped apart.
    expect(names).not.toContain('keys.STPhrases+STPhrases_GeneratedFromRegionalPhrases.txt');
    expect(names).toContain('map.STPhrases+STPhrases_GeneratedFromRegionalPhrases+STCharacters.txt');
  });
});
