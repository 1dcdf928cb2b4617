// Shared body of the equivalence tests: our converter against opencc-js's, pair by pair.
import * as OpenCC from 'opencc-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createConverterFactory, LOCALES, type ConvertFn, type Locale } from '../../lib/convert/index';
import { convertMany } from '../../lib/convert/engine';
import { parseOpenccDict, readOpenccDict, OPENCC_DICT_NAMES } from '../../lib/convert/build/opencc-dicts';
import { createNodeDictLoader } from '../../lib/convert/load-node';
import { createRandom, generateText } from './random-text';
import { hasShared, readCorpusTexts, readSeedTexts } from './shared-text';

const RANDOM_CASES = 300;

function findFirstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: ours ${JSON.stringify(a.slice(Math.max(0, i - 10), i + 10))} opencc ${JSON.stringify(b.slice(Math.max(0, i - 10), i + 10))}`;
}

/** All 49 pairs opencc-js accepts, split in two halves so two test files share the work. */
export function listPairs(half: 0 | 1): Array<[Locale, Locale]> {
  const pairs: Array<[Locale, Locale]> = [];
  for (const from of LOCALES) for (const to of LOCALES) pairs.push([from, to]);
  return pairs.filter((_pair, index) => index % 2 === half);
}

/** Check every listed pair on random strings, and on all corpus and seed text when ../shared is present. */
export function describeEquivalence(pairs: ReadonlyArray<[Locale, Locale]>): void {
  const factory = createConverterFactory(createNodeDictLoader());
  let phrases: string[] = [];
  let pages: Array<{ id: string; text: string }> = [];

  beforeAll(async () => {
    const dicts = await Promise.all(
      OPENCC_DICT_NAMES.map(async (name) => parseOpenccDict(await readOpenccDict(name))),
    );
    phrases = dicts.flatMap((dict) => dict.flatMap(([source, target]) => [source, target]));
    if (hasShared) pages = [...readCorpusTexts(), ...readSeedTexts()];
  }, 120_000);

  describe.each(pairs)('%s → %s', (from, to) => {
    let ours: ConvertFn;
    let reference: (text: string) => string;

    beforeAll(async () => {
      ours = await factory.get(from, to);
      reference = OpenCC.Converter({ from, to });
    }, 60_000);

    it('matches opencc-js on random strings mixing CJK, ASCII, emoji, IDS and lone surrogates', () => {
      const random = createRandom(
        from.length * 977 + to.length * 31 + from.charCodeAt(0) * 7 + to.charCodeAt(0),
      );
      for (let n = 0; n < RANDOM_CASES; n++) {
        const text = generateText(random, phrases);
        const got = ours(text);
        const want = reference(text);
        if (got !== want) expect.fail(`case ${n} ${JSON.stringify(text)}: ${findFirstDifference(got, want)}`);
      }
    });

    it('converts texts batched into one call exactly as each alone, whatever their neighbours', () => {
      const random = createRandom(from.charCodeAt(0) * 131 + to.charCodeAt(0) * 17 + to.length);
      // Edges a separator could disturb: a description sequence missing its parts (it must not take
      // the next text's), split surrogate pairs, empty texts, a phrase cut in two, the separator itself.
      const edges = [
        '⿰',
        '车两',
        '⿱⿰',
        '\ud840',
        '\udc00',
        '',
        '',
        '软',
        '件',
        'a\u0002b',
        '⿺辶',
        '头发',
      ];
      const texts = [...edges];
      for (let n = 0; n < RANDOM_CASES; n++) texts.push(generateText(random, phrases).slice(0, 1 + (n % 40)));
      const alone = texts.map((text) => ours(text));
      expect(convertMany(ours, texts)).toEqual(alone);
      expect(alone).toEqual(texts.map((text) => reference(text)));
    });

    it.skipIf(!hasShared)(
      'matches opencc-js on every corpus page and seed',
      () => {
        expect(pages.length).toBeGreaterThan(300);
        let changed = 0;
        for (const { id, text } of pages) {
          const got = ours(text);
          const want = reference(text);
          if (got !== want) expect.fail(`${id}: ${findFirstDifference(got, want)}`);
          if (got !== text) changed++;
        }
        // Guards against a vacuous pass where neither side converts anything.
        if (from === 'cn' || to === 'cn') expect(changed).toBeGreaterThan(0);
      },
      120_000,
    );
  });
}
