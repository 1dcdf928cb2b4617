// Side-by-side speed check of our extraction against Readability.js on the same jsdom documents
// (the team bench is tests/bench/extract.bench.ts; this one is the quick loop used while tuning):
//   node --expose-gc --import tsx tests/extract/speed.ts
// Ratio pages: the human-truth news pages of ../shared/corpus. Worst case: ours alone on the
// largest corpus pages, the 2 MB one included (limit 1 s). One JSON line per figure.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { decodeHtml } from '../../lib/text/decode.ts';
import { extractArticle } from '../../lib/extract/index.ts';
import { sharedDir } from './shared.ts';

const corpus = path.join(sharedDir, 'corpus');

interface Page {
  id: string;
  html: string;
  url: string;
}

function parse(page: Page): Document {
  const virtualConsole = new VirtualConsole();
  try {
    return new JSDOM(page.html, { url: page.url, virtualConsole }).window.document;
  } catch {
    // jsdom's CSS parser throws on some real stylesheets; both engines get the same document.
    return new JSDOM(page.html.replace(/<style\b[\s\S]*?<\/style>/gi, ''), { url: page.url, virtualConsole }).window.document;
  }
}

// jsdom windows hold their whole tree until closed.
function release(doc: Document): void {
  doc.defaultView?.close();
}

function time(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

function emit(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function readPage(id: string, url: string | null): Page {
  return { id, html: decodeHtml(readFileSync(path.join(corpus, id, 'page.html'))).text, url: url ?? `https://corpus.invalid/${id}/` };
}

if (!existsSync(corpus)) {
  process.stderr.write(`speed: no corpus at ${corpus}\n`);
  process.exit(0);
}
const gc = (globalThis as { gc?: () => void }).gc;
const pages: Page[] = [];
for (const id of readdirSync(corpus).sort()) {
  const truthPath = path.join(corpus, id, 'truth.json');
  if (!existsSync(truthPath)) continue;
  const t = JSON.parse(readFileSync(truthPath, 'utf8')) as { url: string | null; kind: string; truth: { body_quality: string | null } };
  if (t.kind !== 'non-article' && t.truth.body_quality === 'human') pages.push(readPage(id, t.url));
}

for (const page of pages.slice(0, 5)) {
  const a = parse(page);
  extractArticle(a, page.url);
  release(a);
  const b = parse(page);
  new Readability(b).parse();
  release(b);
}

let ours = 0;
let theirs = 0;
for (const page of pages) {
  const a = parse(page);
  gc?.();
  ours += time(() => extractArticle(a, page.url));
  release(a);
  const b = parse(page);
  gc?.();
  theirs += time(() => new Readability(b).parse());
  release(b);
}
emit({ name: `extract: mean time per page, ${pages.length} human-truth news pages (jsdom)`, value: Number((ours / pages.length).toFixed(2)), unit: 'ms', baseline: Number((theirs / pages.length).toFixed(2)), ratio: Number((ours / theirs).toFixed(3)) });

const largest = readdirSync(corpus)
  .filter((id) => existsSync(path.join(corpus, id, 'page.html')))
  .map((id) => ({ id, size: statSync(path.join(corpus, id, 'page.html')).size }))
  .sort((x, y) => y.size - x.size)
  .slice(0, 10);
let worst = 0;
let worstId = '';
for (const { id, size } of largest) {
  const doc = parse(readPage(id, null));
  gc?.();
  const t = time(() => extractArticle(doc, `https://corpus.invalid/${id}/`));
  release(doc);
  if (t > worst) {
    worst = t;
    worstId = `${id}, ${Math.round(size / 1024)} KiB`;
  }
}
emit({ name: `extract: slowest of the ${largest.length} largest corpus pages (${worstId})`, value: Number(worst.toFixed(1)), unit: 'ms' });
