import type { Table } from 'dexie';
import { hostOf, registrableHost } from '../../detect/page-url';
import type { Clipping } from '../types';
import type { MetaTable } from './meta';
import { readOrder } from './order';

export type ClippingsTable = Table<Clipping, string>;

/**
 * Dexie index spec: primary key, newest-first listing, dedupe keys, tags (multiEntry), and the
 * last change (open pages follow changes made elsewhere by it).
 */
export const CLIPPINGS_STORE = 'id, savedAt, url, canonicalUrl, contentHash, *tags, updatedAt';

/** True for a home-page URL: some sites point every page's canonical link there, so it names no article. */
export function isSiteRoot(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname.length <= 1 && parsed.search === '';
  } catch {
    return true;
  }
}

/**
 * The address that names a page in the archive: its URL without the #fragment, which names a
 * place in the page; a fragment route (#/path, #!path) of a single-page site is kept.
 */
export function pageKey(url: string): string {
  const at = url.indexOf('#');
  if (at === -1 || /^#!?\//.test(url.slice(at))) return url;
  return url.slice(0, at);
}

/** The site a URL belongs to (registrable host of an http(s) URL), or '' for any other URL. */
export function siteOf(url: string): string {
  const host = hostOf(url);
  return host ? registrableHost(host) : '';
}

/**
 * Find the clipping a page belongs to: the same URL, else the same content hash on the same site.
 * The page's canonical link is a claim the page makes and never decides which clipping it is: a
 * page may only ever update clippings of its own site.
 */
export async function findClipping(
  table: ClippingsTable,
  query: { url: string; contentHash?: string },
): Promise<Clipping | undefined> {
  if (query.url === '') return undefined;
  const site = siteOf(query.url);
  // Both asked for at once (one wait instead of two, each of which can queue behind other work);
  // the URL still decides first.
  const [byUrl, sameHash] = await Promise.all([
    table.where('url').equals(query.url).first(),
    query.contentHash && site ? table.where('contentHash').equals(query.contentHash).toArray() : [],
  ]);
  return byUrl ?? sameHash.find((c) => siteOf(c.url) === site);
}

/** Ids of clippings newest first (the kept order: one read), optionally only those carrying a tag. */
export async function listClippingIds(
  db: { clippings: ClippingsTable; meta: MetaTable },
  tag?: string,
): Promise<string[]> {
  const { ids } = await readOrder(db);
  if (!tag) return ids;
  const tagged = new Set(await db.clippings.where('tags').equals(tag).primaryKeys());
  return ids.filter((id) => tagged.has(id));
}

/** The newest clippings and how many there are in all, from the kept order. */
export async function listNewest(
  db: { clippings: ClippingsTable; meta: MetaTable },
  limit: number,
): Promise<{ clippings: Clipping[]; total: number }> {
  const { ids } = await readOrder(db);
  return { clippings: await getClippings(db.clippings, ids.slice(0, limit)), total: ids.length };
}

/** Clippings by id, in the order asked, skipping ids no longer stored. */
export async function getClippings(table: ClippingsTable, ids: readonly string[]): Promise<Clipping[]> {
  return (await table.bulkGet([...ids])).filter((c): c is Clipping => c !== undefined);
}

/** Every tag in use, sorted. */
export async function listTags(table: ClippingsTable): Promise<string[]> {
  return (await table.orderBy('tags').uniqueKeys()).map(String);
}
