// Real text for the equivalence tests, read at test time from ../shared (never copied into the repo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../lib/text/decode';
import { parseDocument } from '../../lib/cli/dom';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The shared corpus folder: $BAOZHAI_SHARED or ../shared next to the repository. */
export const sharedDir = process.env.BAOZHAI_SHARED ?? resolve(repoRoot, '../shared');
export const hasShared = existsSync(join(sharedDir, 'corpus')) && existsSync(join(sharedDir, 'seeds'));

/** Every corpus page's text content (title, scripts' text and body alike), decoded as the browser would. */
export function readCorpusTexts(): Array<{ id: string; text: string }> {
  const corpus = join(sharedDir, 'corpus');
  return readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(corpus, d.name, 'page.html')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const { text } = decodeHtml(new Uint8Array(readFileSync(join(corpus, id, 'page.html'))));
      // Script and style text is never shown or converted on a page; dropping it before parsing also
      // spares jsdom 28's CSS parser, which throws on some real stylesheets.
      const html = text.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
      const doc = parseDocument(html, 'https://localhost/');
      return { id, text: doc.documentElement.textContent ?? '' };
    });
}

/** The seed captures, as text. */
export function readSeedTexts(): Array<{ id: string; text: string }> {
  const seeds = join(sharedDir, 'seeds');
  return readdirSync(seeds)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => ({ id, text: readFileSync(join(seeds, id), 'utf8') }));
}
