// Time our own steps apart from detection on one page (node --import tsx tests/extract/profile-parts.ts ID).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../lib/text/decode.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { detectPage } from '../../lib/detect/index.ts';
import { sharedDir } from './shared.ts';

const [id = ''] = process.argv.slice(2);
const html = decodeHtml(readFileSync(path.join(sharedDir, 'corpus', id, 'page.html'))).text.replace(/<style\b[\s\S]*?<\/style>/gi, '');
const doc = new JSDOM(html, { url: 'https://corpus.invalid/', virtualConsole: new VirtualConsole() }).window.document;
for (let i = 0; i < 3; i++) {
  let started = performance.now();
  const article = extractArticle(doc, 'https://corpus.invalid/');
  const all = performance.now() - started;
  started = performance.now();
  detectPage(doc, 'https://corpus.invalid/', article);
  const detect = performance.now() - started;
  console.log(`${id} run ${i}: extractArticle ${all.toFixed(1)} ms, of which detectPage ≈ ${detect.toFixed(1)} ms`);
}
