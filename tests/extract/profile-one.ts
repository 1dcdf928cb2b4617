// Profile helper: extract one corpus page N times (node --cpu-prof --import tsx tests/extract/profile-one.ts ID [N]).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '../../lib/text/decode.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { sharedDir } from './shared.ts';

const [id = '', times = '3'] = process.argv.slice(2);
const html = decodeHtml(readFileSync(path.join(sharedDir, 'corpus', id, 'page.html'))).text.replace(/<style\b[\s\S]*?<\/style>/gi, '');
const doc = new JSDOM(html, { url: 'https://corpus.invalid/', virtualConsole: new VirtualConsole() }).window.document;
for (let i = 0; i < Number(times); i++) {
  const started = performance.now();
  extractArticle(doc, 'https://corpus.invalid/');
  console.log(`${id} run ${i}: ${(performance.now() - started).toFixed(1)} ms`);
}
