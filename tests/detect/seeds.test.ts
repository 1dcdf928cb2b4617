import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../lib/detect/index.ts';
import { resolveSharedRoot } from '../eval/corpus.ts';
import { extractFromText } from '../../lib/clean/article.ts';

const seedsDir = join(resolveSharedRoot(), 'seeds');
const seeds = existsSync(seedsDir)
  ? readdirSync(seedsDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];

describe.skipIf(seeds.length === 0)('seeds (plain-text captures of government news)', () => {
  it.each(seeds)('%s is detected as government news', (file) => {
    const draft = extractFromText(readFileSync(join(seedsDir, file), 'utf8'));
    const detection = detectPage(null, '', draft);
    const keys = detection.reasons.map((r) => (typeof r === 'string' ? r : r.key));
    expect(detection.isGovNews, keys.join('; ')).toBe(true);
    expect(keys).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(officeDensity|officialAct|organSubject)$/)]),
    );
  });
});
