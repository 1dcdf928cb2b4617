import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus, findFloorBreaches } from './evaluate.ts';
import { repoRoot, resolveSharedRoot } from './corpus.ts';

const corpusDir = join(resolveSharedRoot(), 'corpus');
const floors = JSON.parse(readFileSync(join(repoRoot, 'tests/eval/floors.json'), 'utf8')) as Record<
  string,
  number
>;

describe.skipIf(!existsSync(corpusDir))('evaluation floors on ../shared/corpus (no Readability)', () => {
  it('no figure falls below its floor', async () => {
    const result = await evaluateCorpus({ dir: corpusDir, readability: false });
    expect(result.pages.length).toBeGreaterThan(0);
    expect(findFloorBreaches(result.summary, floors)).toEqual([]);
  }, 900_000);
});
