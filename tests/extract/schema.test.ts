import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFixture } from './golden.ts';
import { repoRoot } from './shared.ts';

interface JsonSchema {
  required: string[];
  properties: Record<string, { pattern?: string; enum?: string[] }>;
}

const schema = JSON.parse(
  readFileSync(path.join(repoRoot, 'lib/article/article.schema.json'), 'utf8'),
) as JsonSchema;

describe('article.schema.json', () => {
  it('documents exactly the fields a record has, all required', () => {
    const article = extractFixture('people-rm-txt.html', 'jsdom');
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(article).sort());
    expect([...schema.required].sort()).toEqual(Object.keys(article).sort());
  });

  it('accepts the dates and hashes the extractor writes', () => {
    const article = extractFixture('xinhua-detail.html', 'jsdom');
    expect(article.publishedAt).toMatch(new RegExp(schema.properties.publishedAt?.pattern ?? '^$'));
    expect(article.contentHash).toMatch(new RegExp(schema.properties.contentHash?.pattern ?? '^$'));
    expect(schema.properties.script?.enum).toContain(article.script);
  });
});
