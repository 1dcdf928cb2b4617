// The JSON Schemas are generated from the valibot schemas the code validates with
// (scripts/generate-schema.ts): a committed file that differs is stale. Run `npm run generate:schema`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSchemas } from '../../scripts/generate-schema';

const repoRoot = resolve(import.meta.dirname, '../..');

describe('generated JSON Schemas', () => {
  it('are what generate:schema writes from the valibot schemas', async () => {
    for (const [path, text] of Object.entries(await generateSchemas()))
      expect(readFileSync(resolve(repoRoot, path), 'utf8'), path).toBe(text);
  });
});
