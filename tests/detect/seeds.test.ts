import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../lib/article/record.ts';
import { detectPage } from '../../lib/detect/index.ts';
import { resolveSharedRoot } from '../eval/corpus.ts';
import { draftFromText } from '../eval/fallback-draft.ts';

const seedsDir = join(resolveSharedRoot(), 'seeds');
const seeds = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

type FromText = (text: string, url: string) => ArticleDraft | Promise<ArticleDraft>;

/** The extractor's plain-text path when it exists, else a minimal draft (title line, one block per line). */
async function loadFromText(): Promise<FromText> {
  const spec = '../../lib/clean/article.ts';
  try {
    const mod = (await import(spec)) as { extractFromText?: FromText };
    if (typeof mod.extractFromText === 'function') return mod.extractFromText;
  } catch {
    // The extractor is built in parallel; detection must not wait for it.
  }
  return draftFromText;
}

describe.skipIf(seeds.length === 0)('seeds (plain-text captures of government news)', () => {
  it.each(seeds)('%s is detected as government news', async (file) => {
    const fromText = await loadFromText();
    const draft = await fromText(readFileSync(join(seedsDir, file), 'utf8'), '');
    const detection = detectPage(null, '', draft);
    const keys = detection.reasons.map((r) => (typeof r === 'string' ? r : r.key));
    expect(detection.isGovNews, keys.join('; ')).toBe(true);
    expect(keys).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(officeDensity|officialAct|organSubject)$/)]),
    );
  });
});
