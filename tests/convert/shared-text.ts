// Real text for the equivalence tests, read at test time from ../shared (never copied into the repo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { decodeHtml } from '../../lib/text/decode';

type ParentNode = DefaultTreeAdapterMap['parentNode'];
type ChildNode = DefaultTreeAdapterMap['childNode'];

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

/** The shared folder: $BAOZHAI_SHARED or ../shared next to the repository. */
export const sharedDir = process.env.BAOZHAI_SHARED ?? resolve(repoRoot, '../shared');
export const hasShared = existsSync(join(sharedDir, 'corpus')) && existsSync(join(sharedDir, 'seeds'));

// The page's text nodes in document order, as textContent gives them, minus script and style (never
// shown, never converted). parse5 is jsdom's own parser; jsdom's full DOM takes minutes on this corpus.
function collectText(node: ParentNode | ChildNode, out: string[]): void {
  if (node.nodeName === '#text' && 'value' in node) out.push(node.value);
  if (node.nodeName === 'script' || node.nodeName === 'style') return;
  const children =
    node.nodeName === 'template' && 'content' in node
      ? node.content.childNodes
      : 'childNodes' in node
        ? node.childNodes
        : [];
  for (const child of children) collectText(child, out);
}

/** Every corpus page's text, decoded as Baozhai decodes saved pages. */
export function readCorpusTexts(): Array<{ id: string; text: string }> {
  const corpus = join(sharedDir, 'corpus');
  return readdirSync(corpus, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(corpus, d.name, 'page.html')))
    .map((d) => d.name)
    .sort()
    .map((id) => {
      const { text } = decodeHtml(new Uint8Array(readFileSync(join(corpus, id, 'page.html'))));
      const out: string[] = [];
      collectText(parse(text, { scriptingEnabled: false }), out);
      return { id, text: out.join('') };
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
