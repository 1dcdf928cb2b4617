// Reading the shared evaluation corpus: DIR/<id>/{page.html,truth.json}.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../lib/text/decode.ts';
import { parseDocument } from '../../lib/cli/dom.ts';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared folder (corpus, seeds): `BAOZHAI_SHARED`, else `../shared` next to the repo. */
export function resolveSharedRoot(): string {
  return process.env.BAOZHAI_SHARED ? resolve(process.env.BAOZHAI_SHARED) : resolve(repoRoot, '../shared');
}

export type Kind = 'gov-news' | 'other-news' | 'non-article';

export interface Truth {
  id: string;
  url: string | null;
  kind: Kind;
  truth: {
    body: string | null;
    body_quality: 'human' | 'machine' | 'reviewed-regression' | null;
    title: string | null;
    date: string | null;
    author: string | null;
  };
}

/** Page ids of a corpus folder, sorted, optionally filtered to `only`. */
export function listPages(dir: string, only?: string[]): string[] {
  const ids = readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, 'truth.json')))
    .map((e) => e.name)
    .sort();
  return only && only.length ? ids.filter((id) => only.includes(id)) : ids;
}

/** Read one page's truth file. */
export function readTruth(dir: string, id: string): Truth {
  return JSON.parse(readFileSync(join(dir, id, 'truth.json'), 'utf8')) as Truth;
}

/** Decode a page's bytes the way the product does. */
export function readPageHtml(dir: string, id: string): string {
  return decodeHtml(readFileSync(join(dir, id, 'page.html'))).text;
}

/**
 * Parse with the CLI's jsdom parser. jsdom's CSS parser throws on a few real stylesheets
 * ("border: inherit"); the styles are irrelevant to reading, so retry without them.
 */
export function parsePage(html: string, url: string): { doc: Document; stylesDropped: boolean } {
  try {
    return { doc: parseDocument(html, url), stylesDropped: false };
  } catch {
    const unstyled = html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '').replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/gi, '');
    return { doc: parseDocument(unstyled, url), stylesDropped: true };
  }
}
