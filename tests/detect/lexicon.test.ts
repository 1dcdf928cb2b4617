import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderLexicon } from '../../scripts/generate-lexicon.ts';
import { OFFICE, POLITICAL } from '../../lib/detect/lexicon.ts';

describe('detection lexicon', () => {
  it('lexicon.ts is what opencc-js generates from lexicon-source.ts', () => {
    const onDisk = readFileSync(new URL('../../lib/detect/lexicon.ts', import.meta.url), 'utf8');
    expect(onDisk).toBe(renderLexicon());
  });

  it('holds both scripts of the same office', () => {
    for (const [hans, hant] of [
      ['国务院', '國務院'],
      ['书记', '書記'],
      ['县委', '縣委'],
    ] as const) {
      expect(OFFICE).toContain(hans);
      expect(OFFICE).toContain(hant);
    }
    expect(POLITICAL).toContain('贯彻落实');
    expect(POLITICAL).toContain('貫徹落實');
  });
});
