// The canonical URL has one home (lib/detect/page-url.ts): detection, extraction and the CLI read the
// same claim from the same markup, and none of them lets it replace an address they were given.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, releaseDocument } from '../../lib/cli/dom';
import { extractFile } from '../../lib/cli/commands/extract';
import { extractArticle } from '../../lib/clean/article';
import { measurePage } from '../../lib/detect/features';
import { findCanonicalUrl } from '../../lib/detect/page-url';

const BODY = `<div class="article"><h1>某市召开工作会议</h1>${'<p>会议强调，要着力推进高质量发展，统筹发展和安全，切实解决群众急难愁盼问题。</p>'.repeat(8)}</div>`;
const page = (head: string) =>
  `<!doctype html><html><head><meta charset="utf-8">${head}<title>某市召开工作会议</title></head><body>${BODY}</body></html>`;

// Each case: the head, then the claim read with no page URL, and with the page URL below.
const PAGE_URL = 'https://www.example.gov.cn/xw/2026-11/20/content_1.htm';
const CASES: Array<[string, string, string]> = [
  [
    '<link rel="canonical" href="https://news.example.cn/a.html">',
    'https://news.example.cn/a.html',
    'https://news.example.cn/a.html',
  ],
  // rel is a list of tokens, any case.
  [
    '<link rel="Canonical alternate" href="https://news.example.cn/b.html">',
    'https://news.example.cn/b.html',
    'https://news.example.cn/b.html',
  ],
  [
    '<meta property="og:url" content="https://news.example.cn/c.html">',
    'https://news.example.cn/c.html',
    'https://news.example.cn/c.html',
  ],
  [
    '<meta name="og:url" content=" https://news.example.cn/d.html ">',
    'https://news.example.cn/d.html',
    'https://news.example.cn/d.html',
  ],
  // A relative claim means something only against the page's own address.
  ['<link rel="canonical" href="/xw/e.html">', '', 'https://www.example.gov.cn/xw/e.html'],
  // Not an http(s) page: the next claim, or none.
  [
    '<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example.cn/f.html">',
    'https://news.example.cn/f.html',
    'https://news.example.cn/f.html',
  ],
  ['<link rel="canonical" href="data:text/html,x">', '', ''],
  ['', '', ''],
];

describe('the canonical URL, read once for every stage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baozhai-canonical-'));

  it.each(CASES.map((c, i) => [i, ...c] as const))('case %i', async (i, head, bare, withUrl) => {
    const html = page(head);
    const doc = parseDocument(html, 'https://localhost/');
    try {
      expect(findCanonicalUrl(doc, '')).toBe(bare);
      expect(findCanonicalUrl(doc, PAGE_URL)).toBe(withUrl);
      // Given an address, detection and extraction keep it; the claim is only recorded.
      expect(measurePage(doc, PAGE_URL).url).toBe(PAGE_URL);
      const article = extractArticle(doc, PAGE_URL);
      expect(article.url).toBe(PAGE_URL);
      expect(article.canonicalUrl).toBe(withUrl || PAGE_URL);
      // Without one, detection and the CLI both take the claim.
      if (bare) expect(measurePage(doc, '').url).toBe(bare);
    } finally {
      await releaseDocument(doc);
    }
    const file = join(dir, `case-${i}.html`);
    writeFileSync(file, html);
    const fromCli = await extractFile(file, undefined);
    if (bare) expect(fromCli).toMatchObject({ url: bare, canonicalUrl: bare });
    expect(await extractFile(file, PAGE_URL)).toMatchObject({
      url: PAGE_URL,
      canonicalUrl: withUrl || PAGE_URL,
    });
  });
});
