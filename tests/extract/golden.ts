// Golden-page helpers: fixtures in tests/fixtures/pages/*.html, each with its URL in a leading
// `<!-- url: ... -->` comment and its expected record in <name>.expected.json next to it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/clean/article.ts';
import type { Article } from '../../lib/article/record.ts';
import { repoRoot } from './shared.ts';

export const pagesDir = path.join(repoRoot, 'tests/fixtures/pages');
export const FIXED_NOW = new Date('2024-07-01T00:00:00Z');

export type DomName = 'jsdom' | 'linkedom';

/** The record fields a golden file pins: everything but detection (owned by lib/detect) and the timestamp. */
export type Golden = Omit<Article, 'detection' | 'extractedAt'>;

export function listFixtures(): string[] {
  return readdirSync(pagesDir)
    .filter((f) => f.endsWith('.html'))
    .sort();
}

export function readFixture(file: string): { html: string; url: string } {
  const html = readFileSync(path.join(pagesDir, file), 'utf8');
  const url = /<!--\s*url:\s*(\S+)\s*-->/.exec(html)?.[1];
  if (!url) throw new Error(`${file}: no <!-- url: ... --> comment`);
  return { html, url };
}

export function parseWith(dom: DomName, html: string, url: string): Document {
  if (dom === 'jsdom') return new JSDOM(html, { url, virtualConsole: new VirtualConsole() }).window.document;
  return parseHTML(html).document as unknown as Document;
}

export function toGolden(article: Article): Golden {
  const { detection: _detection, extractedAt: _extractedAt, ...rest } = article;
  return rest;
}

export function extractFixture(file: string, dom: DomName): Article {
  const { html, url } = readFixture(file);
  return extractArticle(parseWith(dom, html, url), url, { now: FIXED_NOW });
}
