import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ArticleSchema } from '../../lib/article/schema.ts';
import { extractArticle } from '../../lib/clean/article.ts';
import {
  extractFixture,
  listFixtures,
  pagesDir,
  parseWith,
  readFixture,
  toGolden,
  type DomName,
} from './golden.ts';

const fixtures = listFixtures();
const doms: DomName[] = ['jsdom', 'linkedom'];

describe('golden pages', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5);
  });

  for (const file of fixtures) {
    for (const dom of doms) {
      it(`${file} under ${dom} matches its expected record`, () => {
        const expectedPath = path.join(pagesDir, file.replace(/\.html$/, '.expected.json'));
        // A missing expected file fails: it is written on purpose (npm run write:golden), never by the test.
        expect(existsSync(expectedPath), `${expectedPath} is missing`).toBe(true);
        const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as unknown;
        const article = extractFixture(file, dom);
        expect(v.safeParse(ArticleSchema, article).success).toBe(true);
        expect(toGolden(article)).toEqual(expected);
      });
    }
  }
});

describe('the live document', () => {
  for (const file of fixtures) {
    for (const dom of doms) {
      it(`${file} under ${dom} is not mutated by extraction`, () => {
        const { html, url } = readFixture(file);
        const doc = parseWith(dom, html, url);
        const before = doc.documentElement.outerHTML;
        extractArticle(doc, url, { now: new Date(0) });
        expect(doc.documentElement.outerHTML).toBe(before);
      });
    }
  }
});
