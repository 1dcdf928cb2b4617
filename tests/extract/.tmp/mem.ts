import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeHtml } from '/work/main/lib/text/decode.ts';
import { extractArticle } from '/work/main/lib/extract/index.ts';
const corpus = '/work/shared/corpus';
const mode = process.argv[2];
let i = 0;
const t0 = performance.now();
for (const id of readdirSync(corpus).sort()) {
  const tp = `${corpus}/${id}/truth.json`;
  if (!existsSync(tp)) continue;
  const t = JSON.parse(readFileSync(tp, 'utf8'));
  if (t.kind === 'non-article' || t.truth.body_quality !== 'human') continue;
  const html = decodeHtml(readFileSync(`${corpus}/${id}/page.html`)).text.replace(/<style\b[\s\S]*?<\/style>/gi, '');
  const doc = new JSDOM(html, { url: t.url ?? 'https://x.invalid/', virtualConsole: new VirtualConsole() }).window.document;
  const s = performance.now();
  if (mode === 'ours') extractArticle(doc, t.url ?? '');
  const e = performance.now() - s;
  if (mode === 'close') doc.defaultView?.close();
  if (mode === 'ours') doc.defaultView?.close();
  if (++i % 10 === 0) { (globalThis as any).gc?.(); console.log(i, id, e.toFixed(0), (process.memoryUsage().heapUsed / 1e6).toFixed(0), 'MB', ((performance.now() - t0) / 1000).toFixed(1), 's'); }
}
