// Profile helper: extract every human-truth news page (node --cpu-prof --import tsx tests/extract/profile-corpus.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../lib/text/decode.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { sharedDir } from './shared.ts';

const corpus = path.join(sharedDir, 'corpus');
const docs: { doc: Document; url: string }[] = [];
for (const id of readdirSync(corpus).sort()) {
  const truthPath = path.join(corpus, id, 'truth.json');
  if (!existsSync(truthPath)) continue;
  const t = JSON.parse(readFileSync(truthPath, 'utf8')) as { url: string | null; kind: string; truth: { body_quality: string | null } };
  if (t.kind === 'non-article' || t.truth.body_quality !== 'human') continue;
  const html = decodeHtml(readFileSync(path.join(corpus, id, 'page.html'))).text.replace(/<style\b[\s\S]*?<\/style>/gi, '');
  docs.push({ doc: new JSDOM(html, { url: t.url ?? 'https://corpus.invalid/', virtualConsole: new VirtualConsole() }).window.document, url: t.url ?? '' });
}
const started = performance.now();
for (const { doc, url } of docs) extractArticle(doc, url);
console.log(`${docs.length} pages in ${(performance.now() - started).toFixed(0)} ms`);
