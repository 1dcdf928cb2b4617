// Reading the shared evaluation corpus: DIR/<id>/{page.html,truth.json}.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml } from '../../lib/text/decode.ts';

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
  /** Where the page came from: the benchmark repository (owner/name). */
  source?: { repo?: string };
  truth: {
    body: string | null;
    body_quality: 'human' | 'container' | 'machine' | 'reviewed-regression' | null;
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
